/**
 * The nightly reconcile of the statistics' rollups (docs/statistics.md): the recent days' rows
 * compared with a direct count over the source tables, their months and weeks with the sum of their
 * days, and whatever differs recounted (statistics_rebuild_days, statistics_recount_months,
 * statistics_recount_weeks). The triggers
 * keep the rollups exact in every transaction; this finds what went around them (a restored
 * backup of one table, an administrator's SQL with the triggers off) and says what it fixed.
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
  /** Months (their first days) whose rows differed from their days' sum and were recounted. */
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

const KEY = ['unitId', 'communeCode', 'categoryCode', 'channel'];
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
    throw ApplicationFailure.nonRetryable(`days must be an integer from 1 to ${MAX_DAYS}: ${JSON.stringify(days)}`, 'INVALID_INPUT');
  }
  const to = haTinhToday(now);
  const checked = { from: addDays(to, -(days - 1)), to };
  // One snapshot for both sides: a case written meanwhile is not taken for drift.
  const wrongDays = await db.$transaction((tx) => driftedDays(tx as unknown as Db, checked), {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    timeout: 600_000,
  });
  for (const range of ranges(wrongDays, (day) => addDays(day, 1))) {
    await db.$executeRaw`SELECT statistics_rebuild_days(${range.from}::date, ${range.to}::date)`;
  }
  const wrong: Record<Level, string[]> = { month: [], week: [] };
  for (const level of ['month', 'week'] as const) {
    const { start, next } = LEVELS[level];
    const periods = { from: start(checked.from), to: start(checked.to) };
    wrong[level] = await db.$transaction((tx) => driftedPeriods(tx as unknown as Db, level, periods), {
      isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
      timeout: 600_000,
    });
    for (const range of ranges(wrong[level], next)) {
      await db.$executeRaw`SELECT ${Prisma.raw(`statistics_recount_${level}s`)}(${range.from}::date, ${range.to}::date)`;
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

/** Months or weeks (first days, from `range.from` to `range.to`) whose rows differ from the sum of their days. */
async function driftedPeriods(db: Db, level: Level, range: DayRange): Promise<string[]> {
  const end = LEVELS[level].next(range.to);
  const unit = Prisma.raw(`'${level}'`);
  const column = Prisma.raw(`"${level}"`);
  const name = level === 'month' ? 'Month' : 'Week';
  const [cases, steps] = [Prisma.raw(`"Statistics${name}"`), Prisma.raw(`"StatisticsStep${name}"`)];
  const bucketSums = Prisma.raw(
    BUCKETS.map((b) => `coalesce(sum(d."completed") FILTER (WHERE d."bucket" = ${b}), 0)::int`).join(', '),
  );
  const rows = await db.$queryRaw<{ period: string }[]>`
    WITH day_cases AS (
      SELECT date_trunc(${unit}, d."day")::date AS "period", ${Prisma.raw(`${cols(KEY, 'd')}, ${sums(CASE_COUNTERS, 'd', 'int')}`)}
      FROM "StatisticsDay" d WHERE d."day" >= ${range.from}::date AND d."day" < ${end}::date
      GROUP BY ${Prisma.raw(`1, ${cols(KEY, 'd')}`)}
      HAVING ${Prisma.raw(CASE_COUNTERS.map((c) => `sum(d."${c}") <> 0`).join(' OR '))}
    ), period_cases AS (
      SELECT m.${column}, ${Prisma.raw(`${cols(KEY, 'm')}, ${cols(CASE_COUNTERS, 'm')}`)} FROM ${cases} m
      WHERE m.${column} BETWEEN ${range.from}::date AND ${range.to}::date AND (${Prisma.raw(nonZero(CASE_COUNTERS, 'm'))})
    ), day_steps AS (
      SELECT date_trunc(${unit}, d."day")::date AS "period", d."step", ${Prisma.raw(`${cols(KEY, 'd')}, ${sums(STEP_COUNTERS, 'd', 'int')}`)},
        sum(d."minutes")::bigint, ${bucketSums}
      FROM "StatisticsStepDay" d WHERE d."day" >= ${range.from}::date AND d."day" < ${end}::date
      GROUP BY ${Prisma.raw(`1, 2, ${cols(KEY, 'd')}`)}
      HAVING sum(d."completed") <> 0 OR sum(d."minutes") <> 0
    ), period_steps AS (
      SELECT m.${column}, m."step", ${Prisma.raw(`${cols(KEY, 'm')}, ${cols(STEP_COUNTERS, 'm')}`)}, m."minutes", ${Prisma.raw(BUCKET_COLUMNS.map((c) => `m."${c}"`).join(', '))}
      FROM ${steps} m
      WHERE m.${column} BETWEEN ${range.from}::date AND ${range.to}::date AND (m."completed" <> 0 OR m."minutes" <> 0)
    )
    SELECT to_char(d."period", 'YYYY-MM-DD') AS "period" FROM (${differing('day_cases', 'period_cases')}) d
    UNION
    SELECT to_char(d."period", 'YYYY-MM-DD') FROM (${differing('day_steps', 'period_steps')}) d
    ORDER BY 1`;
  return rows.map((r) => r.period);
}

/** The rows of one CTE not in the other, both ways: where a rollup and its recount disagree. */
function differing(a: string, b: string): Prisma.Sql {
  return Prisma.raw(`(SELECT * FROM "${a}" EXCEPT SELECT * FROM "${b}") UNION ALL (SELECT * FROM "${b}" EXCEPT SELECT * FROM "${a}")`);
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
