/**
 * In-app notifications for officials, through the outbox table: one row per (event, recipient,
 * channel), keyed so that a retried activity or a restarted worker never notifies twice.
 * An in-app notification is delivered by being stored (the back office's bell reads it, live through
 * GET /api/admin/notifications/stream); the reporter's are activities/notify-reporter.ts.
 */
import { messageLinks } from '../notifications/links';
import { formatDateTime } from '../notifications/render';
import { renderTemplate, type OfficialEvent } from '../notifications/templates';
import type { Db } from '../platform/db';
import type { Role } from '../prisma/generated/client';
import { templatesReadEachTime, type TemplateSource } from './template-source';

export type NotificationEvent = OfficialEvent;

export interface OfficialNotification {
  caseId: string;
  /** Unique per occurrence in the case, e.g. "<seq>:overdue". */
  key: string;
  event: NotificationEvent;
  /**
   * Officials by id, and/or the holders of roles in a unit (null unit: the IOC), or in the units
   * whose area includes a commune (the area's officials).
   */
  audience: { userIds?: string[]; unitId?: string | null; areaCommuneCode?: string; roles?: Role[] };
  params: { trackingCode: string; step?: string; due?: string | null };
}

/** Step names as officials read them in notifications. */
const STEP_LABELS: Record<string, string> = {
  verify: 'Xác minh',
  route: 'Chuyển xử lý',
  accept: 'Tiếp nhận',
  assign: 'Phân công',
  process: 'Xử lý',
  extension: 'Gia hạn',
  approve: 'Phê duyệt',
  review: 'Xem xét đánh giá',
};

/** The database, or a transaction the notification joins (a transition's, activities/project-transition.ts). */
export type OfficialsNotifier = Pick<Db, 'membership' | 'notificationTemplate' | 'notification'>;

export async function notifyOfficials(
  db: OfficialsNotifier,
  n: OfficialNotification,
  publicBaseUrl = '',
  /** The worker's cached templates; without it the template is read with the notification. */
  templates: TemplateSource = templatesReadEachTime(db),
): Promise<number> {
  const recipients = new Set(n.audience.userIds ?? []);
  if (n.audience.roles?.length) {
    const unitWhere = n.audience.areaCommuneCode
      ? { communeCodes: { has: n.audience.areaCommuneCode }, active: true }
      : n.audience.unitId
        ? { id: n.audience.unitId }
        : { kind: 'ioc' as const };
    const members = await db.membership.findMany({
      where: { role: { in: n.audience.roles }, unit: unitWhere, user: { active: true } },
      select: { userId: true },
    });
    for (const m of members) recipients.add(m.userId);
  }
  if (recipients.size === 0) return 0;
  // Officials read the back office in Vietnamese; the wording is an editable template.
  const { subject, body } = renderTemplate(await templates.template(n.event, 'vi'), {
    trackingCode: n.params.trackingCode,
    step: n.params.step ? (STEP_LABELS[n.params.step] ?? n.params.step) : '',
    deadline: formatDateTime(n.params.due, 'vi'),
    link: messageLinks(publicBaseUrl).officialCase(n.caseId),
  });
  const now = new Date();
  const result = await db.notification.createMany({
    data: [...recipients].map((userId) => ({
      dedupeKey: `${n.caseId}:${n.key}:${userId}:in_app`,
      caseId: n.caseId,
      event: n.event,
      channel: 'in_app' as const,
      recipient: userId,
      recipientKind: 'official' as const,
      subject,
      body,
      state: 'sent' as const,
      sentAt: now,
    })),
    skipDuplicates: true,
  });
  return result.count;
}
