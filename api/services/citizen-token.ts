/**
 * The reporter's secret for their case: derived from the case id with the platform's secret, so
 * a retried submission returns the same token and nothing secret is stored or kept in history.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function citizenToken(secret: string, caseId: string): string {
  return createHmac('sha256', secret).update(`citizen-token:${caseId}`).digest('base64url');
}

export function isCitizenToken(secret: string, caseId: string, candidate: string | undefined): boolean {
  if (!candidate) return false;
  const expected = Buffer.from(citizenToken(secret, caseId));
  const given = Buffer.from(candidate);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
