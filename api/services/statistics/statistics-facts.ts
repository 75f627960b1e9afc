/**
 * Where the statistics' counters come from, as SQL subqueries already narrowed by the filter and
 * the reader's scope, with the same columns either way:
 * - 'rollup': the rollups the database's triggers keep, what the API reads: fast at a million
 *   cases. A period's whole months or weeks come from the monthly or weekly ones, its ends from the
 *   daily ones (StatisticsDay, StatisticsStepDay), as the caller's plan says (period-plan.ts);
 *   without one, days only. Whole periods are read from one of three levels, as the plan says:
 *   unit × category (StatisticsUnitMonth, StatisticsUnitWeek and their Step tables) when the
 *   question needs neither commune nor channel; unit × commune × category (StatisticsCommuneMonth,
 *   StatisticsCommuneWeek and their Step tables) when it needs the commune but no channel; else
 *   every dimension (StatisticsMonth, StatisticsWeek, and their Step tables);
 * - 'direct': the same counters counted straight from Case, Rating and Task, one row per case or
 *   task; slow, the reference the rollups are tested (and benchmarked) against.
 * docs/statistics.md defines each counter; the triggers' SQL is prisma/migrations/*_statistics.
 */
import { HOUR_BUCKETS } from '../../../domain/statistics';
import { Prisma } from '../../../prisma/generated/client';
import type { DayRange, Level, PeriodPlan } from './period-plan';
import { addDays, type StatisticsFilter } from './statistics-query';

export type FactSource = 'rollup' | 'direct';

/** Cases not yet given a unit are kept under this id in the rollups (a key cannot be null). */
export const NO_UNIT = '00000000-0000-0000-0000-000000000000';

/** 'all' units, or only these (a leader's). */
export type UnitScope = 'all' | readonly string[];

export const CASE_COUNTERS = [
  'received',
  'inProgress',
  'processed',
  'onTime',
  'late',
  'rejected',
  'duplicate',
  'withdrawn',
  'reopened',
  'rated1',
  'rated2',
  'rated3',
  'rated4',
  'rated5',
] as const;

const DIMENSIONS = Prisma.sql`"day", "unitId", "communeCode", "categoryCode", "channel"`;
const COUNTER_COLUMNS = Prisma.raw(CASE_COUNTERS.map((c) => `f."${c}"`).join(', '));
const STEP_COLUMNS = Prisma.raw(['step', 'completed', 'onTime', 'late', 'minutes'].map((c) => `f."${c}"`).join(', '));
/** The month and week step tables' histogram: bucket0 … bucket15, one per HOUR_BUCKETS bound and the overflow. */
export const BUCKET_COLUMNS = Array.from({ length: HOUR_BUCKETS.length + 1 }, (_, i) => `bucket${i}`);

const WHOLE_BUCKETS = Prisma.raw(BUCKET_COLUMNS.map((c) => `f."${c}"`).join(', '));
const ROLLUP_DIMENSIONS = Prisma.raw(['unitId', 'communeCode', 'categoryCode', 'channel'].map((c) => `f."${c}"`).join(', '));
/**
 * The dimensions of the rollups whole months and weeks are read from: 'unit' (unit × category),
 * 'commune' (unit × commune × category) or 'full' (every dimension, the channel too).
 */
export type WholeLevel = 'unit' | 'commune' | 'full';

/** Each level's tables (their name between Statistics[Step] and Month or Week) and its rows in ROLLUP_DIMENSIONS' columns. */
const WHOLE_LEVELS: Record<WholeLevel, { infix: string; dimensions: Prisma.Sql }> = {
  unit: {
    infix: 'Unit',
    dimensions: Prisma.sql`f."unitId", NULL::text AS "communeCode", f."categoryCode", NULL::text AS "channel"`,
  },
  commune: {
    infix: 'Commune',
    dimensions: Prisma.sql`f."unitId", f."communeCode", f."categoryCode", NULL::text AS "channel"`,
  },
  full: { infix: '', dimensions: ROLLUP_DIMENSIONS },
};

/** A plan of rollup rows, and which level its whole months and weeks come from. */
export interface RollupPlan extends PeriodPlan {
  wholeLevel: WholeLevel;
}

/** The tables of a level; their rows' `day` is read from the period's first day. */
function levelTables(level: Level, wholeLevel: WholeLevel) {
  const { infix, dimensions } = WHOLE_LEVELS[wholeLevel];
  const name = `${infix}${level === 'month' ? 'Month' : 'Week'}`;
  return {
    cases: Prisma.raw(`"Statistics${name}"`),
    steps: Prisma.raw(`"StatisticsStep${name}"`),
    column: Prisma.raw(`"${level}"`),
    dimensions,
  };
}

