/**
 * Working-time arithmetic: deadlines counted in working hours and days of a WorkingCalendar
 * (docs/design.md, principle 4). Pure: instants in, instants out, no clock.
 *
 * Conventions
 * - A period is half-open for being at work: at 11:30 with a morning 07:30–11:30 nobody works
 *   (`isWorkingInstant` is false, `nextWorkingInstant` is 13:30). A deadline, though, lands at the
 *   earliest instant by which the work is done, so it may fall on a period's end: 4 working hours
 *   from 07:30 is 11:30 the same day, not 13:30. Both instants are the same point of working time.
 * - Counting starts at the next working instant: a start at night, at lunch or on a holiday counts
 *   as the start of the next period.
 * - A zero duration yields the next working instant at or after the start (when work can begin),
 *   so `addWorkingTime(s, a + b)` equals `addWorkingTime(addWorkingTime(s, a), b)` for a, b > 0.
 * - Working days keep the position within the day; see `addWorkingDays`.
 */
import {
  compileCalendar,
  parseLocalDate,
  SCAN_HORIZON_DAYS,
  type CompiledCalendar,
  type DaySchedule,
  type WorkingCalendar,
  type WorkingInterval,
} from './working-calendar';

export {
  InvalidWorkingCalendarError,
  SCAN_HORIZON_DAYS,
  validateWorkingCalendar,
  type CalendarProblem,
  type CalendarProblemCode,
  type CompensatoryWorkingDay,
  type Holiday,
  type IsoWeekday,
  type WorkingCalendar,
  type WorkingPeriod,
} from './working-calendar';

export const MS_PER_WORKING_HOUR = 3_600_000;

/** The calendar has no working time within SCAN_HORIZON_DAYS of the instant asked about. */
export class NoWorkingTimeError extends Error {
  constructor(from: number) {
    super(`No working time in the calendar within ${SCAN_HORIZON_DAYS} days after ${new Date(from).toISOString()}`);
    this.name = 'NoWorkingTimeError';
  }
}

/** Whether people are at work at `t`: inside a working period, its end excluded. */
export function isWorkingInstant(calendar: WorkingCalendar, t: Date): boolean {
  const compiled = compileCalendar(calendar);
  const ms = instantOf(t, 't');
  return compiled
    .scheduleOf(compiled.localDayOf(ms))
    .intervals.some((interval) => interval.start <= ms && ms < interval.end);
}

/** `t` itself when it is a working instant, otherwise the start of the next working period. */
export function nextWorkingInstant(calendar: WorkingCalendar, t: Date): Date {
  return addWorkingTime(calendar, t, 0);
}

/**
 * The instant at which `ms` of working time has elapsed from `start` (see the conventions above:
 * counting from the next working instant; the deadline may be a period's end).
 */
export function addWorkingTime(calendar: WorkingCalendar, start: Date, ms: number): Date {
  assertDuration(ms, 'ms');
  let remaining = ms;
  for (const interval of workingIntervalsFrom(compileCalendar(calendar), instantOf(start, 'start'))) {
    const available = interval.end - interval.start;
    if (remaining <= available) return new Date(interval.start + remaining);
    remaining -= available;
  }
  throw new Error('unreachable: workingIntervalsFrom never ends');
}

