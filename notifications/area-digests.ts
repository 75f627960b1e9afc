/**
 * Area digests: the new and resolved reports of a commune reach its subscribers as one message
 * per subscription per window (AREA_ALERT_WINDOW_MS, an hour by default, cut on the clock: 08:00,
 * 09:00, …), never one per report: a storm of a thousand reports is one message each.
 *
 * Once a window has closed (and a short settling time has passed, for projections still
 * committing), one transaction claims its events (`digestId`, FOR UPDATE SKIP LOCKED: several
 * workers never take the same event), writes each matching subscription's digest to the outbox
 * (dedupeKey `area:<digestId>:<subscriptionId>:<channel>`) and commits: a crash half-way rolls
 * all of it back and the events are taken again, so nothing is lost or written twice. Events of
 * a window that a stopped worker left waiting are sent together in the next digest.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db';
import type { Logger } from '../platform/logger';
import type { Prisma, Subscription, SubscriptionTopic } from '../prisma/generated/client';
import { messageLinks } from './links';
import { createPollLoop } from './poll-loop';
import { localeOf, type Locale } from './render';
import { subscriptionMessage } from './subscription-message';
import { subscriptionPages } from './subscription-pages';
import { renderTemplate, templateFor, type TemplateText } from './templates';

export interface AreaDigestOptions {
  /** The window's length; a digest is written once it has closed. */
  windowMs: number;
  /** How often to look for a closed window. */
  pollMs?: number;
  /** Events claimed in one digest (a larger storm is sent over several). */
  maxEvents?: number;
}

interface ClaimedEvent {
  caseId: string;
  topic: SubscriptionTopic;
  communeCode: string | null;
}

interface Reported {
  trackingCode: string;
  topic: SubscriptionTopic;
  communeCode: string | null;
  category: Record<Locale, string>;
  commune: string | null;
}

const LISTED = 10;

const LABELS: Record<Locale, Record<'report_new' | 'report_resolved', string>> = {
  vi: { report_new: 'Mới', report_resolved: 'Đã có kết quả' },
  en: { report_new: 'New', report_resolved: 'Resolved' },
};

function summary(locale: Locale, fresh: number, resolved: number): string {
  const parts =
    locale === 'en'
      ? [
          fresh && `${fresh} new report${fresh > 1 ? 's' : ''}`,
          resolved && `${resolved} report${resolved > 1 ? 's' : ''} resolved`,
        ]
      : [fresh && `${fresh} phản ánh mới`, resolved && `${resolved} phản ánh đã có kết quả`];
  return parts.filter(Boolean).join(', ');
}

