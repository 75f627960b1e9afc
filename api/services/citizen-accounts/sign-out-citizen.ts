/** DELETE /api/v1/citizen/session: the session is revoked (idempotent); the cookie is cleared by the route. */
import type { Db } from '../../../platform/db';
import type { SignedInCitizen } from './citizen-sessions';

export async function signOutCitizen(db: Db, citizen: SignedInCitizen | undefined, now: Date): Promise<void> {
  if (!citizen) return;
  await db.citizenSession.updateMany({
    where: { id: citizen.sessionId, revokedAt: null },
    data: { revokedAt: now },
  });
}
