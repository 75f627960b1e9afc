/**
 * The case a reporter acts on, proven by its citizen token (api/services/citizen-token.ts): no
 * token is 401, a token of another case (or none at all) 403; compared in constant time.
 */
import { normaliseTrackingCode } from '../../domain/tracking-code';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import { isCitizenToken } from './citizen-token';

export interface ReporterCase {
  id: string;
  trackingCode: string;
}

export async function findReporterCase(
  db: Db,
  secret: string,
  trackingCode: string,
  token: string | undefined,
): Promise<ReporterCase> {
  if (!token) throw new AppError('CITIZEN_TOKEN_REQUIRED');
  const row = await db.case.findUnique({
    where: { trackingCode: normaliseTrackingCode(trackingCode) },
    select: { id: true, trackingCode: true },
  });
  if (!row) throw new AppError('NOT_FOUND', { what: trackingCode });
  if (!isCitizenToken(secret, row.id, token)) throw new AppError('CITIZEN_TOKEN_INVALID');
  return row;
}
