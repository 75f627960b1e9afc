/**
 * The nightly reconcile of the statistics' rollups (docs/statistics.md): the recent days' rows
 * compared with a direct count over the source tables, their months and weeks with the sum of their
 * days (the commune ones, unit × commune × category, with the sum of the months' and weeks' rows,
 * the unit ones, unit × category, with the sum of the commune ones: every table statistics_rollups()
 * lists, with the source and the keys it gives), and whatever differs recounted
 * (statistics_rebuild_days, statistics_recount_periods). The triggers keep the rollups exact in
 * every transaction; this finds what went around them (a restored backup of one table, an
 * administrator's SQL with the triggers off) and says what it fixed.
 * Idempotent: a second run finds nothing to fix.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { Prisma } from '../prisma/generated/client';
import { BUCKET_COLUMNS, CASE_COUNTERS, caseFacts, stepFacts } from '../api/services/statistics/statistics-facts';
import { LEVELS, type DayRange, type Level } from '../api/services/statistics/period-plan';
import { addDays, haTinhToday } from '../api/services/statistics/statistics-query';
import type { Db } from '../platform/db';

export interface ReconcileStatisticsInput {
  /** How many days up to today (Hà Tĩnh) are checked; default 7. */
  days?: number;
}

export interface ReconcileStatisticsResult {
  checked: DayRange;
  /** Days whose rows differed from the direct count and were recounted (YYYY-MM-DD). */
  repairedDays: string[];
  /**
   * Months (their first days) whose rows (commune and unit ones included) differed from their source's sum
   * and were recounted. (A repair of days recounts the months and weeks they fall in as well.)
   */
  repairedMonths: string[];
  /** Weeks (their Mondays) likewise. */
  repairedWeeks: string[];
}

export interface ReconcileLogger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

const DEFAULT_DAYS = 7;
const MAX_DAYS = 400;

/** The day tables' dimensions (the rollups above them list theirs in statistics_rollups()). */
const KEY = ['unitId', 'communeCode', 'categoryCode', 'channel'];
const LEVEL_NAMES = ['month', 'week'] as const;
const cols = (names: readonly string[], alias: string) => names.map((c) => `${alias}."${c}"`).join(', ');
const sums = (names: readonly string[], alias: string, cast: string) =>
  names.map((c) => `sum(${alias}."${c}")::${cast}`).join(', ');
const nonZero = (names: readonly string[], alias: string) => names.map((c) => `${alias}."${c}" <> 0`).join(' OR ');
const STEP_COUNTERS = ['completed', 'onTime', 'late'];
const BUCKETS = BUCKET_COLUMNS.map((_, i) => i);

export async function reconcileStatistics(
  db: Db,
  logger: ReconcileLogger,
  { days = DEFAULT_DAYS }: ReconcileStatisticsInput = {},
  now = new Date(),
): Promise<ReconcileStatisticsResult> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    // A wrong input stays wrong: not retried.
    throw ApplicationFailure.nonRetryable(
      `days must be an integer from 1 to ${MAX_DAYS}: ${JSON.stringify(days)}`,
      'INVALID_INPUT',
    );
  }
  const to = haTinhToday(now);
  const checked = { from: addDays(to, -(days - 1)), to };
  // Everything compared in one snapshot (a case written meanwhile is not taken for drift), before
  // anything is repaired: a repair of days recounts their months and weeks too, which would hide
  // a month that was wrong on its own.
  const { wrongDays, wrong } = await db.$transaction(
    async (tx) => {
      const snapshot = tx as unknown as Db;
      const wrongDays = await driftedDays(snapshot, checked);
      const wrong: Record<Level, string[]> = { month: [], week: [] };
      for (const level of LEVEL_NAMES) wrong[level] = await driftedPeriods(snapshot, level, touched(level, checked));
      return { wrongDays, wrong };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 600_000 },
  );
  for (const range of ranges(wrongDays, (day) => addDays(day, 1))) {
    await db.$executeRaw`SELECT statistics_rebuild_days(${range.from}::date, ${range.to}::date)`;
  }
  for (const level of LEVEL_NAMES) {
    for (const range of ranges(wrong[level], LEVELS[level].next)) {
      await db.$executeRaw`SELECT statistics_recount_periods(${level}, ${range.from}::date, ${range.to}::date)`;
    }
  }
  const result = { checked, repairedDays: wrongDays, repairedMonths: wrong.month, repairedWeeks: wrong.week };
  if (wrongDays.length || wrong.month.length || wrong.week.length) {
    logger.warn('statistics rollups differed from the source tables: recounted', { ...result });
  } else {
    logger.info('statistics rollups agree with the source tables', { checked });
  }
  return result;
}

