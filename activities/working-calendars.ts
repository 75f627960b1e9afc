/**
 * The working calendar the case workflow's activities count deadlines in (docs/design.md,
 * principle 4), read from the WorkingCalendar table: one row per year, edited by administrators.
 *
 * All rows are merged into one domain WorkingCalendar, so a deadline that crosses New Year counts
 * the next year's holidays:
 * - holidays and compensatory working days: every row's, concatenated (extra fields such as
 *   `source` and `confirmed` are dropped: the arithmetic does not need them);
 * - timeZone and weeklyHours: the NEWEST year's row (the highest `year`). Rows that disagree on
 *   them are not an error and nothing is logged: the newest row wins for every date, the older
 *   years included. A province that changes its office hours edits the current year's row too.
 *
 * The merged calendar is validated (validateWorkingCalendar) and cached for `ttlMs`, so an
 * administrator's edit takes effect within a minute. An invalid calendar, or no calendar at all,
 * is a plain Error naming every problem: the activity fails, Temporal retries it, and the
 * administrator sees the message in the workflow's history; once the calendar is fixed the next
 * attempt succeeds. Failures are never cached.
 */
import type { CompensatoryWorkingDay, Holiday, WorkingCalendar, WorkingPeriod } from '../domain/working-calendar';
import { validateWorkingCalendar } from '../domain/working-calendar';
import type { Db } from '../platform/db';

export const DEFAULT_CONFIG_TTL_MS = 60_000;

export interface CacheOptions {
  /** How long a loaded value is served before the next call reloads it; 0: never cached. */
  ttlMs?: number;
  /** Epoch ms; injectable for tests. */
  now?: () => number;
}

export interface CalendarSource {
  /** The merged, validated calendar; the same object until the cache expires. */
  calendar(): Promise<WorkingCalendar>;
}

/** The columns of a WorkingCalendar row the merge reads (JSON columns as Prisma returns them). */
export interface WorkingCalendarRow {
  year: number;
  timeZone: string;
  weeklyHours: unknown;
  holidays: unknown;
  workingDays: unknown;
}

export function createCalendarSource(
  db: Db,
  { ttlMs = DEFAULT_CONFIG_TTL_MS, now = () => Date.now() }: CacheOptions = {},
): CalendarSource {
  const cache = createCachedLoader(async () => {
    const rows = await db.workingCalendar.findMany({
      select: { year: true, timeZone: true, weeklyHours: true, holidays: true, workingDays: true },
      orderBy: { year: 'asc' },
    });
    return loadedCalendar(rows);
  });
  return { calendar: () => cache.get({ ttlMs, now }) };
}

/** The merged calendar of the rows, or an Error naming every problem (the message is for administrators). */
function loadedCalendar(rows: readonly WorkingCalendarRow[]): WorkingCalendar {
  if (rows.length === 0) {
    throw new Error(
      'No working calendar configured: the WorkingCalendar table is empty, so no deadline can be counted. Add the current year in the back office (or run the seed).',
    );
  }
  const { calendar, problems } = mergeWorkingCalendars(rows);
  if (problems.length > 0) {
    throw new Error(`Invalid working calendar (fix it in the back office): ${problems.join('; ')}`);
  }
  return deepFreeze(calendar);
}

/**
 * The rows merged as described at the top of this file, with every problem found, each prefixed
 * by the year of the row it comes from (e.g. `2027 holidays[2].date: ...`). Pure.
 */
