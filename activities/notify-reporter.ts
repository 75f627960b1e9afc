/**
 * The reporter's notifications, through the outbox: one row per channel the reporter gave a
 * contact for (email, SMS), none when they gave none, keyed `${caseId}:${key}:${channel}`, so a
 * retried activity or a restarted worker never writes a second one. The rows are delivered by
 * the dispatcher (notifications/dispatcher.ts). Texts come from the templates, in the reporter's
 * language (Vietnamese unless they chose English).
 */
import { STATUS_LABELS } from '../api/i18n/status-labels';
import type { Db } from '../platform/db';
import type { Prisma } from '../prisma/generated/client';
import { messageLinks } from '../notifications/links';
import { excerpt, formatDateTime, localeOf } from '../notifications/render';
import { renderTemplate } from '../notifications/templates';
import { templatesReadEachTime, type TemplateSource } from './template-source';

export type ReporterEvent =
  'case_received' | 'info_requested' | 'case_accepted' | 'reply_published' | 'rating_reminder' | 'case_closed';

export interface ReporterNotification {
  caseId: string;
  /** Unique per occurrence in the case, e.g. "received" or "<seq>:info_requested". */
  key: string;
  event: ReporterEvent;
  /** The reporter's language; Vietnamese when absent. */
  locale?: string;
  params?: {
    question?: string;
    /** The deadline the message names (answer by, rate by); else the case's resolution deadline. */
    deadline?: string | null;
    reply?: string;
    /** For case_closed: the final status (closed, rejected, duplicate). */
    outcome?: 'closed' | 'rejected' | 'duplicate';
    note?: string | null;
  };
}

/** Phone numbers as gateways take them: digits and a leading +. */
export function normalisePhone(phone: string): string {
  return phone.replace(/[^\d+]/g, '');
}

/** The database, or a transaction the notification joins (the receipt's, activities/receive-report.ts). */
export type ReporterNotifier = Pick<Db, 'case' | 'notificationTemplate' | 'notification'>;

const CASE_FACTS = {
  trackingCode: true,
  reporterEmail: true,
  reporterPhone: true,
  status: true,
  receivedAt: true,
  resolutionDeadline: true,
  unit: { select: { name: true, nameEn: true } },
} as const;

/** What a reporter's notification says of its case, and where it goes. */
export type ReporterCaseFacts = Prisma.CaseGetPayload<{ select: typeof CASE_FACTS }>;

export async function notifyReporter(
  deps: {
    db: ReporterNotifier;
    publicBaseUrl: string;
    /** The worker's cached templates; without it the template is read with the notification. */
    templates?: TemplateSource;
  },
  n: ReporterNotification,
  /** The case as the caller holds it (the receipt, which has just written it); else it is read. */
  known?: ReporterCaseFacts,
): Promise<number> {
  const { db } = deps;
  const row = known ?? (await db.case.findUnique({ where: { id: n.caseId }, select: CASE_FACTS }));
  if (!row) return 0;
  const recipients: { channel: 'email' | 'sms'; address: string }[] = [];
  if (row.reporterEmail) recipients.push({ channel: 'email', address: row.reporterEmail.trim() });
  if (row.reporterPhone) recipients.push({ channel: 'sms', address: normalisePhone(row.reporterPhone) });
  if (recipients.length === 0) return 0;

  const locale = localeOf(n.locale);
  const p = n.params ?? {};
  const outcome = p.outcome ?? (row.status === 'rejected' || row.status === 'duplicate' ? row.status : 'closed');
  const variables = {
    trackingCode: row.trackingCode,
    link: messageLinks(deps.publicBaseUrl).citizenCase(row.trackingCode),
    receivedAt: formatDateTime(row.receivedAt, locale),
    question: p.question ?? '',
    deadline: formatDateTime(p.deadline ?? row.resolutionDeadline, locale),
    unitName: (locale === 'en' ? row.unit?.nameEn : undefined) ?? row.unit?.name ?? '',
    replyExcerpt: excerpt(p.reply, 300),
    statusLabel: STATUS_LABELS[outcome][locale],
    note: p.note ?? '',
  };
  const templates = deps.templates ?? templatesReadEachTime(db);
  const text = renderTemplate(await templates.template(n.event, locale), variables);
  const result = await db.notification.createMany({
    data: recipients.map(({ channel, address }) => ({
      dedupeKey: `${n.caseId}:${n.key}:${channel}`,
      caseId: n.caseId,
      event: n.event,
      channel,
      recipient: address,
      recipientKind: 'citizen' as const,
      locale,
      subject: text.subject,
      body: channel === 'email' ? text.body : text.shortBody,
      state: 'pending' as const,
    })),
    skipDuplicates: true,
  });
  return result.count;
}
