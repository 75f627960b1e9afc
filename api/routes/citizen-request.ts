/** What citizens' routes read from a request: the reporter's token, the retry key, the viewer. */
import type { Request } from 'express';
import { AppError } from '../../platform/app-error';
import { requestLanguage } from '../i18n/language';
import type { ReportViewer } from '../services/get-report';

export const CITIZEN_TOKEN_HEADER = 'X-Citizen-Token';

export function citizenTokenOf(req: Request): string | undefined {
  return req.get(CITIZEN_TOKEN_HEADER)?.trim() || undefined;
}

/** The Idempotency-Key header: any string up to 200 characters (it becomes a Temporal Update id). */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('Idempotency-Key')?.trim() || undefined;
  if (key && key.length > 200) {
    throw new AppError('VALIDATION_FAILED', {}, { 'Idempotency-Key': { code: 'too_long', params: { maximum: 200 } } });
  }
  return key;
}

/** The reporter (when the request carries a token) or the public, in the request's language. */
export function viewerOf(req: Request, secret: string): ReportViewer {
  const token = citizenTokenOf(req);
  return {
    language: requestLanguage(req),
    ...(token && { reporter: { token, secret, ip: req.ip ?? null, requestId: req.id ? String(req.id) : null } }),
  };
}
