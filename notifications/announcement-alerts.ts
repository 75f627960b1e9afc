/**
 * Alerts of a published announcement to the citizens subscribed to its area: only critical
 * disaster posts alert (ALERTING); everything else is read on the portal (GET
 * /api/v1/announcements). One outbox row per (announcement, subscription, channel), keyed
 * `announcement:<id>:<subscriptionId>:<channel>`: publishing again, or a crash half-way through a
 * large list, adds only the rows still missing. Each mail carries the subscriber's one-click
 * unsubscribe link (List-Unsubscribe, RFC 8058).
 */
import type { Db } from '../platform/db';
import type { Announcement, AnnouncementKind, Prisma, Severity } from '../prisma/generated/client';
import { messageLinks } from './links';
import { formatDateTime, localeOf, type Locale } from './render';
import { subscriptionMessage } from './subscription-message';
import { subscriptionPages } from './subscription-pages';
import { renderTemplate, templateFor, type TemplateText } from './templates';

/** Which posts alert subscribers at once. */
export const ALERTING: { kinds: readonly AnnouncementKind[]; severity: Severity } = {
  kinds: ['disaster'],
  severity: 'critical',
};

export const KIND_LABELS: Record<AnnouncementKind, Record<Locale, string>> = {
  weather: { vi: 'Thời tiết', en: 'Weather' },
  disaster: { vi: 'Thiên tai', en: 'Natural disaster' },
  traffic: { vi: 'Giao thông', en: 'Traffic' },
  notice: { vi: 'Thông báo', en: 'Notice' },
  other: { vi: 'Tin khác', en: 'Other' },
};

export function alertsSubscribers(a: Pick<Announcement, 'kind' | 'severity' | 'publishedAt'>): boolean {
  return a.publishedAt !== null && ALERTING.kinds.includes(a.kind) && a.severity === ALERTING.severity;
}

/** The confirmed, still subscribed subscriptions an announcement of this area and kind reaches. */
export function subscribersOf(a: Pick<Announcement, 'communeCodes' | 'kind'>): Prisma.SubscriptionWhereInput {
  return {
    confirmedAt: { not: null },
    unsubscribedAt: null,
    topics: { has: 'announcements' },
    // A province-wide post reaches everyone; a post for communes, those who chose one of them
    // and those who chose the whole province (no commune).
    ...(a.communeCodes.length > 0 && {
      OR: [{ communeCodes: { isEmpty: true } }, { communeCodes: { hasSome: a.communeCodes } }],
    }),
    AND: [{ OR: [{ kinds: { isEmpty: true } }, { kinds: { has: a.kind } }] }],
  };
}

/** Writes the alerts of a published announcement to the outbox; returns how many rows were new. */
export async function queueAnnouncementAlerts(
  db: Db,
  announcement: Announcement & { unit: { name: string; nameEn: string | null } },
  publicBaseUrl: string,
): Promise<number> {
  if (!alertsSubscribers(announcement)) return 0;
  const templates = new Map<Locale, TemplateText>();
  const textFor = async (locale: Locale) => {
    if (!templates.has(locale)) templates.set(locale, await templateFor(db, 'announcement_alert', locale));
    return templates.get(locale)!;
  };
  const links = messageLinks(publicBaseUrl);
  let created = 0;
  for await (const page of subscriptionPages(db, subscribersOf(announcement))) {
    const rows: Prisma.NotificationCreateManyInput[] = [];
    for (const s of page) {
      const locale = localeOf(s.locale);
      const en = locale === 'en';
      const text = renderTemplate(await textFor(locale), {
        title: (en ? announcement.titleEn : null) ?? announcement.titleVi,
        body: (en ? announcement.bodyEn : null) ?? announcement.bodyVi,
        kindLabel: KIND_LABELS[announcement.kind][locale],
        unitName: (en ? announcement.unit.nameEn : null) ?? announcement.unit.name,
        validUntil: announcement.validUntil
          ? formatDateTime(announcement.validUntil, locale)
          : en
            ? 'further notice'
            : 'khi có thông báo mới',
        link: links.announcements(),
        manageLink: links.manageSubscription(s.unsubscribeToken),
        unsubscribeLink: links.unsubscribe(s.unsubscribeToken),
      });
      rows.push(
        subscriptionMessage(
          s,
          {
            dedupeKey: `announcement:${announcement.id}:${s.id}:${s.channel}`,
            event: 'announcement_alert',
            text,
            link: links.announcements(),
          },
          publicBaseUrl,
        ),
      );
    }
    created += (await db.notification.createMany({ data: rows, skipDuplicates: true })).count;
  }
  return created;
}
