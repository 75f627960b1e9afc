/**
 * A Vietnamese mobile number as people write it (0912 345 678, 091-234-5678, 84912345678,
 * +84 912 345 678) in E.164 (+84912345678), the one form accounts and one-time codes are keyed
 * by. libphonenumber-js's full metadata tells mobile numbers from fixed lines: a code goes by SMS.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export function vietnameseMobile(input: string): string | undefined {
  const trimmed = input.trim();
  if (!/^\+?[0-9 .()-]{9,20}$/.test(trimmed)) return undefined;
  // "84912345678" typed without the plus is the country code, not a national number.
  const digits = trimmed.replace(/\D/g, '');
  const candidate = !trimmed.startsWith('+') && digits.startsWith('84') && digits.length === 11 ? `+${digits}` : trimmed;
  const phone = parsePhoneNumberFromString(candidate, 'VN');
  if (!phone || phone.country !== 'VN' || !phone.isValid()) return undefined;
  const type = phone.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return undefined;
  return phone.number;
}

/** For logs: the number without its middle digits (+8491****678). */
export function maskedPhone(e164: string): string {
  return e164.length > 7 ? `${e164.slice(0, 5)}${'*'.repeat(e164.length - 8)}${e164.slice(-3)}` : '***';
}
