/** Ends a session: it is revoked in the database, so the cookie is worthless even if kept. */
import type { Db } from '../../platform/db';
import { recordAudit } from './record-audit';

export async function logOut(
  db: Db,
  session: { sessionId: string; userId: string },
  now: Date,
  ip?: string,
): Promise<void> {
  await db.session.updateMany({ where: { id: session.sessionId, revokedAt: null }, data: { revokedAt: now } });
  await recordAudit(db, {
    actorKind: 'official',
    actorId: session.userId,
    action: 'logout',
    subjectType: 'User',
    subjectId: session.userId,
    ip: ip ?? null,
  });
}