/** `addWorkingTime` in (possibly fractional) working hours, rounded to the millisecond. */
export function addWorkingHours(calendar: WorkingCalendar, start: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be a finite number ≥ 0, got ${hours}`);
  return addWorkingTime(calendar, start, Math.round(hours * MS_PER_WORKING_HOUR));
}

/**
 * Moves `days` working days forward, keeping the position within the working day: the same amount
 * of the day's working time is done at the result as at the start.
 *   Mon 10:00 + 1 = Tue 10:00; Fri 16:30 + 1 = Mon 16:30 (holidays skipped);
 *   Mon 12:00 (lunch) + 1 = Tue 11:30 (the morning done);
 *   Sat 09:00, Fri 20:00 or Mon 06:00 + 1 = Mon 17:00 (Friday's work was done; one more day);
 *   Mon 07:30 + 1 = Mon 17:00 (nothing of Monday done yet: Monday is the one day).
 * A start with its day's work all done lands at the end of the target day; a position later than
 * the target day's length clamps to that day's end (a half-day Saturday). So on a calendar whose
 * working days all last L, `addWorkingDays(s, n)` equals `addWorkingTime(s, n × L)`.
 * Zero days: the next working instant, as for `addWorkingTime(s, 0)`.
 */
export function addWorkingDays(calendar: WorkingCalendar, start: Date, days: number): Date {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  if (days === 0) return addWorkingTime(calendar, start, 0);
  const compiled = compileCalendar(calendar);
  const ms = instantOf(start, 'start');
  const begun = lastWorkingDayBegunBefore(compiled, ms);
  // With no working day behind the start (a calendar that begins later), the start stands at the
  // end of a day before the first one.
  const target = nthWorkingDayFrom(compiled, begun === undefined ? compiled.localDayOf(ms) : begun + 1, days);
  const done = begun === undefined ? 'all' : workDoneBy(compiled.scheduleOf(begun), ms);
  return new Date(instantWhenDone(compiled.scheduleOf(target), done));
}

/** Working time in [from, to), in ms; negative when `to` is before `from`. */
export function workingTimeBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const fromMs = instantOf(from, 'from');
  const toMs = instantOf(to, 'to');
  if (toMs < fromMs) return 0 - workingTimeBetween(calendar, to, from); // 0 - x: never -0
  const compiled = compileCalendar(calendar);
  let total = 0;
  for (let day = compiled.localDayOf(fromMs), last = compiled.localDayOf(toMs); day <= last; day++) {
    for (const interval of compiled.scheduleOf(day).intervals) {
      total += Math.max(0, Math.min(interval.end, toMs) - Math.max(interval.start, fromMs));
    }
  }
  return total;
}

/** Working time left until `deadline`, in ms; negative once overdue, by the working time since. */
export function workingTimeRemaining(calendar: WorkingCalendar, now: Date, deadline: Date): number {
  return workingTimeBetween(calendar, now, deadline);
}

/** The working intervals of a local date 'YYYY-MM-DD', for display and checks. */
export function workingIntervalsOn(calendar: WorkingCalendar, localDate: string): { start: Date; end: Date }[] {
  const day = parseLocalDate(localDate);
  if (day === undefined) throw new RangeError(`"${localDate}" is not a date YYYY-MM-DD`);
  return compileCalendar(calendar)
    .scheduleOf(day)
    .intervals.map((interval) => ({ start: new Date(interval.start), end: new Date(interval.end) }));
}

// ---------------------------------------------------------------------------------------------

/**
 * Working intervals from `ms` on, the first one clipped to start at `ms`; endless, but throws when
 * SCAN_HORIZON_DAYS days in a row bring no working time, so a calendar without work cannot hang.
 */
function* workingIntervalsFrom(compiled: CompiledCalendar, ms: number): Generator<WorkingInterval, never> {
  let daysWithoutWork = 0;
  for (let day = compiled.localDayOf(ms); ; day++) {
    let worked = false;
    for (const interval of compiled.scheduleOf(day).intervals) {
      if (interval.end <= ms) continue;
      worked = true;
      yield { start: Math.max(interval.start, ms), end: interval.end };
    }
    daysWithoutWork = worked ? 0 : daysWithoutWork + 1;
    if (daysWithoutWork > SCAN_HORIZON_DAYS) throw new NoWorkingTimeError(ms);
  }
}

/** The latest working day whose work started strictly before `ms`: the day the start belongs to. */
function lastWorkingDayBegunBefore(compiled: CompiledCalendar, ms: number): number | undefined {
  const startDay = compiled.localDayOf(ms);
  for (let day = startDay; day >= startDay - SCAN_HORIZON_DAYS; day--) {
    const first = compiled.scheduleOf(day).intervals[0];
    if (first && first.start < ms) return day;
  }
  return undefined;
}

/** The n-th (n ≥ 1) working day on or after `fromDay`. */
function nthWorkingDayFrom(compiled: CompiledCalendar, fromDay: number, n: number): number {
  let found = 0;
  let daysWithoutWork = 0;
  for (let day = fromDay; ; day++) {
    if (compiled.scheduleOf(day).workingMs > 0) {
      daysWithoutWork = 0;
      if (++found === n) return day;
    } else if (++daysWithoutWork > SCAN_HORIZON_DAYS) {
      throw new NoWorkingTimeError(fromDay * 86_400_000);
    }
  }
}

type WorkDone = number | 'all';

/** How much of the day's working time is done by `ms`; 'all' once the day's work is over. */
function workDoneBy(schedule: DaySchedule, ms: number): WorkDone {
  let done = 0;
  for (const interval of schedule.intervals) done += Math.max(0, Math.min(ms, interval.end) - interval.start);
  return done >= schedule.workingMs ? 'all' : done;
}

/** The earliest instant of the day by which `done` of its work is done (clamped to its end). */
function instantWhenDone(schedule: DaySchedule, done: WorkDone): number {
  let remaining = done === 'all' ? schedule.workingMs : Math.min(done, schedule.workingMs);
  for (const interval of schedule.intervals) {
    const length = interval.end - interval.start;
    if (remaining <= length) return interval.start + remaining;
    remaining -= length;
  }
  throw new Error('unreachable: a working day has at least one interval');
}

function instantOf(date: Date, name: string): number {
  // Not `instanceof Date`: Temporal's workflow sandbox has its own Date.
  const ms = typeof date?.getTime === 'function' ? date.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

function assertDuration(ms: number, name: string): void {
  if (!Number.isSafeInteger(ms) || ms < 0)
    throw new RangeError(`${name} must be a whole number of milliseconds ≥ 0, got ${ms}`);
}
