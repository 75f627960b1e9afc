/**
 * POST /api/v1/citizen/claims: a report made on this device before signing in joins the account,
 * proven by its citizen token. Idempotent (claiming one's own report again changes nothing, 200);
 * a report another account holds is refused (409), never moved: the token alone does not outrank
 * the account that claimed or made it first.
 */
import { z } from 'zod';
import { normaliseTrackingCode } from '../../../domain/tracking-code';
import { AppError } from '../../../platform/app-error';
import type { Db } from '../../../platform/db';
import { isCitizenToken } from '../citizen-token';
import { recordAudit } from '../record-audit';

export const claimSchema = z
  .object({
    trackingCode: z.string().trim().min(1).max(40),
    citizenToken: z.string().trim().min(1).max(200),
  })
  .strict();

export async function claimReport(
  deps: { db: Db; secret: string },
  citizenId: string,
  input: z.infer<typeof claimSchema> & { ip: string | null; requestId: string | null },
): Promise<{ trackingCode: string; claimed: boolean }> {
  const { db } = deps;
  const row = await db.case.findUnique({
    where: { trackingCode: normaliseTrackingCode(input.trackingCode) },
    select: { id: true, trackingCode: true, citizenId: true },
  });
  if (!row) throw new AppError('NOT_FOUND', { what: input.trackingCode });
  if (!isCitizenToken(deps.secret, row.id, input.citizenToken)) throw new AppError('CITIZEN_TOKEN_INVALID');
  if (row.citizenId === citizenId) return { trackingCode: row.trackingCode, claimed: false };
  // Only a case nobody holds: two accounts claiming at once, one wins and the other gets 409.
  const taken = await db.case.updateMany({ where: { id: row.id, citizenId: null }, data: { citizenId } });
  if (taken.count === 0) {
    const now = await db.case.findUniqueOrThrow({ where: { id: row.id }, select: { citizenId: true } });
    if (now.citizenId === citizenId) return { trackingCode: row.trackingCode, claimed: false };
    throw new AppError('CLAIMED_BY_ANOTHER_ACCOUNT');
  }
  await recordAudit(db, {
    actorKind: 'citizen',
    actorId: citizenId,
    action: 'citizen_claimed_report',
    subjectType: 'Case',
    subjectId: row.id,
    caseId: row.id,
    ip: input.ip,
    requestId: input.requestId,
  });
  return { trackingCode: row.trackingCode, claimed: true };
}
