/**
 * An official's own in-app notifications (the back office's bell): how many are unread, marking
 * them all read, and what arrived since a moment, for the live stream. The list and marking one
 * read are GET /api/admin/notifications?filter={"mine":true} and POST /notifications/:id/read.
 */
import type { Db } from '../../../platform/db';

export interface BellNotification {
  id: string;
  event: string;
  caseId: string | null;
  subject: string | null;
  body: string;
  createdAt: string;
  readAt: string | null;
}

const mine = (userId: string) => ({ channel: 'in_app' as const, recipient: userId });

export function countUnread(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { ...mine(userId), readAt: null } });
}

/** Marks every unread in-app notification of the official read; answers how many it marked. */
export async function readAllNotifications(db: Db, userId: string): Promise<{ marked: number; unread: number }> {
  const { count } = await db.notification.updateMany({
    where: { ...mine(userId), readAt: null },
    data: { readAt: new Date() },
  });
  return { marked: count, unread: await countUnread(db, userId) };
}

/** The official's notifications created at or after `since`, oldest first. */
export async function notificationsSince(db: Db, userId: string, since: Date, take = 50): Promise<BellNotification[]> {
  const rows = await db.notification.findMany({
    where: { ...mine(userId), createdAt: { gte: since } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take,
    select: { id: true, event: true, caseId: true, subject: true, body: true, createdAt: true, readAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null }));
}

/** Whether the session behind a long-lived stream is still good (not revoked, expired or disabled). */
export async function sessionAlive(db: Db, sessionId: string, now = new Date()): Promise<boolean> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { revokedAt: true, expiresAt: true, user: { select: { active: true } } },
  });
  return Boolean(session && !session.revokedAt && session.expiresAt > now && session.user.active);
}
