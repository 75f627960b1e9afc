/** What citizens' routes read from a request: the reporter's proof, the retry key, the viewer. */
import type { Request } from 'express';
import { AppError } from '../../platform/app-error';
import type { Db } from '../../platform/db';
import { requestLanguage } from '../i18n/language';
import { signedInCitizen } from '../services/citizen-accounts/citizen-sessions';
import type { ReporterProof } from '../services/find-reporter-case';
import type { ReportViewer } from '../services/get-report';

export const CITIZEN_TOKEN_HEADER = 'X-Citizen-Token';

export function citizenTokenOf(req: Request): string | undefined {
  return req.get(CITIZEN_TOKEN_HEADER)?.trim() || undefined;
}

/**
 * The case's token when the request sends one; else the signed-in citizen's account (the
 * session cookie), looked up only then.
 */
export async function reporterProofOf(req: Request, deps: { db: Db; secret: string }): Promise<ReporterProof> {
  const token = citizenTokenOf(req);
  if (token) return { token };
  const citizen = await signedInCitizen(deps.db, deps.secret, req);
  return citizen ? { citizenId: citizen.citizenId } : {};
}

/** The Idempotency-Key header: any string up to 200 characters (it becomes a Temporal Update id). */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('Idempotency-Key')?.trim() || undefined;
  if (key && key.length > 200) {
    throw new AppError('VALIDATION_FAILED', {}, { 'Idempotency-Key': { code: 'too_long', params: { maximum: 200 } } });
  }
  return key;
}

/** The reporter (when the request offers a proof) or the public, in the request's language. */
export function viewerOf(req: Request, secret: string, proof: ReporterProof): ReportViewer {
  return {
    language: requestLanguage(req),
    ...((proof.token || proof.citizenId) && {
      reporter: { ...proof, secret, ip: req.ip ?? null, requestId: req.id ? String(req.id) : null },
    }),
  };
}
