/**
 * Masks a reporter's personal data in values that may carry it (a workflow history holds the report
 * as submitted): the reporter's fields by name, and any string that contains one of the reporter's
 * values, wherever it appears (a description that repeats the phone number, an answer signed with
 * the name). A phone number matches with any spacing or punctuation between its digits.
 */
export const MASK = '***';

export interface ReporterIdentity {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  citizenId?: string | null;
}

/** Fields that are the reporter's data whatever they hold; a photo's name on the phone may be theirs. */
const REPORTER_FIELDS = new Set([
  'reporter',
  'reporterName',
  'reporterPhone',
  'reporterEmail',
  'citizenId',
  'originalName',
]);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function personalDataMask(identity: ReporterIdentity): <T>(value: T) => T {
  const patterns: RegExp[] = [];
  for (const text of [identity.name, identity.email, identity.citizenId]) {
    const trimmed = text?.normalize('NFC').trim();
    if (trimmed && trimmed.length >= 2) patterns.push(new RegExp(escapeRegExp(trimmed), 'giu'));
  }
  const digits = identity.phone?.replace(/\D/g, '') ?? '';
  if (digits.length >= 6) patterns.push(new RegExp(digits.split('').join('[\\s.()-]*'), 'g'));

  const maskText = (text: string) => patterns.reduce((t, pattern) => t.replace(pattern, MASK), text.normalize('NFC'));
  const mask = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key && REPORTER_FIELDS.has(key) ? MASK : maskText(value);
    if (Array.isArray(value)) return value.map((item) => mask(item));
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const hidden = key !== undefined && REPORTER_FIELDS.has(key);
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, hidden && typeof v === 'string' ? MASK : mask(v, k)]),
      );
    }
    return value;
  };
  return <T>(value: T) => mask(value) as T;
}
