/**
 * The case a reporter acts on, proven either by its citizen token (api/services/citizen-token.ts,
 * compared in constant time) or by the signed-in citizen's account holding it (Case.citizenId,
 * api/services/citizen-accounts/). Neither is 401; a token of another case 403
 * CITIZEN_TOKEN_INVALID; an account that does not hold the case 403 CITIZEN_NOT_OWNER. A token,
 * when sent, decides alone: a stale one is reported even to a signed-in citizen.
 */
import { normaliseTrackingCode } from '../../domain/tracking-code';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import { isCitizenToken } from './citizen-token';

export interface ReporterCase {
  id: string;
  trackingCode: string;
}

/** What a request offers as proof of being the reporter. */
export interface ReporterProof {
  token?: string;
  /** The signed-in citizen's account. */
  citizenId?: string;
}

export async function findReporterCase(
  db: Db,
  secret: string,
  trackingCode: string,
  proof: ReporterProof,
): Promise<ReporterCase> {
  if (!proof.token && !proof.citizenId) throw new AppError('CITIZEN_TOKEN_REQUIRED');
  const row = await db.case.findUnique({
    where: { trackingCode: normaliseTrackingCode(trackingCode) },
    select: { id: true, trackingCode: true, citizenId: true },
  });
  if (!row) throw new AppError('NOT_FOUND', { what: trackingCode });
  if (proof.token) {
    if (!isCitizenToken(secret, row.id, proof.token)) throw new AppError('CITIZEN_TOKEN_INVALID');
  } else if (row.citizenId === null || row.citizenId !== proof.citizenId) {
    throw new AppError('CITIZEN_NOT_OWNER');
  }
  return { id: row.id, trackingCode: row.trackingCode };
}