/** The months or weeks (their first days) the checked days fall in. */
function touched(level: Level, checked: DayRange): DayRange {
  const { start } = LEVELS[level];
  return { from: start(checked.from), to: start(checked.to) };
}

/** Days whose day rows differ from a direct count over Case, Task and Rating. */
async function driftedDays(db: Db, range: DayRange): Promise<string[]> {
  const filter = { from: range.from, to: range.to };
  const caseCols = Prisma.raw(`${KEY.map((c) => `"${c}"`).join(', ')}, ${sums(CASE_COUNTERS, 'f', 'int')}`);
  const stepSums = Prisma.raw(`${sums(STEP_COUNTERS, 'f', 'int')}, sum(f."minutes")::bigint`);
  const rows = await db.$queryRaw<{ day: string }[]>`
    WITH direct_cases AS (
      SELECT f."day", ${caseCols} FROM (${caseFacts('direct', filter, 'all')}) f GROUP BY ${Prisma.raw(`1, ${cols(KEY, 'f')}`)}
    ), rollup_cases AS (
      SELECT f."day", ${Prisma.raw(`${cols(KEY, 'f')}, ${cols(CASE_COUNTERS, 'f')}`)} FROM "StatisticsDay" f
      WHERE f."day" BETWEEN ${range.from}::date AND ${range.to}::date AND (${Prisma.raw(nonZero(CASE_COUNTERS, 'f'))})
    ), direct_steps AS (
      SELECT f."day", ${Prisma.raw(cols(KEY, 'f'))}, f."step", f."bucket", ${stepSums}
      FROM (${stepFacts('direct', filter, 'all').days}) f GROUP BY ${Prisma.raw(`1, ${cols(KEY, 'f')}, f."step", f."bucket"`)}
    ), rollup_steps AS (
      SELECT f."day", ${Prisma.raw(`${cols(KEY, 'f')}, f."step", f."bucket", ${cols(STEP_COUNTERS, 'f')}, f."minutes"`)}
      FROM "StatisticsStepDay" f
      WHERE f."day" BETWEEN ${range.from}::date AND ${range.to}::date AND (${Prisma.raw(nonZero([...STEP_COUNTERS, 'minutes'], 'f'))})
    )
    SELECT DISTINCT to_char(d."day", 'YYYY-MM-DD') AS "day" FROM (${differing('direct_cases', 'rollup_cases')}) d
    UNION
    SELECT to_char(d."day", 'YYYY-MM-DD') FROM (${differing('direct_steps', 'rollup_steps')}) d
    ORDER BY 1`;
  return rows.map((r) => r.day);
}

/**
 * Months or weeks (first days, from `range.from` to `range.to`) whose rows differ from their
 * source's: every rollup of the level in statistics_rollups() (the tables of every dimension from
 * the sum of their days, the commune ones from the sum of those, the unit ones from the sum of the
 * commune ones), with the keys the list gives it, so a level the database adds is checked too.
 */
async function driftedPeriods(db: Db, level: Level, range: DayRange): Promise<string[]> {
  const checks = await db.$queryRaw<PeriodCheck[]>`
    SELECT r."source", r."target", r."keys", r."days" = 'StatisticsStepDay' AS "steps"
    FROM statistics_rollups() WITH ORDINALITY AS r("level", "days", "source", "target", "keys", i)
    WHERE r."level" = ${level}
    ORDER BY r.i`;
  if (checks.length === 0) throw new Error(`statistics_rollups() lists no ${level} rollup`);
  const ctes = checks.map(
    (check, i) =>
      Prisma.sql`expected${Prisma.raw(String(i))} AS (${expectedRows(level, range, check)}),
      kept${Prisma.raw(String(i))} AS (${keptRows(level, range, check)})`,
  );
  const rows = await db.$queryRaw<{ period: string }[]>`
    WITH ${Prisma.join(ctes, ', ')}
    ${Prisma.join(
      checks.map(
        (_, i) =>
          Prisma.sql`SELECT to_char(d."period", 'YYYY-MM-DD') AS "period" FROM (${differing(`expected${i}`, `kept${i}`)}) d`,
      ),
      ' UNION ',
    )}
    ORDER BY 1`;
  return rows.map((r) => r.period);
}

