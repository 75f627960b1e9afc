/**
 * Resolves a session cookie to the official behind it, with their memberships. Expired, revoked
 * or unknown sessions and disabled accounts give null; a live session slides its idle expiry.
 */
import type { Role, UnitKind } from '../../prisma/generated/client';
import { hashSessionToken, SESSION_TOUCH_EVERY_MS } from '../auth/session-token';
import { sessionExpiry, type LogInDependencies } from './log-in';

export interface OfficialSession {
  sessionId: string;
  user: { id: string; username: string; name: string; email: string | null; mustChangePassword: boolean };
  memberships: { unitId: string; unitCode: string; unitName: string; unitKind: UnitKind; role: Role }[];
}

export async function findOfficialSession(
  { db, config }: LogInDependencies,
  token: string,
  now: Date,
): Promise<OfficialSession | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    include: { user: { include: { memberships: { include: { unit: true } } } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || !session.user.active) return null;

  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_EVERY_MS) {
    await db.session.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: sessionExpiry(config, session.createdAt, now) },
    });
  }
  const { user } = session;
  return {
    sessionId: session.id,
    user: {
      id: user.id,
      username: user.username,
      name: user.name,
      email: user.email,
      mustChangePassword: user.mustChangePassword,
    },
    memberships: user.memberships
      .filter((m) => m.unit.active)
      .map((m) => ({
        unitId: m.unitId,
        unitCode: m.unit.code,
        unitName: m.unit.name,
        unitKind: m.unit.kind,
        role: m.role,
      })),
  };
}