export function createAreaDigests(
  deps: { db: Db; publicBaseUrl: string; logger?: Logger },
  options: AreaDigestOptions,
) {
  const { db, publicBaseUrl, logger } = deps;
  const pollMs = options.pollMs ?? Math.min(30_000, Math.max(200, options.windowMs / 10));
  // Projections commit within milliseconds of their clock reading; this leaves them ample time.
  const settleMs = Math.min(10_000, Math.floor(options.windowMs / 4));
  const maxEvents = options.maxEvents ?? 5_000;
  const links = messageLinks(publicBaseUrl);

  /** One digest of the closed windows' events; the number of messages written. */
  async function runOnce(): Promise<number> {
    return db.$transaction(
      async (tx) => {
        const digestId = randomUUID();
        const events = await tx.$queryRaw<ClaimedEvent[]>`
          UPDATE "AreaAlertEvent" SET "digestId" = ${digestId}::uuid
           WHERE id IN (
             SELECT id FROM "AreaAlertEvent"
              WHERE "digestId" IS NULL
                AND "createdAt" < to_timestamp(
                      floor((extract(epoch FROM clock_timestamp()) * 1000 - ${settleMs}::integer) / ${options.windowMs}::bigint)
                      * ${options.windowMs}::bigint / 1000.0) AT TIME ZONE 'UTC'
              ORDER BY "createdAt", id
              LIMIT ${maxEvents}::integer
              FOR UPDATE SKIP LOCKED)
          RETURNING "caseId", topic::text AS topic, "communeCode"`;
        if (events.length === 0) return 0;
        const reported = await describe(tx, events);
        return writeDigests(tx, digestId, reported);
      },
      { timeout: 300_000, maxWait: 10_000 },
    );
  }

  async function describe(tx: Prisma.TransactionClient, events: ClaimedEvent[]): Promise<Reported[]> {
    const cases = await tx.case.findMany({
      where: { id: { in: [...new Set(events.map((e) => e.caseId))] } },
      select: {
        id: true,
        trackingCode: true,
        category: { select: { nameVi: true, nameEn: true } },
        commune: { select: { name: true } },
      },
    });
    const byId = new Map(cases.map((c) => [c.id, c]));
    const seen = new Set<string>();
    const reported: Reported[] = [];
    for (const e of events) {
      const c = byId.get(e.caseId);
      // The same report resolved twice in one window (reopened, answered again) is listed once.
      if (!c || seen.has(`${e.caseId}:${e.topic}`)) continue;
      seen.add(`${e.caseId}:${e.topic}`);
      reported.push({
        trackingCode: c.trackingCode,
        topic: e.topic,
        communeCode: e.communeCode,
        category: { vi: c.category.nameVi, en: c.category.nameEn },
        commune: c.commune?.name ?? null,
      });
    }
    return reported;
  }

  async function writeDigests(tx: Prisma.TransactionClient, digestId: string, reported: Reported[]) {
    const topics = [...new Set(reported.map((r) => r.topic))];
    const communes = [...new Set(reported.flatMap((r) => (r.communeCode ? [r.communeCode] : [])))];
    const templates = new Map<Locale, TemplateText>();
    let written = 0;
    const subscribers = subscriptionPages(tx, {
      confirmedAt: { not: null },
      unsubscribedAt: null,
      topics: { hasSome: topics },
      OR: [{ communeCodes: { isEmpty: true } }, { communeCodes: { hasSome: communes } }],
    });
    for await (const page of subscribers) {
      const rows: Prisma.NotificationCreateManyInput[] = [];
      for (const s of page) {
        const mine = reported.filter(
          (r) =>
            s.topics.includes(r.topic) &&
            (s.communeCodes.length === 0 || (r.communeCode !== null && s.communeCodes.includes(r.communeCode))),
        );
        if (mine.length === 0) continue;
        const locale = localeOf(s.locale);
        if (!templates.has(locale)) templates.set(locale, await templateFor(tx, 'area_reports', locale));
        rows.push(digestRow(s, digestId, mine, templates.get(locale)!));
      }
      if (rows.length) written += (await tx.notification.createMany({ data: rows, skipDuplicates: true })).count;
    }
    logger?.info({ digestId, reports: reported.length, messages: written }, 'area digest written');
    return written;
  }

  function digestRow(s: Subscription, digestId: string, mine: Reported[], template: TemplateText) {
    const locale = localeOf(s.locale);
    const count = (topic: SubscriptionTopic) => mine.filter((r) => r.topic === topic).length;
    const lines = mine.slice(0, LISTED).map((r) => {
      const where = [r.category[locale], r.commune].filter(Boolean).join(', ');
      return `• ${LABELS[locale][r.topic as 'report_new']}: ${r.trackingCode}, ${where}: ${links.citizenCase(r.trackingCode)}`;
    });
    if (mine.length > LISTED)
      lines.push(locale === 'en' ? `… and ${mine.length - LISTED} more` : `… và ${mine.length - LISTED} phản ánh khác`);
    const link = mine.length === 1 ? links.citizenCase(mine[0]!.trackingCode) : links.feed();
    const text = renderTemplate(template, {
      summary: summary(locale, count('report_new'), count('report_resolved')),
      list: lines.join('\n'),
      link,
      manageLink: links.manageSubscription(s.unsubscribeToken),
      unsubscribeLink: links.unsubscribe(s.unsubscribeToken),
    });
    return subscriptionMessage(
      s,
      { dedupeKey: `area:${digestId}:${s.id}:${s.channel}`, event: 'area_reports', text, link },
      publicBaseUrl,
    );
  }

  const polling = createPollLoop({
    // A digest takes every closed window's events (a storm beyond maxEvents aside): sleep after it.
    look: async () => {
      await runOnce();
      return false;
    },
    pollMs,
    // The database is away or the transaction failed: the events are still unclaimed.
    onError: (error) => logger?.warn({ err: error }, 'area digest not written; the events wait for the next look'),
  });

  return { start: polling.start, stop: polling.stop, runOnce };
}

export type AreaDigests = ReturnType<typeof createAreaDigests>;
