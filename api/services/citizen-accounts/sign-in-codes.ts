/**
 * One-time sign-in codes: six random digits, kept only as an HMAC under APP_SECRET bound to the
 * code's row and phone (a copy of the table gives no code, and a hash cannot be replayed for
 * another row), valid a few minutes, void after a few wrong tries.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_DIGITS = 6;
export const CODE_TTL_MS = 5 * 60_000;
export const MAX_WRONG_ATTEMPTS = 5;

export interface SignInCodeLimits {
  /** Between two codes to one phone. */
  minIntervalMs: number;
  /** Codes to one phone in an hour. */
  perPhonePerHour: number;
}

export const DEFAULT_SIGN_IN_CODE_LIMITS: SignInCodeLimits = { minIntervalMs: 60_000, perPhonePerHour: 5 };

export function newSignInCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

export function hashSignInCode(secret: string, otpId: string, phone: string, code: string): string {
  return createHmac('sha256', secret).update(`citizen-otp:${otpId}:${phone}:${code}`).digest('base64url');
}

export function isSignInCode(secret: string, otp: { id: string; phone: string; codeHash: string }, code: string) {
  const expected = Buffer.from(otp.codeHash);
  const given = Buffer.from(hashSignInCode(secret, otp.id, otp.phone, code));
  return expected.length === given.length && timingSafeEqual(expected, given);
}
