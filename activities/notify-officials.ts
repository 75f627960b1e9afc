/**
 * In-app notifications for officials, through the outbox table: one row per (event, recipient,
 * channel), keyed so that a retried activity or a restarted worker never notifies twice.
 * Email, SMS and Zalo delivery, and citizens' notifications, are the notification service's
 * (issue 8); an in-app notification is delivered by being stored.
 */
import type { Db } from '../platform/db';
import type { Role } from '../prisma/generated/client';

export type NotificationEvent =
  | 'new_task'
  | 'task_assigned'
  | 'deadline_reminder'
  | 'overdue'
  | 'escalated'
  | 'extension_requested'
  | 'extension_decided'
  | 'case_returned'
  | 'urgent_report';

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

const TEXTS: Record<NotificationEvent, (p: OfficialNotification['params']) => { subject: string; body: string }> = {
  new_task: (p) => ({
    subject: `Nhiệm vụ mới: ${p.trackingCode}`,
    body: `Phản ánh ${p.trackingCode} chờ bước "${p.step}".`,
  }),
  task_assigned: (p) => ({
    subject: `Được giao xử lý ${p.trackingCode}`,
    body: `Bạn được giao xử lý phản ánh ${p.trackingCode}.`,
  }),
  deadline_reminder: (p) => ({
    subject: `Sắp đến hạn: ${p.trackingCode}`,
    body: `Bước "${p.step}" của phản ánh ${p.trackingCode} đến hạn lúc ${p.due}.`,
  }),
  overdue: (p) => ({
    subject: `Quá hạn: ${p.trackingCode}`,
    body: `Bước "${p.step}" của phản ánh ${p.trackingCode} đã quá hạn (${p.due}).`,
  }),
  escalated: (p) => ({
    subject: `Chuyển cấp giám sát: ${p.trackingCode}`,
    body: `Phản ánh ${p.trackingCode} quá hạn ở bước "${p.step}" và được báo cáo lên giám sát.`,
  }),
  extension_requested: (p) => ({
    subject: `Đề nghị gia hạn: ${p.trackingCode}`,
    body: `Cán bộ xử lý đề nghị gia hạn phản ánh ${p.trackingCode}.`,
  }),
  extension_decided: (p) => ({
    subject: `Kết quả đề nghị gia hạn: ${p.trackingCode}`,
    body: `Đề nghị gia hạn phản ánh ${p.trackingCode} đã được xem xét.`,
  }),
  case_returned: (p) => ({
    subject: `Phản ánh bị trả lại: ${p.trackingCode}`,
    body: `Đơn vị đã trả lại phản ánh ${p.trackingCode} vì không thuộc thẩm quyền; cần chuyển lại.`,
  }),
  urgent_report: (p) => ({
    subject: `Phản ánh KHẨN: ${p.trackingCode}`,
    body: `Có phản ánh khẩn ${p.trackingCode} trên địa bàn của đơn vị.`,
  }),
};

export async function notifyOfficials(db: Db, n: OfficialNotification): Promise<number> {
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
  const { subject, body } = TEXTS[n.event](n.params);
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
