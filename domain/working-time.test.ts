import fc from 'fast-check';
import { DateTime } from 'luxon';
import { AWKWARD_CALENDAR, OFFICE_DAY_MS, OFFICE_TIME_ZONE, VIETNAM_OFFICE_CALENDAR } from './working-calendar.fixture';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingTime,
  InvalidWorkingCalendarError,
  isWorkingInstant,
  nextWorkingInstant,
  NoWorkingTimeError,
  workingIntervalsOn,
  workingTimeBetween,
  workingTimeRemaining,
  type WorkingCalendar,
} from './working-time';

const cal = VIETNAM_OFFICE_CALENDAR;
const HOUR = 3_600_000;

/** A local wall-clock instant in the office's zone, 'yyyy-MM-dd HH:mm'. */
function at(text: string, zone = OFFICE_TIME_ZONE): Date {
  const instant = DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone });
  if (!instant.isValid) throw new Error(`bad test instant ${text}`);
  return instant.toJSDate();
}

/** Readable local form with the weekday, e.g. 'Mon 2026-03-09 11:00' (seconds only if any). */
function local(date: Date, zone = OFFICE_TIME_ZONE): string {
  const instant = DateTime.fromJSDate(date, { zone }).setLocale('en');
  return instant.toFormat(
    instant.second || instant.millisecond ? 'ccc yyyy-MM-dd HH:mm:ss.SSS' : 'ccc yyyy-MM-dd HH:mm',
  );
}

