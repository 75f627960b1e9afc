/**
 * Times in the back office are Hà Tĩnh's (Asia/Ho_Chi_Minh), whatever zone the browser is in:
 * deadlines, working hours and holidays are the province's, and an official travelling or a
 * laptop set to another zone must read and type the times the province keeps. Every date or
 * time the back office shows or reads from an input goes through this module.
 */

export const HA_TINH_TIME_ZONE = 'Asia/Ho_Chi_Minh';
// Việt Nam has kept UTC+7 without daylight saving since 1975: a typed local time has one instant.
const HA_TINH_OFFSET = '+07:00';

type Instant = string | number | Date;

/** The Intl locale of the back office's language. */
export const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'vi-VN');

function toDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value);
}

/** Date and time in Hà Tĩnh ("14:30:00 6/12/2026"), or with `options` (dateStyle, timeStyle, …). */
export function formatDateTime(value: Instant, locale: string, options: Intl.DateTimeFormatOptions = {}): string {
  return toDate(value).toLocaleString(intlLocale(locale), { ...options, timeZone: HA_TINH_TIME_ZONE });
}

/** The date in Hà Tĩnh ("6/12/2026"). */
export function formatDate(value: Instant, locale: string): string {
  return toDate(value).toLocaleDateString(intlLocale(locale), { timeZone: HA_TINH_TIME_ZONE });
}

/** The parts of an instant on Hà Tĩnh's wall clock. */
function wallClock(value: Instant): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: HA_TINH_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(toDate(value));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** The calendar day in Hà Tĩnh, YYYY-MM-DD. */
export function haTinhDay(value: Instant): string {
  const { year, month, day } = wallClock(value);
  return `${year}-${month}-${day}`;
}

/** The year in Hà Tĩnh (a calendar's year, from 17:00 UTC on 31 December it is already the next). */
export function haTinhYear(value: Instant = new Date()): number {
  return Number(wallClock(value).year);
}

const DAY_INPUT = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** The first instant of a Hà Tĩnh day (YYYY-MM-DD), as ISO 8601; undefined for an empty input. */
export function startOfHaTinhDay(day: string | null | undefined): string | undefined {
  return day && DAY_INPUT.test(day) ? new Date(`${day}T00:00:00${HA_TINH_OFFSET}`).toISOString() : undefined;
}

/** The last instant of a Hà Tĩnh day (YYYY-MM-DD), as ISO 8601; undefined for an empty input. */
export function endOfHaTinhDay(day: string | null | undefined): string | undefined {
  return day && DAY_INPUT.test(day) ? new Date(`${day}T23:59:59.999${HA_TINH_OFFSET}`).toISOString() : undefined;
}

/** A date filter's value (an instant) → the Hà Tĩnh day an `<input type="date">` shows. */
export function toDayInput(value: string | null | undefined): string {
  if (!value) return '';
  return DAY_INPUT.test(value) ? value : haTinhDay(value);
}

/**
 * An instant → what an `<input type="datetime-local">` shows: Hà Tĩnh's wall clock. A value that
 * already is such a wall-clock time is returned as it is (react-admin formats twice).
 */
export function toDateTimeInput(value: string | null | undefined): string {
  if (!value) return '';
  if (DATE_TIME_INPUT.test(value)) return value.slice(0, 16);
  const { year, month, day, hour, minute } = wallClock(value);
  return `${year}-${month}-${day}T${hour}:${minute}`;
}

/** What an official typed in an `<input type="datetime-local">`, read as Hà Tĩnh time → ISO 8601. */
export function fromDateTimeInput(value: string | null | undefined): string | null {
  if (!value) return null;
  if (!DATE_TIME_INPUT.test(value)) return new Date(value).toISOString();
  const withSeconds = value.length === 16 ? `${value}:00` : value;
  return new Date(`${withSeconds}${HA_TINH_OFFSET}`).toISOString();
}
