/** The `phone` of a citizen's request in E.164, or 422 `invalid_phone` on that field. */
import { z } from 'zod';
import { vietnameseMobile } from '../../../domain/phone-number';
import { AppError } from '../../../platform/app-error';

/** As typed: digits with spaces, dots, dashes or brackets, an optional leading +. */
export const phoneField = z
  .string()
  .trim()
  .min(9)
  .max(20)
  .regex(/^\+?[0-9 .()-]+$/);

export function e164Phone(input: string): string {
  const phone = vietnameseMobile(input);
  if (!phone) throw new AppError('VALIDATION_FAILED', {}, { phone: { code: 'invalid_phone' } });
  return phone;
}
