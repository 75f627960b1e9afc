/**
 * The notification templates for the back office (/api/admin/notification-templates): one record
 * per event and locale, id "<event>.<locale>" (e.g. "case_received.vi"), the administrator's
 * wording where there is one, else the default of notifications/templates.ts (`edited: false`).
 * PUT saves a wording (checked: only the event's own {{variables}}); DELETE restores the default.
 */
import { z } from 'zod';
import type { AppAbility } from '../../../domain/abilities';
import { LOCALES, variablesIn, type Locale } from '../../../notifications/render';
import { EVENTS, isTemplateEvent, type TemplateEvent, type TemplateText } from '../../../notifications/templates';
import { AppError } from '../../../platform/app-error';
import type { Db } from '../../../platform/db';
import type { NotificationTemplate } from '../../../prisma/generated/client';
import type { ListQuery } from '../../list-query';
import { assertAllowed, auditChange, invalid, notFound, type AdminActor } from '../admin/admin-actor';

export const notificationTemplateFilter = z
  .object({
    id: z.union([z.string(), z.array(z.string())]).optional(),
    event: z.string().max(50).optional(),
    locale: z.enum(['vi', 'en']).optional(),
    audience: z.enum(['citizen', 'official']).optional(),
    edited: z.boolean().optional(),
    q: z.string().max(200).optional(),
  })
  .strict();

export const NOTIFICATION_TEMPLATE_SORTABLE = ['id', 'event', 'locale', 'audience', 'updatedAt'] as const;

export const templateInput = z
  .object({
    subject: z.string().trim().min(1).max(300),
    body: z.string().trim().min(1).max(10_000),
    shortBody: z.string().trim().min(1).max(640),
  })
  .strict();
export type TemplateInput = z.infer<typeof templateInput>;

export interface NotificationTemplateRecord extends TemplateText {
  id: string;
  event: TemplateEvent;
  locale: Locale;
  audience: 'citizen' | 'official';
  /** The variables the texts may use, with what each holds. */
  variables: { name: string; description: string }[];
  /** An administrator's wording (false: the default). */
  edited: boolean;
  default: TemplateText;
  updatedAt: string | null;
  updatedById: string | null;
}

function parseId(id: string): { event: TemplateEvent; locale: Locale } | null {
  const [event, locale, ...rest] = id.split('.');
  if (rest.length || !event || !isTemplateEvent(event) || !LOCALES.includes(locale as Locale)) return null;
  return { event, locale: locale as Locale };
}

function recordOf(
  event: TemplateEvent,
  locale: Locale,
  row: NotificationTemplate | undefined,
): NotificationTemplateRecord {
  const spec = EVENTS[event];
  const text = row ? { subject: row.subject, body: row.body, shortBody: row.shortBody } : spec.texts[locale];
  return {
    id: `${event}.${locale}`,
    event,
    locale,
    audience: spec.audience,
    ...text,
    variables: Object.entries(spec.variables).map(([name, description]) => ({ name, description })),
    edited: Boolean(row),
    default: spec.texts[locale],
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedById: row?.updatedById ?? null,
  };
}

function assertMay(ability: AppAbility, action: 'read' | 'update') {
  assertAllowed(ability, action, 'NotificationTemplate');
}

export async function findNotificationTemplates(
  db: Db,
  actor: AdminActor,
  query: ListQuery<z.infer<typeof notificationTemplateFilter>>,
) {
  assertMay(actor.ability, 'read');
  const rows = new Map((await db.notificationTemplate.findMany()).map((r) => [r.id, r]));
  const f = query.filter;
  const ids = f.id === undefined ? undefined : new Set([f.id].flat());
  const q = f.q?.toLocaleLowerCase('vi');
  const all = (Object.keys(EVENTS) as TemplateEvent[])
    .flatMap((event) => LOCALES.map((locale) => recordOf(event, locale, rows.get(`${event}.${locale}`))))
    .filter(
      (r) =>
        (!ids || ids.has(r.id)) &&
        (!f.event || r.event === f.event) &&
        (!f.locale || r.locale === f.locale) &&
        (!f.audience || r.audience === f.audience) &&
        (f.edited === undefined || r.edited === f.edited) &&
        (!q || `${r.id} ${r.subject} ${r.body}`.toLocaleLowerCase('vi').includes(q)),
    );
  const field = query.sort.field as (typeof NOTIFICATION_TEMPLATE_SORTABLE)[number];
  const sign = query.sort.order === 'asc' ? 1 : -1;
  all.sort((a, b) => sign * String(a[field] ?? '').localeCompare(String(b[field] ?? '')) || a.id.localeCompare(b.id));
  return { rows: all.slice(query.skip, query.skip + query.take), total: all.length };
}

export async function getNotificationTemplate(db: Db, actor: AdminActor, id: string) {
  assertMay(actor.ability, 'read');
  const key = parseId(id);
  if (!key) throw notFound(id);
  const row = await db.notificationTemplate.findUnique({ where: { id } });
  return recordOf(key.event, key.locale, row ?? undefined);
}

/** 422 naming a {{variable}} the event does not have (a typo would print nothing). */
export function checkVariables(event: TemplateEvent, input: Partial<TemplateInput>): void {
  const known = EVENTS[event].variables;
  for (const field of ['subject', 'body', 'shortBody'] as const) {
    const unknown = variablesIn(input[field] ?? '').find((name) => !Object.hasOwn(known, name));
    if (unknown) throw invalid(field, 'unknown_variable', { name: unknown });
  }
}

export async function updateNotificationTemplate(db: Db, actor: AdminActor, id: string, input: TemplateInput) {
  assertMay(actor.ability, 'update');
  const key = parseId(id);
  if (!key) throw notFound(id);
  checkVariables(key.event, input);
  const data = { ...input, updatedById: actor.userId };
  const row = await db.notificationTemplate.upsert({
    where: { id },
    create: { id, event: key.event, locale: key.locale, ...data },
    update: data,
  });
  await auditChange(db, actor, {
    action: 'config.update',
    subjectType: 'NotificationTemplate',
    subjectId: id,
    details: { fields: Object.keys(input) },
  });
  return recordOf(key.event, key.locale, row);
}

/** Restores the default wording; answers the template as it now is. */
export async function resetNotificationTemplate(db: Db, actor: AdminActor, id: string) {
  assertMay(actor.ability, 'update');
  const key = parseId(id);
  if (!key) throw notFound(id);
  const { count } = await db.notificationTemplate.deleteMany({ where: { id } });
  if (count > 0)
    await auditChange(db, actor, { action: 'config.delete', subjectType: 'NotificationTemplate', subjectId: id });
  return recordOf(key.event, key.locale, undefined);
}

export function templateKey(id: string) {
  const key = parseId(id);
  if (!key) throw new AppError('NOT_FOUND', { what: id });
  return key;
}
