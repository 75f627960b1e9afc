/**
 * Tracking codes citizens read aloud on the phone: `HT-2611-7K3Q` = province prefix, year and
 * month of receipt (Asia/Ho_Chi_Minh), four characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, U). 32^4 ≈ 1 million codes a month; uniqueness is enforced by the database.
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000; // Asia/Ho_Chi_Minh has no daylight saving time

export function newTrackingCode(prefix: string, receivedAt: Date, random: () => number): string {
  const local = new Date(receivedAt.getTime() + VIETNAM_OFFSET_MS);
  const yymm = `${String(local.getUTCFullYear() % 100).padStart(2, '0')}${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
  let suffix = '';
  for (let i = 0; i < 4; i += 1) suffix += TRACKING_ALPHABET[Math.floor(random() * TRACKING_ALPHABET.length)];
  return `${prefix}-${yymm}-${suffix}`;
}

export const TRACKING_CODE_PATTERN = /^[A-Z]{2,4}-\d{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

/** Accepts what people type: lower case, spaces, and look-alike letters in the month digits. */
export function normaliseTrackingCode(input: string): string {
  const [prefix, month, suffix] = input.trim().toUpperCase().replace(/\s+/g, '').split('-');
  if (month === undefined || suffix === undefined) return input.trim().toUpperCase();
  return `${prefix}-${month.replace(/O/g, '0').replace(/[IL]/g, '1')}-${suffix}`;
}