const plusMs = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe('addWorkingTime on a Vietnamese public-office calendar (07:30–11:30, 13:30–17:00)', () => {
  it('lands on the end of a period rather than after the break', () => {
    expect(local(addWorkingHours(cal, at('2026-03-02 07:30'), 4))).toBe('Mon 2026-03-02 11:30');
    expect(local(addWorkingTime(cal, at('2026-03-02 07:30'), 4 * HOUR + 1))).toBe('Mon 2026-03-02 13:30:00.001');
    expect(local(addWorkingHours(cal, at('2026-03-02 07:30'), 7.5))).toBe('Mon 2026-03-02 17:00');
  });

  it('carries a Friday-afternoon start over the weekend to Monday morning', () => {
    expect(local(addWorkingHours(cal, at('2026-03-06 16:30'), 4))).toBe('Mon 2026-03-09 11:00');
  });

  it('counts a start during lunch from the afternoon period', () => {
    expect(local(addWorkingHours(cal, at('2026-03-03 12:15'), 1))).toBe('Tue 2026-03-03 14:30');
  });

  it('counts a start on a public holiday from the next working morning', () => {
    expect(local(addWorkingHours(cal, at('2026-09-02 09:00'), 2))).toBe('Thu 2026-09-03 09:30');
  });

  it('counts a start late at night or before opening from the next opening', () => {
    expect(local(addWorkingHours(cal, at('2026-03-03 23:00'), 1))).toBe('Wed 2026-03-04 08:30');
    expect(local(addWorkingHours(cal, at('2026-03-04 03:00'), 1))).toBe('Wed 2026-03-04 08:30');
  });

  it('skips Tết 2026 (Sat 14/02 – Sun 22/02) and the Tết 2027 fixture (Thu 04/02 – Wed 10/02)', () => {
    expect(local(addWorkingHours(cal, at('2026-02-13 16:00'), 2))).toBe('Mon 2026-02-23 08:30');
    expect(local(addWorkingHours(cal, at('2027-02-03 16:00'), 4))).toBe('Thu 2027-02-11 10:30');
  });

  it('skips Hùng Kings in lieu (Mon 27/04/2026), 30/04 and 01/05, and New Year', () => {
    expect(local(addWorkingHours(cal, at('2026-04-24 16:00'), 2))).toBe('Tue 2026-04-28 08:30');
    expect(local(addWorkingHours(cal, at('2026-04-29 16:00'), 8))).toBe('Mon 2026-05-04 16:30');
    expect(local(addWorkingHours(cal, at('2025-12-31 17:00'), 1))).toBe('Mon 2026-01-05 08:30'); // Fri 02/01 swapped
  });

  it('counts a compensatory working Saturday and skips the bridge day it paid for', () => {
    expect(local(addWorkingHours(cal, at('2026-01-09 16:00'), 2))).toBe('Sat 2026-01-10 08:30');
    expect(local(addWorkingHours(cal, at('2026-01-10 16:30'), 1))).toBe('Mon 2026-01-12 08:00');
    expect(local(addWorkingHours(cal, at('2025-04-25 16:00'), 2))).toBe('Sat 2025-04-26 08:30');
    expect(local(addWorkingHours(cal, at('2025-04-29 16:00'), 2))).toBe('Mon 2025-05-05 08:30');
  });

  it('with a zero duration, gives the next working instant at or after the start', () => {
    expect(local(addWorkingTime(cal, at('2026-03-02 10:00'), 0))).toBe('Mon 2026-03-02 10:00');
    expect(local(addWorkingTime(cal, at('2026-03-02 11:30'), 0))).toBe('Mon 2026-03-02 13:30');
    expect(local(addWorkingTime(cal, at('2026-03-02 17:00'), 0))).toBe('Tue 2026-03-03 07:30');
    expect(local(addWorkingTime(cal, at('2026-03-07 10:00'), 0))).toBe('Mon 2026-03-09 07:30');
  });

  it('takes fractional hours, rounded to the millisecond', () => {
    expect(local(addWorkingHours(cal, at('2026-03-02 11:00'), 0.5))).toBe('Mon 2026-03-02 11:30');
    expect(local(addWorkingHours(cal, at('2026-03-02 11:00'), 1.25))).toBe('Mon 2026-03-02 14:15');
    expect(local(addWorkingHours(cal, at('2026-03-02 07:30'), 0.1))).toBe('Mon 2026-03-02 07:36');
  });

  it('rejects negative, fractional-ms and non-finite durations and invalid dates', () => {
    expect(() => addWorkingTime(cal, at('2026-03-02 10:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingTime(cal, at('2026-03-02 10:00'), 0.5)).toThrow(RangeError);
    expect(() => addWorkingHours(cal, at('2026-03-02 10:00'), Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingHours(cal, at('2026-03-02 10:00'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => addWorkingTime(cal, new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

describe('isWorkingInstant and nextWorkingInstant', () => {
  it('treats a period as [start, end)', () => {
    expect(isWorkingInstant(cal, at('2026-03-02 07:30'))).toBe(true);
    expect(isWorkingInstant(cal, plusMs(at('2026-03-02 07:30'), -1))).toBe(false);
    expect(isWorkingInstant(cal, plusMs(at('2026-03-02 11:30'), -1))).toBe(true);
    expect(isWorkingInstant(cal, at('2026-03-02 11:30'))).toBe(false);
    expect(isWorkingInstant(cal, at('2026-03-02 12:30'))).toBe(false);
    expect(isWorkingInstant(cal, at('2026-03-02 17:00'))).toBe(false);
  });

  it('knows weekends, holidays and compensatory working days', () => {
    expect(isWorkingInstant(cal, at('2026-03-07 10:00'))).toBe(false);
    expect(isWorkingInstant(cal, at('2026-02-17 10:00'))).toBe(false);
    expect(isWorkingInstant(cal, at('2026-01-10 10:00'))).toBe(true);
    expect(isWorkingInstant(cal, at('2026-01-02 10:00'))).toBe(false);
    expect(isWorkingInstant(cal, at('2025-04-26 10:00'))).toBe(true);
  });

  it('finds the next working instant', () => {
    expect(local(nextWorkingInstant(cal, at('2026-03-02 10:00')))).toBe('Mon 2026-03-02 10:00');
    expect(local(nextWorkingInstant(cal, at('2026-03-02 11:30')))).toBe('Mon 2026-03-02 13:30');
    expect(local(nextWorkingInstant(cal, at('2026-02-14 09:00')))).toBe('Mon 2026-02-23 07:30');
  });

  it('reads periods in the calendar’s own zone', () => {
    const tokyo: WorkingCalendar = { ...cal, timeZone: 'Asia/Tokyo' };
    expect(isWorkingInstant(tokyo, at('2026-03-02 05:30'))).toBe(true); // 07:30 in Tokyo
    expect(isWorkingInstant(tokyo, at('2026-03-02 15:30'))).toBe(false); // 17:30 in Tokyo
  });
});

describe('workingTimeBetween and workingTimeRemaining', () => {
  it('counts [from, to), across a weekend and across Tết', () => {
    expect(workingTimeBetween(cal, at('2026-03-06 15:00'), at('2026-03-09 09:00'))).toBe(3.5 * HOUR);
    expect(workingTimeBetween(cal, at('2026-02-13 12:00'), at('2026-02-23 12:00'))).toBe(7.5 * HOUR);
    expect(workingTimeBetween(cal, at('2026-03-02 07:30'), at('2026-03-02 11:30'))).toBe(4 * HOUR);
    expect(workingTimeBetween(cal, at('2026-03-02 11:30'), at('2026-03-02 13:30'))).toBe(0);
    expect(workingTimeBetween(cal, at('2026-03-02 10:00'), at('2026-03-02 10:00'))).toBe(0);
  });

  it('is negative when to is before from', () => {
    expect(workingTimeBetween(cal, at('2026-03-09 09:00'), at('2026-03-06 15:00'))).toBe(-3.5 * HOUR);
  });

  it('counts 250 working days in 2026 (261 weekdays, 12 of them holidays, 1 Saturday worked)', () => {
    expect(workingTimeBetween(cal, at('2026-01-01 00:00'), at('2027-01-01 00:00'))).toBe(250 * OFFICE_DAY_MS);
  });

  it('gives the working time left, negative once overdue', () => {
    expect(workingTimeRemaining(cal, at('2026-03-02 10:00'), at('2026-03-02 15:00'))).toBe(3 * HOUR);
    expect(workingTimeRemaining(cal, at('2026-03-03 09:00'), at('2026-03-02 16:00'))).toBe(-2.5 * HOUR);
    // Overdue over a weekend grows by Friday's last hour and Monday's first half hour only.
    expect(workingTimeRemaining(cal, at('2026-03-09 08:00'), at('2026-03-06 16:00'))).toBe(-1.5 * HOUR);
  });
});

describe('addWorkingDays keeps the position within the working day', () => {
  it('moves to the same time of the next working day', () => {
    expect(local(addWorkingDays(cal, at('2026-03-02 10:00'), 1))).toBe('Tue 2026-03-03 10:00');
    expect(local(addWorkingDays(cal, at('2026-03-06 16:30'), 1))).toBe('Mon 2026-03-09 16:30');
    expect(local(addWorkingDays(cal, at('2026-03-02 07:31'), 1))).toBe('Tue 2026-03-03 07:31');
  });

  it('places a lunch start at the end of the morning', () => {
    expect(local(addWorkingDays(cal, at('2026-03-02 12:00'), 1))).toBe('Tue 2026-03-03 11:30');
  });

  it('ends a start outside working hours at a day’s close of business', () => {
    expect(local(addWorkingDays(cal, at('2026-03-07 09:00'), 1))).toBe('Mon 2026-03-09 17:00');
    expect(local(addWorkingDays(cal, at('2026-03-06 20:00'), 1))).toBe('Mon 2026-03-09 17:00');
    expect(local(addWorkingDays(cal, at('2026-03-09 06:00'), 1))).toBe('Mon 2026-03-09 17:00');
    expect(local(addWorkingDays(cal, at('2026-03-09 07:30'), 1))).toBe('Mon 2026-03-09 17:00');
    expect(local(addWorkingDays(cal, at('2026-03-07 09:00'), 3))).toBe('Wed 2026-03-11 17:00');
  });

  it('skips Tết and public holidays', () => {
    expect(local(addWorkingDays(cal, at('2026-02-13 10:00'), 1))).toBe('Mon 2026-02-23 10:00');
    expect(local(addWorkingDays(cal, at('2026-02-12 10:00'), 5))).toBe('Thu 2026-02-26 10:00');
    expect(local(addWorkingDays(cal, at('2026-09-02 09:00'), 3))).toBe('Mon 2026-09-07 17:00');
  });

  it('counts a compensatory working Saturday', () => {
    expect(local(addWorkingDays(cal, at('2026-01-09 10:00'), 1))).toBe('Sat 2026-01-10 10:00');
    expect(local(addWorkingDays(cal, at('2025-12-31 10:00'), 1))).toBe('Mon 2026-01-05 10:00');
    expect(local(addWorkingDays(cal, at('2025-04-25 10:00'), 1))).toBe('Sat 2025-04-26 10:00');
    expect(local(addWorkingDays(cal, at('2025-04-29 10:00'), 1))).toBe('Mon 2025-05-05 10:00');
  });

  it('clamps to the end of a shorter day, which makes days not add up across it', () => {
    const halfDaySaturday: WorkingCalendar = {
      ...cal,
      workingDays: [
        { date: '2026-03-07', name: 'Half-day Saturday (hypothetical)', periods: [{ start: '07:30', end: '11:30' }] },
      ],
    };
    expect(local(addWorkingDays(halfDaySaturday, at('2026-03-06 10:00'), 1))).toBe('Sat 2026-03-07 10:00');
    expect(local(addWorkingDays(halfDaySaturday, at('2026-03-06 15:00'), 1))).toBe('Sat 2026-03-07 11:30');
    expect(local(addWorkingDays(halfDaySaturday, at('2026-03-07 11:00'), 1))).toBe('Mon 2026-03-09 11:00');
    expect(local(addWorkingDays(halfDaySaturday, at('2026-03-07 11:30'), 1))).toBe('Mon 2026-03-09 17:00');
    expect(local(addWorkingDays(halfDaySaturday, at('2026-03-06 15:00'), 2))).toBe('Mon 2026-03-09 15:00');
    expect(local(addWorkingDays(halfDaySaturday, addWorkingDays(halfDaySaturday, at('2026-03-06 15:00'), 1), 1))).toBe(
      'Mon 2026-03-09 17:00',
    );
  });

  it('with zero days, gives the next working instant; rejects negative or fractional days', () => {
    expect(local(addWorkingDays(cal, at('2026-03-07 09:00'), 0))).toBe('Mon 2026-03-09 07:30');
    expect(() => addWorkingDays(cal, at('2026-03-02 10:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, at('2026-03-02 10:00'), 1.5)).toThrow(RangeError);
  });
});

describe('calendar edge cases', () => {
  it('resolves local periods through daylight-saving changes', () => {
    const iso = (interval: { start: Date; end: Date }) => [interval.start.toISOString(), interval.end.toISOString()];
    // Sunday 01:30–03:30 in Paris: 02:00–03:00 does not exist on 29/03/2026, exists twice on 25/10/2026.
    expect(workingIntervalsOn(AWKWARD_CALENDAR, '2026-03-29').map(iso)).toEqual([
      ['2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z'],
    ]);
    expect(workingIntervalsOn(AWKWARD_CALENDAR, '2026-10-25').map(iso)).toEqual([
      ['2026-10-24T23:30:00.000Z', '2026-10-25T02:30:00.000Z'],
    ]);
  });

  it('works through midnight when periods touch across days', () => {
    const thursday = at('2026-03-05 23:00', 'Europe/Paris');
    expect(local(addWorkingHours(AWKWARD_CALENDAR, thursday, 2), 'Europe/Paris')).toBe('Fri 2026-03-06 01:00');
    expect(workingTimeBetween(AWKWARD_CALENDAR, thursday, at('2026-03-06 01:00', 'Europe/Paris'))).toBe(2 * HOUR);
  });

  it('gives up with a clear error when no working time lies within the scan horizon', () => {
    const oneDayOnly: WorkingCalendar = {
      timeZone: OFFICE_TIME_ZONE,
      weeklyHours: {},
      holidays: [],
      workingDays: [{ date: '2026-03-07', periods: [{ start: '08:00', end: '12:00' }] }],
    };
    expect(local(addWorkingHours(oneDayOnly, at('2026-03-01 10:00'), 1))).toBe('Sat 2026-03-07 09:00');
    expect(() => addWorkingHours(oneDayOnly, at('2026-04-01 10:00'), 1)).toThrow(NoWorkingTimeError);
    expect(() => addWorkingDays(oneDayOnly, at('2026-03-01 10:00'), 2)).toThrow(NoWorkingTimeError);
    expect(local(addWorkingDays(oneDayOnly, at('2026-03-01 10:00'), 1))).toBe('Sat 2026-03-07 12:00');
  });

  it('refuses an invalid calendar with its problems', () => {
    const broken: WorkingCalendar = { ...cal, timeZone: 'Asia/Hanoi_City' };
    expect(() => addWorkingHours(broken, at('2026-03-02 10:00'), 1)).toThrow(InvalidWorkingCalendarError);
    expect(() => isWorkingInstant(broken, at('2026-03-02 10:00'))).toThrow(/timeZone/);
  });

  it('gives the same answers after a JSON round trip (weekday keys become strings)', () => {
    const stored: WorkingCalendar = JSON.parse(JSON.stringify(cal));
    expect(local(addWorkingHours(stored, at('2026-02-13 16:00'), 2))).toBe('Mon 2026-02-23 08:30');
    expect(local(addWorkingDays(stored, at('2025-04-25 10:00'), 1))).toBe('Sat 2025-04-26 10:00');
  });

  it('reads an edited calendar afresh (memoised per calendar object)', () => {
    const before = addWorkingHours(cal, at('2026-03-10 16:00'), 2);
    const withHoliday: WorkingCalendar = {
      ...cal,
      holidays: [...cal.holidays, { date: '2026-03-11', name: 'Ngày nghỉ đột xuất' }],
    };
    expect(local(before)).toBe('Wed 2026-03-11 08:30');
    expect(local(addWorkingHours(withHoliday, at('2026-03-10 16:00'), 2))).toBe('Thu 2026-03-12 08:30');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, over random instants of 2026–2027 and durations up to 40 working days.

const RUNS = { numRuns: 1000 };
const MAX_DURATION = 40 * OFFICE_DAY_MS;
const HALF_HOUR = HOUR / 2;

function clockTimesOf(calendar: WorkingCalendar): string[] {
  const periods = [
    ...Object.values(calendar.weeklyHours).flat(),
    ...calendar.workingDays.flatMap((day) => day.periods ?? []),
  ];
  return [...new Set(['00:00', '12:00', ...periods.flatMap((period) => [period.start, period.end])])].filter(
    (time) => time !== '24:00',
  );
}

/** Random instants, half of them on or a millisecond beside a period boundary, where bugs hide. */
function instantIn2026And2027(calendar: WorkingCalendar): fc.Arbitrary<Date> {
  const first = DateTime.fromISO('2026-01-01', { zone: calendar.timeZone });
  const anywhere = fc
    .integer({ min: first.toMillis(), max: DateTime.fromISO('2028-01-01', { zone: calendar.timeZone }).toMillis() - 1 })
    .map((ms) => new Date(ms));
  const nearBoundary = fc
    .tuple(fc.integer({ min: 0, max: 729 }), fc.constantFrom(...clockTimesOf(calendar)), fc.constantFrom(-1, 0, 1))
    .map(([dayIndex, time, nudge]) => {
      const [hour, minute] = time.split(':').map(Number);
      return plusMs(first.plus({ days: dayIndex }).set({ hour, minute }).toJSDate(), nudge);
    });
  return fc.oneof(anywhere, nearBoundary);
}

/** Any millisecond count, or whole half hours so that deadlines hit period ends exactly. */
const duration = fc.oneof(
  fc.integer({ min: 0, max: MAX_DURATION }),
  fc.integer({ min: 0, max: MAX_DURATION / HALF_HOUR }).map((n) => n * HALF_HOUR),
);
const positiveDuration = duration.filter((ms) => ms > 0);
const workingDayCount = fc.integer({ min: 0, max: 40 });

describe.each([
  ['the Vietnamese office calendar', VIETNAM_OFFICE_CALENDAR],
  ['an awkward calendar (DST, uneven days, midnight work)', AWKWARD_CALENDAR],
])('properties on %s', (_name, calendar) => {
  const instant = instantIn2026And2027(calendar);
  const landsInPeriod = (t: Date) => isWorkingInstant(calendar, plusMs(t, -1)); // t ∈ (start, end]

  it('measuring what was added gives back the duration', () => {
    fc.assert(
      fc.property(instant, duration, (start, ms) => {
        const due = addWorkingTime(calendar, start, ms);
        const next = nextWorkingInstant(calendar, start);
        expect(isWorkingInstant(calendar, next)).toBe(true);
        expect(workingTimeBetween(calendar, start, due)).toBe(ms);
        expect(workingTimeBetween(calendar, next, due)).toBe(ms);
        expect(addWorkingTime(calendar, next, ms)).toEqual(due);
      }),
      RUNS,
    );
  });

  it('never moves a deadline earlier for a later start or a longer duration', () => {
    fc.assert(
      fc.property(instant, instant, duration, duration, (a, b, d1, d2) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addWorkingTime(calendar, early, short).getTime()).toBeLessThanOrEqual(
          addWorkingTime(calendar, late, short).getTime(),
        );
        expect(addWorkingTime(calendar, early, short).getTime()).toBeLessThanOrEqual(
          addWorkingTime(calendar, early, long).getTime(),
        );
      }),
      RUNS,
    );
  });

  it('is monotonic for starts a few milliseconds apart too', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 2 * HOUR }), duration, (start, gap, ms) => {
        const later = plusMs(start, gap);
        expect(addWorkingTime(calendar, start, ms).getTime()).toBeLessThanOrEqual(
          addWorkingTime(calendar, later, ms).getTime(),
        );
      }),
      RUNS,
    );
  });

  it('lands a deadline inside a working period, its end included', () => {
    fc.assert(
      fc.property(instant, positiveDuration, (start, ms) => {
        expect(landsInPeriod(addWorkingTime(calendar, start, ms))).toBe(true);
      }),
      RUNS,
    );
  });

  it('adds up: s + (a + b) = (s + a) + b for a, b > 0', () => {
    fc.assert(
      fc.property(instant, positiveDuration, positiveDuration, (start, a, b) => {
        expect(addWorkingTime(calendar, addWorkingTime(calendar, start, a), b)).toEqual(
          addWorkingTime(calendar, start, a + b),
        );
      }),
      RUNS,
    );
  });

  it('measures consistently: antisymmetric and additive over a split', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(workingTimeBetween(calendar, b, a)).toBe(0 - workingTimeBetween(calendar, a, b));
        expect(workingTimeBetween(calendar, a, c)).toBe(
          workingTimeBetween(calendar, a, b) + workingTimeBetween(calendar, b, c),
        );
        expect(workingTimeBetween(calendar, a, nextWorkingInstant(calendar, a))).toBe(0);
      }),
      RUNS,
    );
  });

  it('moves working days forward monotonically, landing inside a period', () => {
    fc.assert(
      fc.property(instant, instant, workingDayCount, workingDayCount, (a, b, n1, n2) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [fewer, more] = n1 <= n2 ? [n1, n2] : [n2, n1];
        const due = addWorkingDays(calendar, early, fewer);
        expect(due.getTime()).toBeLessThanOrEqual(addWorkingDays(calendar, late, fewer).getTime());
        expect(due.getTime()).toBeLessThanOrEqual(addWorkingDays(calendar, early, more).getTime());
        if (fewer > 0) {
          expect(due.getTime()).toBeGreaterThan(early.getTime());
          expect(landsInPeriod(due)).toBe(true);
        }
        if (fewer < more) expect(due.getTime()).toBeLessThan(addWorkingDays(calendar, early, more).getTime());
      }),
      RUNS,
    );
  });
});

describe('working days on a calendar of equal days', () => {
  it('equal that many days’ worth of working hours', () => {
    fc.assert(
      fc.property(instantIn2026And2027(cal), workingDayCount, (start, days) => {
        expect(addWorkingDays(cal, start, days)).toEqual(addWorkingTime(cal, start, days * OFFICE_DAY_MS));
      }),
      RUNS,
    );
  });
});

describe('performance', () => {
  it('adds 10,000 random durations of up to 40 working days quickly, from a cold calendar', () => {
    const fresh: WorkingCalendar = structuredClone(cal);
    const samples = fc.sample(fc.tuple(instantIn2026And2027(fresh), duration), { numRuns: 10_000, seed: 42 });
    const started = performance.now();
    for (const [start, ms] of samples) addWorkingTime(fresh, start, ms);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(3_000); // about 300 ms here, most of it filling the cold calendar's day cache
  });
});
