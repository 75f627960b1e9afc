/**
 * The back office's dates and times (admin/src/common/ha-tinh-time.ts) are Hà Tĩnh's whatever
 * the zone of the machine. Jest cannot change its own zone, so these results hold in any; the
 * browser test in New York's zone is tests/admin-time-zone.browser.test.ts.
 */

import {
  endOfHaTinhDay,
  formatDate,
  formatDateTime,
  fromDateTimeInput,
  haTinhDay,
  haTinhYear,
  startOfHaTinhDay,
  toDateTimeInput,
  toDayInput,
} from '../admin/src/common/ha-tinh-time';

// 14:30 on 6 December 2026 in Hà Tĩnh; 02:30 the same day in New York.
const INSTANT = '2026-12-06T07:30:00.000Z';

describe("Hà Tĩnh's time in the back office", () => {
  it('shows instants on Hà Tĩnh’s clock, in Vietnamese and in English', () => {
    expect(formatDateTime(INSTANT, 'vi')).toBe('14:30:00 6/12/2026');
    expect(formatDateTime(INSTANT, 'en')).toBe('06/12/2026, 14:30:00');
    expect(formatDateTime(INSTANT, 'vi', { dateStyle: 'short', timeStyle: 'short' })).toBe('14:30 6/12/26');
    expect(formatDate(INSTANT, 'vi')).toBe('6/12/2026');
  });

  it('puts a late-evening instant on the next day, as Hà Tĩnh lives it', () => {
    // 18:00 UTC on 31 December is 01:00 on 1 January in Hà Tĩnh.
    expect(haTinhDay('2026-12-31T18:00:00Z')).toBe('2027-01-01');
    expect(haTinhYear(new Date('2026-12-31T18:00:00Z'))).toBe(2027);
    expect(formatDate('2026-12-31T18:00:00Z', 'vi')).toBe('1/1/2027');
  });

  it('reads what an official types in a date-time input as Hà Tĩnh time, and shows it back unchanged', () => {
    expect(fromDateTimeInput('2026-12-06T14:30')).toBe(INSTANT);
    expect(toDateTimeInput(INSTANT)).toBe('2026-12-06T14:30');
    expect(toDateTimeInput(fromDateTimeInput('2027-02-10T08:05'))).toBe('2027-02-10T08:05');
    // react-admin formats the input's own value again: a wall-clock time stays as it is.
    expect(toDateTimeInput('2026-12-06T14:30')).toBe('2026-12-06T14:30');
    expect(fromDateTimeInput('')).toBeNull();
    expect(toDateTimeInput(null)).toBe('');
  });

  it('turns a date filter into the whole Hà Tĩnh day', () => {
    expect(startOfHaTinhDay('2026-12-06')).toBe('2026-12-05T17:00:00.000Z');
    expect(endOfHaTinhDay('2026-12-06')).toBe('2026-12-06T16:59:59.999Z');
    expect(toDayInput('2026-12-05T17:00:00.000Z')).toBe('2026-12-06');
    expect(startOfHaTinhDay('')).toBeUndefined();
  });
});
