/**
 * The working calendar: when a province's offices work, as plain data that administrators edit
 * (stored as JSON in PostgreSQL, passed through Temporal activities). This module validates a
 * calendar and turns it into the working intervals of each local day; the arithmetic on those
 * intervals lives in ./working-time.
 */
import { DateTime, IANAZone } from 'luxon';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A stretch of work on one local day, 'HH:mm' to 'HH:mm'; `end` may be '24:00'. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** A day off by decision (Tết, National Day, a day in lieu), whatever its weekday. */
export interface Holiday {
  date: string /* YYYY-MM-DD, local */;
  name: string;
}

/**
 * A day worked by decision although it is normally off, e.g. a Saturday worked in exchange for
 * a bridge day. Without `periods`, it works Monday's hours.
 */
export interface CompensatoryWorkingDay {
  date: string /* YYYY-MM-DD, local */;
  name?: string;
  periods?: WorkingPeriod[];
}

export interface WorkingCalendar {
  /** IANA zone the periods and dates are read in, e.g. 'Asia/Ho_Chi_Minh'. */
  timeZone: string;
  /** Periods of each weekday; a lunch break is the gap between two periods; absent = day off. */
  weeklyHours: Partial<Record<IsoWeekday, WorkingPeriod[]>>;
  holidays: Holiday[];
  workingDays: CompensatoryWorkingDay[];
}

export type CalendarProblemCode =
  | 'invalid_time_zone'
  | 'invalid_weekday'
  | 'invalid_time'
  | 'empty_period'
  | 'overlapping_periods'
  | 'invalid_date'
  | 'duplicate_date'
  | 'missing_name'
  | 'holiday_and_working_day'
  | 'no_default_periods'
  | 'no_working_time';

/** One thing wrong with a calendar; `code` is stable for translation, `path` points at the field. */
export interface CalendarProblem {
  path: string;
  code: CalendarProblemCode;
  message: string;
}