/** The case counters of the cases received in the period: columns DIMENSIONS + CASE_COUNTERS. */
export function caseFacts(
  source: FactSource,
  filter: StatisticsFilter,
  scope: UnitScope,
  plan: RollupPlan = daysOnly(filter),
): Prisma.Sql {
  if (source === 'rollup') {
    assertLevelServes(plan, filter);
    const parts = plan.days.map(
      (days) => Prisma.sql`
        SELECT f."day", ${ROLLUP_DIMENSIONS}, ${COUNTER_COLUMNS} FROM "StatisticsDay" f
        WHERE ${rollupWhere(Prisma.sql`f."day"`, days, filter, scope)}`,
    );
    for (const { level, range } of plan.whole) {
      const { cases, column, dimensions } = levelTables(level, plan.wholeLevel);
      parts.push(Prisma.sql`
        SELECT f.${column} AS "day", ${dimensions}, ${COUNTER_COLUMNS} FROM ${cases} f
        WHERE ${rollupWhere(Prisma.sql`f.${column}`, range, filter, scope)}`);
    }
    return Prisma.join(parts, ' UNION ALL ');
  }
  const processed = Prisma.sql`(c."status" IN ('responded', 'closed') AND c."publishedAt" IS NOT NULL)`;
  return Prisma.sql`
    SELECT statistics_day(c."receivedAt") AS "day",
      coalesce(c."unitId", ${NO_UNIT}::uuid) AS "unitId",
      coalesce(c."communeCode", '') AS "communeCode",
      c."categoryCode", c."channel",
      1 AS "received",
      (c."status" NOT IN ('responded', 'closed', 'rejected', 'duplicate', 'withdrawn'))::int AS "inProgress",
      ${processed}::int AS "processed",
      (${processed} AND c."publishedAt" <= c."resolutionDeadline")::int AS "onTime",
      (${processed} AND c."publishedAt" > c."resolutionDeadline")::int AS "late",
      (c."status" = 'rejected')::int AS "rejected",
      (c."status" = 'duplicate')::int AS "duplicate",
      (c."status" = 'withdrawn')::int AS "withdrawn",
      (c."reopenCount" > 0)::int AS "reopened",
      (SELECT count(*) FROM "Rating" r WHERE r."caseId" = c."id" AND r."score" = 1)::int AS "rated1",
      (SELECT count(*) FROM "Rating" r WHERE r."caseId" = c."id" AND r."score" = 2)::int AS "rated2",
      (SELECT count(*) FROM "Rating" r WHERE r."caseId" = c."id" AND r."score" = 3)::int AS "rated3",
      (SELECT count(*) FROM "Rating" r WHERE r."caseId" = c."id" AND r."score" = 4)::int AS "rated4",
      (SELECT count(*) FROM "Rating" r WHERE r."caseId" = c."id" AND r."score" = 5)::int AS "rated5"
    FROM "Case" c
    WHERE ${caseWhere(filter, scope, Prisma.sql`c."receivedAt"`)}`;
}

/**
 * Human steps completed in the period, in two parts: `days`, columns DIMENSIONS, step, bucket,
 * completed, onTime, late, minutes (a row per bucket); and `whole` (or null: the plan has no whole
 * month or week), the same but with BUCKET_COLUMNS, the completed steps per bucket, instead of
 * bucket (a row for all buckets).
 */
export function stepFacts(
  source: FactSource,
  filter: StatisticsFilter,
  scope: UnitScope,
  plan: RollupPlan = daysOnly(filter),
): { days: Prisma.Sql; whole: Prisma.Sql | null } {
  if (source === 'rollup') {
    assertLevelServes(plan, filter);
    // A period of whole months has no day part: a query that matches nothing keeps the shape.
    const dayRanges = plan.days.length ? plan.days : [{ from: filter.from, to: addDays(filter.from, -1) }];
    return {
      days: Prisma.join(
        dayRanges.map(
          (days) => Prisma.sql`
            SELECT f."day", ${ROLLUP_DIMENSIONS}, ${STEP_COLUMNS}, f."bucket" FROM "StatisticsStepDay" f
            WHERE ${rollupWhere(Prisma.sql`f."day"`, days, filter, scope)}`,
        ),
        ' UNION ALL ',
      ),
      whole: plan.whole.length
        ? Prisma.join(
            plan.whole.map(({ level, range }) => {
              const { steps, column, dimensions } = levelTables(level, plan.wholeLevel);
              return Prisma.sql`
                SELECT f.${column} AS "day", ${dimensions}, ${STEP_COLUMNS}, ${WHOLE_BUCKETS} FROM ${steps} f
                WHERE ${rollupWhere(Prisma.sql`f.${column}`, range, filter, scope)}`;
            }),
            ' UNION ALL ',
          )
        : null,
    };
  }
  return { days: directSteps(filter, scope), whole: null };
}

