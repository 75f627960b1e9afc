/**
 * The notification templates in force, for the activities that write notifications. Every case
 * step writes one or more, each needing its template: reading the table for each would be a query
 * per notification on the hot path (two per submission). The worker keeps the whole table (a
 * few dozen rows: every event in both languages) and reads it again after the configuration's
 * time-to-live, as it does the SLA policies and routing rules: an administrator's edit reaches
 * notifications within a minute. The API's previews read the row itself (notifications/templates.ts).
 */
import { templateFor, templateInForce, type TemplateEvent, type TemplateText } from '../notifications/templates';
import type { Locale } from '../notifications/render';
import type { Db } from '../platform/db';
import { createCachedLoader, type CacheOptions } from './working-calendars';

export interface TemplateSource {
  /** The administrator's wording of the event in that language if there is one, else the default. */
  template(event: TemplateEvent, locale: Locale): Promise<TemplateText>;
}

export function createTemplateSource(db: Pick<Db, 'notificationTemplate'>, options: CacheOptions = {}): TemplateSource {
  const edited = createCachedLoader(async () => {
    const rows = await db.notificationTemplate.findMany({
      select: { id: true, subject: true, body: true, shortBody: true },
    });
    return new Map(rows.map(({ id, ...text }) => [id, text]));
  });
  return {
    async template(event, locale) {
      return templateInForce(event, locale, (await edited.get(options)).get(`${event}.${locale}`));
    },
  };
}

/** Each template read from its row when it is needed: for callers outside the worker (tests, tools). */
export function templatesReadEachTime(db: Pick<Db, 'notificationTemplate'>): TemplateSource {
  return { template: (event, locale) => templateFor(db, event, locale) };
}