export function mergeWorkingCalendars(rows: readonly WorkingCalendarRow[]): {
  calendar: WorkingCalendar;
  problems: string[];
} {
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const newest = sorted.at(-1);
  if (newest === undefined) throw new Error('No working calendar configured');
  const problems: string[] = [];
  const holidays: Holiday[] = [];
  const holidayOrigins: string[] = [];
  const workingDays: CompensatoryWorkingDay[] = [];
  const workingDayOrigins: string[] = [];

  for (const row of sorted) {
    listOf(row.holidays, `${row.year} holidays`, problems).forEach((entry, index) => {
      holidays.push({ date: field(entry, 'date') as string, name: field(entry, 'name') as string });
      holidayOrigins.push(`${row.year} holidays[${index}]`);
    });
    listOf(row.workingDays, `${row.year} workingDays`, problems).forEach((entry, index) => {
      const day: CompensatoryWorkingDay = { date: field(entry, 'date') as string };
      const name = field(entry, 'name');
      if (name !== undefined && name !== null) day.name = name as string;
      const periods = field(entry, 'periods');
      if (periods !== undefined && periods !== null) day.periods = copyPeriods(periods);
      workingDays.push(day);
      workingDayOrigins.push(`${row.year} workingDays[${index}]`);
    });
  }

  const weeklyHours: WorkingCalendar['weeklyHours'] = {};
  if (isRecord(newest.weeklyHours) && !Array.isArray(newest.weeklyHours)) {
    for (const [weekday, periods] of Object.entries(newest.weeklyHours)) {
      (weeklyHours as Record<string, WorkingPeriod[]>)[weekday] = copyPeriods(periods);
    }
  } else {
    problems.push(`${newest.year} weeklyHours: must be an object of ISO weekdays ({ "1": [{ "start", "end" }] })`);
  }

  const calendar: WorkingCalendar = { timeZone: newest.timeZone, weeklyHours, holidays, workingDays };
  for (const problem of validateWorkingCalendar(calendar)) {
    problems.push(`${originOf(problem.path, newest.year, holidayOrigins, workingDayOrigins)}: ${problem.message}`);
  }
  return { calendar, problems };
}

/** A merged path such as `holidays[13].date` → `2027 holidays[2].date`, the row an editor opens. */
function originOf(path: string, newestYear: number, holidays: string[], workingDays: string[]): string {
  const match = /^(holidays|workingDays)\[(\d+)\](.*)$/.exec(path);
  if (match === null) return `${newestYear} ${path}`;
  const origins = match[1] === 'holidays' ? holidays : workingDays;
  return `${origins[Number(match[2])] ?? `${match[1]}[${match[2]}]`}${match[3]}`;
}

function listOf(value: unknown, path: string, problems: string[]): unknown[] {
  if (Array.isArray(value)) return value;
  problems.push(`${path}: must be a list`);
  return [];
}

/** Only start and end of each period; anything that is not a list is left for the validator to name. */
function copyPeriods(value: unknown): WorkingPeriod[] {
  if (!Array.isArray(value)) return value as WorkingPeriod[];
  return value.map((period) => ({ start: field(period, 'start') as string, end: field(period, 'end') as string }));
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The cached calendar is shared by every caller (and memoised by identity in the domain): frozen. */
function deepFreeze<T>(value: T): T {
  if (isRecord(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// The cache the configuration readers share (calendar, SLA policies, routing rules)

export interface CachedLoader<T> {
  /** The cached value while it is younger than ttlMs, else a fresh load; concurrent calls share one load. */
  get(options?: CacheOptions): Promise<T>;
}

/**
 * A value loaded on demand and kept for a time-to-live that each call states (so tests can ask
 * for ttlMs 0 of a cache the worker shares). Its age counts from the start of its load; a failed
 * load is not kept, so the next call tries again.
 */
export function createCachedLoader<T>(load: () => Promise<T>): CachedLoader<T> {
  let cached: { value: T; loadedAt: number } | undefined;
  let inFlight: Promise<T> | undefined;
  return {
    get({ ttlMs = DEFAULT_CONFIG_TTL_MS, now = () => Date.now() } = {}) {
      const at = now();
      if (cached !== undefined && at - cached.loadedAt < ttlMs) return Promise.resolve(cached.value);
      if (inFlight !== undefined) return inFlight;
      const loading = Promise.resolve()
        .then(load)
        .then((value) => {
          cached = { value, loadedAt: at };
          return value;
        });
      inFlight = loading;
      const clear = () => {
        if (inFlight === loading) inFlight = undefined;
      };
      void loading.then(clear, clear);
      return loading;
    },
  };
}

/**
 * One cache per database client, for readers that are plain functions over `db` (the worker
 * creates one client, so its activities share one cache; a test's own client gets its own).
 */
export function cachedPerDb<T>(load: (db: Db) => Promise<T>): (db: Db, options?: CacheOptions) => Promise<T> {
  const caches = new WeakMap<Db, CachedLoader<T>>();
  return (db, options) => {
    let cache = caches.get(db);
    if (cache === undefined) {
      cache = createCachedLoader(() => load(db));
      caches.set(db, cache);
    }
    return cache.get(options);
  };
}
