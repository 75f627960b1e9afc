/**
 * The one error type services and activities throw for a failure a user can act on. It carries
 * a stable code (part of the API contract) and parameters for the message; the HTTP status and
 * the words (Vietnamese and English) are chosen in api/, in one place each.
 */
export type AppErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'COMMUNE_NOT_LOCATED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'FORBIDDEN'
  | 'CROSS_ORIGIN_REFUSED'
  | 'CITIZEN_TOKEN_REQUIRED'
  | 'CITIZEN_TOKEN_INVALID'
  | 'CITIZEN_SIGN_IN_REQUIRED'
  | 'CITIZEN_NOT_OWNER'
  | 'CLAIMED_BY_ANOTHER_ACCOUNT'
  | 'OTP_TOO_SOON'
  | 'OTP_INVALID'
  | 'OTP_EXPIRED'
  | 'CONFLICT'
  | 'ALREADY_EXISTS'
  | 'WRONG_STATE'
  | 'TASK_NOT_OPEN'
  | 'TASK_TAKEN'
  | 'OUTCOME_NOT_ALLOWED'
  | 'NOT_ALLOWED_NOW'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_FILES'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly params: Record<string, string | number> = {},
    /** Per-field problems, as message keys with their own params. */
    readonly fields?: Record<string, { code: string; params?: Record<string, string | number> }>,
    options?: { cause?: unknown },
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`, options);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