export class InvalidWorkingCalendarError extends Error {
  constructor(readonly problems: readonly CalendarProblem[]) {
    super(`Invalid working calendar: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'InvalidWorkingCalendarError';
  }
}

/**
 * How far the arithmetic scans without meeting any working time before it gives up: longer than
 * any real run of days off (Tết is 9 days), short enough to fail fast on a calendar without work.
 */
export const SCAN_HORIZON_DAYS = 3 * 366;

const MINUTES_PER_DAY = 24 * 60;
const MS_PER_DAY = 86_400_000;
const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

// ---------------------------------------------------------------------------------------------
// Validation

/** Every problem of a calendar (empty when it is usable), so an editor can show them all at once. */
export function validateWorkingCalendar(calendar: WorkingCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const report = (path: string, code: CalendarProblemCode, message: string) => problems.push({ path, code, message });

  if (typeof calendar.timeZone !== 'string' || !IANAZone.isValidZone(calendar.timeZone)) {
    report(
      'timeZone',
      'invalid_time_zone',
      `"${String(calendar.timeZone)}" is not an IANA time zone (e.g. Asia/Ho_Chi_Minh)`,
    );
  }

  const weekly = calendar.weeklyHours ?? {};
  for (const [key, periods] of Object.entries(weekly)) {
    if (!ISO_WEEKDAYS.some((weekday) => String(weekday) === key)) {
      report(`weeklyHours.${key}`, 'invalid_weekday', `"${key}" is not an ISO weekday (1 = Monday … 7 = Sunday)`);
      continue;
    }
    checkPeriods(periods, `weeklyHours.${key}`, report);
  }

  const holidayDates = checkDatedEntries(calendar.holidays, 'holidays', report, (holiday, path) => {
    if (typeof holiday.name !== 'string' || holiday.name.trim() === '') {
      report(`${path}.name`, 'missing_name', 'a holiday needs a name');
    }
  });

  const mondayWorks = (weekly[1] ?? []).length > 0;
  const workingDates = checkDatedEntries(calendar.workingDays, 'workingDays', report, (day, path) => {
    if (day.periods === undefined) {
      if (!mondayWorks)
        report(`${path}.periods`, 'no_default_periods', 'no periods given and Monday has none to default to');
    } else if (Array.isArray(day.periods) && day.periods.length === 0) {
      report(
        `${path}.periods`,
        'empty_period',
        'a working day needs at least one period (or none given, for Monday’s)',
      );
    } else {
      checkPeriods(day.periods, `${path}.periods`, report);
    }
  });

  for (const [date, index] of workingDates) {
    if (holidayDates.has(date)) {
      report(`workingDays[${index}].date`, 'holiday_and_working_day', `${date} is both a holiday and a working day`);
    }
  }

  const anyWeeklyWork = Object.values(weekly).some((periods) => Array.isArray(periods) && periods.length > 0);
  if (!anyWeeklyWork && workingDates.size === 0) {
    report('weeklyHours', 'no_working_time', 'the calendar has no working time at all');
  }
  return problems;
}

type Report = (path: string, code: CalendarProblemCode, message: string) => void;

function checkPeriods(periods: readonly WorkingPeriod[] | undefined, path: string, report: Report): void {
  if (!Array.isArray(periods)) {
    report(path, 'invalid_time', 'periods must be a list');
    return;
  }
  const parsed: { start: number; end: number; index: number }[] = [];
  periods.forEach((period, index) => {
    const start = parseClock(period?.start, 'start');
    const end = parseClock(period?.end, 'end');
    if (start === undefined) {
      report(`${path}[${index}].start`, 'invalid_time', `"${String(period?.start)}" is not a time HH:mm`);
    }
    if (end === undefined) {
      report(`${path}[${index}].end`, 'invalid_time', `"${String(period?.end)}" is not a time HH:mm (or 24:00)`);
    }
    if (start === undefined || end === undefined) return;
    if (end <= start)
      report(`${path}[${index}]`, 'empty_period', `${period.start}–${period.end} ends before it starts`);
    else parsed.push({ start, end, index });
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i++) {
    const previous = parsed[i - 1]!;
    const current = parsed[i]!;
    if (current.start < previous.end) {
      report(
        `${path}[${current.index}]`,
        'overlapping_periods',
        `overlaps period ${previous.index} (touching is fine, overlapping is not)`,
      );
    }
  }
}

/** Checks dates of a list of dated entries; returns the valid dates with the index of their entry. */
function checkDatedEntries<T extends { date: string }>(
  entries: readonly T[] | undefined,
  path: string,
  report: Report,
  checkEntry: (entry: T, path: string) => void,
): Map<string, number> {
  const seen = new Map<string, number>();
  if (!Array.isArray(entries)) {
    report(path, 'invalid_date', 'must be a list');
    return seen;
  }
  entries.forEach((entry, index) => {
    const entryPath = `${path}[${index}]`;
    if (parseLocalDate(entry?.date) === undefined) {
      report(`${entryPath}.date`, 'invalid_date', `"${String(entry?.date)}" is not a date YYYY-MM-DD`);
    } else if (seen.has(entry.date)) {
      report(
        `${entryPath}.date`,
        'duplicate_date',
        `${entry.date} is already listed at ${path}[${seen.get(entry.date)}]`,
      );
    } else {
      seen.set(entry.date, index);
    }
    checkEntry(entry, entryPath);
  });
  return seen;
}

/** 'HH:mm' → minutes since midnight; '24:00' only as an end. */
function parseClock(text: unknown, role: 'start' | 'end'): number | undefined {
  if (typeof text !== 'string') return undefined;
  if (role === 'end' && text === '24:00') return MINUTES_PER_DAY;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** 'YYYY-MM-DD' → local day number (days since 1970-01-01), undefined unless a real date. */
export function parseLocalDate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: a round trip tells real dates from impossible ones.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return ms / MS_PER_DAY;
}

// ---------------------------------------------------------------------------------------------
// Day schedules

/** Working time of one local day as absolute instants, half-open [start, end), sorted. */
export interface WorkingInterval {
  start: number /* epoch ms */;
  end: number /* epoch ms */;
}

export interface DaySchedule {
  intervals: readonly WorkingInterval[];
  workingMs: number;
}

/** A validated calendar ready for arithmetic. Days are local day numbers (days since 1970-01-01). */
export interface CompiledCalendar {
  localDayOf(ms: number): number;
  scheduleOf(day: number): DaySchedule;
}

interface ClockPeriod {
  start: number /* minutes since midnight */;
  end: number;
}

const compiled = new WeakMap<WorkingCalendar, CompiledCalendar>();

/**
 * The calendar validated and compiled, memoised per calendar object: converting wall-clock periods
 * to instants costs a time-zone lookup each, and the same days are asked for again and again.
 * Calendars are values: a changed calendar must be a new object (as one read from the database is).
 */
export function compileCalendar(calendar: WorkingCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const problems = validateWorkingCalendar(calendar);
  if (problems.length > 0) throw new InvalidWorkingCalendarError(problems);
  const result = buildCompiledCalendar(calendar);
  compiled.set(calendar, result);
  return result;
}

function buildCompiledCalendar(calendar: WorkingCalendar): CompiledCalendar {
  const zone = IANAZone.create(calendar.timeZone);
  const weekly = new Map<IsoWeekday, ClockPeriod[]>(
    ISO_WEEKDAYS.map((weekday) => [weekday, toClockPeriods(calendar.weeklyHours[weekday] ?? [])]),
  );
  const holidays = new Set(calendar.holidays.map((holiday) => parseLocalDate(holiday.date)));
  const workingDays = new Map(
    calendar.workingDays.map((day) => [
      parseLocalDate(day.date),
      day.periods ? toClockPeriods(day.periods) : weekly.get(1)!,
    ]),
  );
  const periodsOf = (day: number): ClockPeriod[] => {
    if (holidays.has(day)) return [];
    return workingDays.get(day) ?? weekly.get(isoWeekdayOf(day))!;
  };
  const schedules = new Map<number, DaySchedule>();
  const dayStarts = new Map<number, number>();
  const startOfDay = (day: number): number => {
    let start = dayStarts.get(day);
    if (start === undefined) {
      start = wallClockInstant(day, 0, zone);
      dayStarts.set(day, start);
    }
    return start;
  };

  return {
    // From memoised local midnights rather than a zone lookup per instant: the hot path of every
    // addition. The local day is within a day of the UTC one (offsets stay under ±24 h).
    localDayOf(ms) {
      let day = Math.floor(ms / MS_PER_DAY);
      while (ms < startOfDay(day)) day--;
      while (ms >= startOfDay(day + 1)) day++;
      return day;
    },
    scheduleOf(day) {
      let schedule = schedules.get(day);
      if (!schedule) {
        schedule = toSchedule(periodsOf(day).map((period) => toInterval(day, period, zone)));
        schedules.set(day, schedule);
      }
      return schedule;
    },
  };
}

function toClockPeriods(periods: readonly WorkingPeriod[]): ClockPeriod[] {
  return periods
    .map((period) => ({ start: parseClock(period.start, 'start')!, end: parseClock(period.end, 'end')! }))
    .sort((a, b) => a.start - b.start);
}

function toInterval(day: number, period: ClockPeriod, zone: IANAZone): WorkingInterval {
  return { start: wallClockInstant(day, period.start, zone), end: wallClockInstant(day, period.end, zone) };
}

/** The instant a local wall clock shows `minutes` past midnight of `day`; luxon resolves DST gaps. */
function wallClockInstant(day: number, minutes: number, zone: IANAZone): number {
  const date = new Date((day + Math.floor(minutes / MINUTES_PER_DAY)) * MS_PER_DAY);
  const minuteOfDay = minutes % MINUTES_PER_DAY;
  return DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minuteOfDay / 60),
      minute: minuteOfDay % 60,
    },
    { zone },
  ).toMillis();
}

/** Sorted, non-overlapping, non-empty: a DST change can squeeze or shift a period. */
function toSchedule(intervals: readonly WorkingInterval[]): DaySchedule {
  const clean: WorkingInterval[] = [];
  let workingMs = 0;
  for (const interval of intervals) {
    const start = Math.max(interval.start, clean.at(-1)?.end ?? -Infinity);
    if (interval.end <= start) continue;
    clean.push({ start, end: interval.end });
    workingMs += interval.end - start;
  }
  return { intervals: clean, workingMs };
}

/** 1970-01-01 (day 0) was a Thursday, ISO weekday 4. */
function isoWeekdayOf(day: number): IsoWeekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}