/** A row of statistics_rollups(): one month or week table and what it is the sum of. */
interface PeriodCheck {
  /** The table summed: a day table, or the level below (every dimension, commune, unit). */
  source: string;
  /** The month or week table checked. */
  target: string;
  /** The target's dimensions (after the step and the period). */
  keys: readonly string[];
  /** A step table (it sums StatisticsStepDay): keyed by the step first, with the step counters. */
  steps: boolean;
}

/** What the target's rows should be: its source's summed per period and key, rows counting something. */
function expectedRows(level: Level, range: DayRange, { source, keys, steps }: PeriodCheck): Prisma.Sql {
  const date = source.endsWith('Day') ? 'day' : level;
  const end = LEVELS[level].next(range.to);
  const key = steps ? ['step', ...keys] : keys;
  const counters = steps
    ? `${sums(STEP_COUNTERS, 's', 'int')}, sum(s."minutes")::bigint, ${BUCKETS.map((b) =>
        date === 'day'
          ? `coalesce(sum(s."completed") FILTER (WHERE s."bucket" = ${b}), 0)::int`
          : `sum(s."bucket${b}")::int`,
      ).join(', ')}`
    : sums(CASE_COUNTERS, 's', 'int');
  const counts = steps
    ? `sum(s."completed") <> 0 OR sum(s."minutes") <> 0`
    : CASE_COUNTERS.map((c) => `sum(s."${c}") <> 0`).join(' OR ');
  return Prisma.sql`
    SELECT date_trunc(${Prisma.raw(`'${level}'`)}, s.${Prisma.raw(`"${date}"`)})::date AS "period", ${Prisma.raw(`${cols(key, 's')}, ${counters}`)}
    FROM ${Prisma.raw(`"${source}"`)} s
    WHERE s.${Prisma.raw(`"${date}"`)} >= ${range.from}::date AND s.${Prisma.raw(`"${date}"`)} < ${end}::date
    GROUP BY ${Prisma.raw(`1, ${cols(key, 's')}`)}
    HAVING ${Prisma.raw(counts)}`;
}

/** The target's rows that count something, in the same columns. */
function keptRows(level: Level, range: DayRange, { target, keys, steps }: PeriodCheck): Prisma.Sql {
  const key = steps ? ['step', ...keys] : keys;
  const counters = steps ? [...STEP_COUNTERS, 'minutes', ...BUCKET_COLUMNS] : CASE_COUNTERS;
  const counts = steps ? `t."completed" <> 0 OR t."minutes" <> 0` : nonZero(CASE_COUNTERS, 't');
  const column = Prisma.raw(`t."${level}"`);
  return Prisma.sql`
    SELECT ${column}, ${Prisma.raw(`${cols(key, 't')}, ${cols(counters, 't')}`)}
    FROM ${Prisma.raw(`"${target}"`)} t
    WHERE ${column} BETWEEN ${range.from}::date AND ${range.to}::date AND (${Prisma.raw(counts)})`;
}

/** The rows of one CTE not in the other, both ways: where a rollup and its recount disagree. */
function differing(a: string, b: string): Prisma.Sql {
  return Prisma.raw(
    `(SELECT * FROM "${a}" EXCEPT SELECT * FROM "${b}") UNION ALL (SELECT * FROM "${b}" EXCEPT SELECT * FROM "${a}")`,
  );
}

/** Sorted days (or months, weeks) as runs of consecutive ones, so each run is recounted once. */
function ranges(sorted: readonly string[], next: (item: string) => string): DayRange[] {
  const runs: DayRange[] = [];
  for (const item of sorted) {
    const last = runs.at(-1);
    if (last && next(last.to) === item) last.to = item;
    else runs.push({ from: item, to: item });
  }
  return runs;
}