function directSteps(filter: StatisticsFilter, scope: UnitScope): Prisma.Sql {
  return Prisma.sql`
    SELECT statistics_day(t."completedAt") AS "day",
      coalesce(c."unitId", ${NO_UNIT}::uuid) AS "unitId",
      coalesce(c."communeCode", '') AS "communeCode",
      c."categoryCode", c."channel", t."step",
      statistics_bucket(t."workingMinutes") AS "bucket",
      1 AS "completed",
      (t."completedAt" <= t."due")::int AS "onTime",
      (t."completedAt" > t."due")::int AS "late",
      t."workingMinutes" AS "minutes"
    FROM "Task" t JOIN "Case" c ON c."id" = t."caseId"
    WHERE t."state" = 'done' AND t."workingMinutes" IS NOT NULL
      AND ${caseWhere(filter, scope, Prisma.sql`t."completedAt"`)}`;
}

/**
 * Cases overdue now (live, from the projection; no period): columns unitId, communeCode,
 * categoryCode, channel, escalationLevel.
 */
export function overdueFacts(filter: StatisticsFilter, scope: UnitScope): Prisma.Sql {
  return Prisma.sql`
    SELECT coalesce(c."unitId", ${NO_UNIT}::uuid) AS "unitId",
      coalesce(c."communeCode", '') AS "communeCode",
      c."categoryCode", c."channel", c."escalationLevel"
    FROM "Case" c
    WHERE c."overdue" AND c."status" NOT IN ('closed', 'rejected', 'duplicate', 'withdrawn')
      AND ${dimensionWhere(filter, scope, 'c')}`;
}

export { DIMENSIONS };

function daysOnly(filter: StatisticsFilter): RollupPlan {
  return { days: [{ from: filter.from, to: filter.to }], whole: [], wholeLevel: 'full' };
}

/** A filter on a dimension the level's rollups lack would be silently ignored: a caller's mistake. */
function assertLevelServes(plan: RollupPlan, filter: StatisticsFilter) {
  if (plan.wholeLevel === 'unit' && filter.communeCode) {
    throw new Error('the unit × category rollups have no commune: they cannot answer this filter');
  }
  if (plan.wholeLevel !== 'full' && filter.channel) {
    throw new Error(`the ${plan.wholeLevel} rollups have no channel: they cannot answer this filter`);
  }
}

function rollupWhere(column: Prisma.Sql, range: DayRange, filter: StatisticsFilter, scope: UnitScope): Prisma.Sql {
  return Prisma.sql`${column} BETWEEN ${range.from}::date AND ${range.to}::date AND ${dimensionWhere(filter, scope, 'f')}`;
}

/** The period as instants on `column` (Hà Tĩnh midnights), so an index on it serves. */
function caseWhere(filter: StatisticsFilter, scope: UnitScope, column: Prisma.Sql): Prisma.Sql {
  const start = haTinhMidnight(filter.from);
  const end = haTinhMidnight(addDays(filter.to, 1));
  return Prisma.sql`${column} >= ${start} AND ${column} < ${end} AND ${dimensionWhere(filter, scope, 'c')}`;
}

function dimensionWhere(filter: StatisticsFilter, scope: UnitScope, alias: 'c' | 'f'): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const unit = alias === 'c' ? Prisma.sql`coalesce(c."unitId", ${NO_UNIT}::uuid)` : col('unitId');
  const commune = alias === 'c' ? Prisma.sql`coalesce(c."communeCode", '')` : col('communeCode');
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (scope !== 'all') parts.push(Prisma.sql`${unit} IN (${Prisma.join(scope.map((id) => Prisma.sql`${id}::uuid`))})`);
  if (filter.unitId) parts.push(Prisma.sql`${unit} = ${filter.unitId}::uuid`);
  if (filter.communeCode) parts.push(Prisma.sql`${commune} = ${filter.communeCode}`);
  if (filter.categoryCode) parts.push(Prisma.sql`${col('categoryCode')} = ${filter.categoryCode}`);
  if (filter.channel) parts.push(Prisma.sql`${col('channel')} = ${filter.channel}`);
  return Prisma.join(parts, ' AND ');
}

/** The instant a Hà Tĩnh day begins (UTC+7, no daylight saving time). */
function haTinhMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}
