/**
 * The one place where failures become HTTP: an AppError's code picks the status, the request's
 * language picks the words. Anything else is a bug: logged in full, answered as INTERNAL.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, type AppErrorCode } from '../../platform/app-error';
import { errorMessage, fieldMessage } from '../i18n/error-messages';
import { requestLanguage } from '../i18n/language';

const STATUS: Record<AppErrorCode, number> = {
  VALIDATION_FAILED: 422,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  COMMUNE_NOT_LOCATED: 404,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  CROSS_ORIGIN_REFUSED: 403,
  CITIZEN_TOKEN_REQUIRED: 401,
  CITIZEN_TOKEN_INVALID: 403,
  CITIZEN_SIGN_IN_REQUIRED: 401,
  CITIZEN_NOT_OWNER: 403,
  CLAIMED_BY_ANOTHER_ACCOUNT: 409,
  OTP_TOO_SOON: 429,
  OTP_INVALID: 401,
  OTP_EXPIRED: 401,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  WRONG_STATE: 409,
  TASK_NOT_OPEN: 409,
  TASK_TAKEN: 409,
  OUTCOME_NOT_ALLOWED: 409,
  NOT_ALLOWED_NOW: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_FILES: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function httpStatus(code: AppErrorCode): number {
  return STATUS[code];
}

/** Express's body parser reports its own errors; give them our shape. */
function fromParserError(error: { type?: string; status?: number; limit?: number }): AppError | undefined {
  if (error.type === 'entity.parse.failed')
    return new AppError('VALIDATION_FAILED', {}, { _: { code: 'invalid_json' } });
  if (error.type === 'entity.too.large')
    return new AppError('PAYLOAD_TOO_LARGE', { limit: `${Math.round((error.limit ?? 0) / 1024)} KB` });
  return undefined;
}

export const errorHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  const appError = error instanceof AppError ? error : fromParserError(error);
  const language = requestLanguage(req);
  if (!appError) {
    req.log?.error({ err: error }, 'unhandled error');
    res.status(500).json({ error: { code: 'INTERNAL', message: errorMessage('INTERNAL', language) } });
    return;
  }
  if (appError.code === 'SERVICE_UNAVAILABLE')
    res.setHeader('Retry-After', String(appError.params.retryAfterSeconds ?? 30));
  if (appError.code === 'ACCOUNT_LOCKED' || appError.code === 'RATE_LIMITED' || appError.code === 'OTP_TOO_SOON') {
    if (appError.params.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(appError.params.retryAfterSeconds));
  }
  const fields = appError.fields
    ? Object.fromEntries(
        Object.entries(appError.fields).map(([path, problem]) => [
          path,
          { code: problem.code, message: fieldMessage(problem.code, language, problem.params) },
        ]),
      )
    : undefined;
  res.status(httpStatus(appError.code)).json({
    error: {
      code: appError.code,
      message: errorMessage(appError.code, language, appError.params),
      ...(fields && { fields }),
    },
  });
};

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', { what: req.path }));
};
