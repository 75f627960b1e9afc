/**
 * The statistics the dashboard and the public page show (docs/statistics.md): the period's
 * figures as a whole, per unit, category or commune, per week or month, and per step. Counted in
 * the database from the rollups (or, for tests and the benchmark, straight from the source
 * tables: statistics-facts.ts), narrowed to the units the reader may see.
 */
import { HUMAN_STEPS, type HumanStep } from '../../../domain/case-steps';
import {
  caseFigures,
  emptyCounters,
  share,
  stepTimes,
  type BucketCounts,
  type CaseCounters,
  type CaseFigures,
  type StepTimes,
} from '../../../domain/statistics';
import type { Db } from '../../../platform/db';
import { Prisma } from '../../../prisma/generated/client';
import {
  BUCKET_COLUMNS,
  CASE_COUNTERS,
  NO_UNIT,
  caseFacts,
  overdueFacts,
  stepFacts,
  type FactSource,
  type RollupPlan,
  type UnitScope,
} from './statistics-facts';
import { planMixed, planPeriod } from './period-plan';
import { addDays, type StatisticsFilter } from './statistics-query';

export type Grouping = 'unit' | 'category' | 'commune';
export type Interval = 'week' | 'month';

export interface OverdueNow {
  total: number;
  /** Open cases overdue now by escalation level (0: overdue, not yet escalated; 1: unit leader; 2: IOC). */
  byLevel: { level: number; count: number }[];
}

export interface StatisticsRow extends CaseFigures {
  /** The unit id, category code, commune code, week (its Monday) or month (YYYY-MM); null: none. */
  key: string | null;
  name: string | null;
  nameEn: string | null;
  /** The unit's processing step (process): working hours and deadlines kept. */
  processing: StepTimes;
  /** Live: not limited to the period; null on trend rows. */
  overdueNow: OverdueNow | null;
}

export interface StepRow extends StepTimes {
  step: HumanStep;
  onTimeShare: number | null;
}

export interface StatisticsOptions {
  scope: UnitScope;
  filter: StatisticsFilter;
  source?: FactSource;
  /**
   * false: whole months and weeks from the rollups of every dimension even where the coarser ones
   * (unit × category, unit × commune × category) would answer; the tests compare both with a direct
   * count. Default true.
   */
  coarse?: boolean;
}

const GROUP_KEYS: Record<Grouping | Interval | 'all', Prisma.Sql> = {
  all: Prisma.sql`''`,
  unit: Prisma.sql`f."unitId"::text`,
  category: Prisma.sql`f."categoryCode"`,
  commune: Prisma.sql`f."communeCode"`,
  week: Prisma.sql`to_char(date_trunc('week', f."day"), 'YYYY-MM-DD')`,
  month: Prisma.sql`to_char(f."day", 'YYYY-MM')`,
};

/** The period's figures as a whole (the dashboard's tiles). */
export async function statisticsSummary(db: Db, options: StatisticsOptions) {
  const rows = await groupedRows(db, 'all', options);
  const row = rows.get('') ?? blankRow('', true);
  const { key: _key, name: _name, nameEn: _nameEn, ...figures } = row;
  return { period: period(options.filter), ...figures };
}

/** One row per unit, category or commune that received cases or has overdue ones. */
export async function statisticsBy(db: Db, grouping: Grouping, options: StatisticsOptions) {
  const rows = await groupedRows(db, grouping, options);
  const named = await withNames(db, grouping, [...rows.values()]);
  // Most received first; the cases without a unit (or commune) last; then by name.
  named.sort(
    (a, b) =>
      Number(a.key === null) - Number(b.key === null) ||
      b.received - a.received ||
      (a.name ?? '').localeCompare(b.name ?? '', 'vi'),
  );
  return { period: period(options.filter), grouping, rows: named };
}

/** One row per week (from its Monday) or month of the period, empty ones included, in order. */
export async function statisticsTrend(db: Db, interval: Interval, options: StatisticsOptions) {
  const rows = await groupedRows(db, interval, options, { overdue: false });
  const keys = intervalKeys(interval, options.filter);
  return {
    period: period(options.filter),
    interval,
    rows: keys.map((key) => rows.get(key) ?? blankRow(key, false)),
  };
}

/** Per human step: completed in the period, on time / late, mean and p90 working hours. */
export async function statisticsSteps(db: Db, options: StatisticsOptions) {
  const buckets = await bucketsBy(db, 'step', options);
  const rows: StepRow[] = HUMAN_STEPS.map((step) => {
    const times = stepTimes(buckets.get(step) ?? []);
    return { step, ...times, onTimeShare: share(times.onTime, times.onTime + times.late) };
  });
  return { period: period(options.filter), rows };
}

// ---------------------------------------------------------------------------------------------

async function groupedRows(
  db: Db,
  grouping: Grouping | Interval | 'all',
  options: StatisticsOptions,
  { overdue = true } = {},
): Promise<Map<string, StatisticsRow>> {
  const [counters, processing, overdueNow] = await Promise.all([
    countersBy(db, grouping, options),
    bucketsBy(db, grouping, options, 'process'),
    overdue ? overdueBy(db, GROUP_KEYS[grouping], options) : Promise.resolve(new Map<string, OverdueNow>()),
  ]);
  const keys = new Set([...counters.keys(), ...processing.keys(), ...overdueNow.keys()]);
  const rows = new Map<string, StatisticsRow>();
  for (const k of keys) {
    rows.set(k, {
      key: k,
      name: null,
      nameEn: null,
      ...caseFigures(counters.get(k) ?? emptyCounters()),
      processing: stepTimes(processing.get(k) ?? []),
      overdueNow: overdue ? (overdueNow.get(k) ?? { total: 0, byLevel: [] }) : null,
    });
  }
  return rows;
}

async function countersBy(
  db: Db,
  grouping: Grouping | Interval | 'all',
  options: StatisticsOptions,
): Promise<Map<string, CaseCounters>> {
  const sums = Prisma.join(
    CASE_COUNTERS.map(
      (counter) => Prisma.sql`coalesce(sum(f.${Prisma.raw(`"${counter}"`)}), 0)::int AS ${Prisma.raw(`"${counter}"`)}`,
    ),
  );
  let facts = caseFacts(options.source ?? 'rollup', options.filter, options.scope, rollupPlan(grouping, options));
  // By interval: summed per day first, so the interval's key is computed per day, not per row.
  if (grouping === 'week' || grouping === 'month') facts = Prisma.sql`SELECT f."day", ${sums} FROM (${facts}) f GROUP BY 1`;
  const rows = await db.$queryRaw<(Record<(typeof CASE_COUNTERS)[number], number> & { key: string })[]>`
    SELECT ${GROUP_KEYS[grouping]} AS "key", ${sums} FROM (${facts}) f GROUP BY 1`;
  return new Map(
    rows.map((r) => [
      r.key,
      {
        received: r.received,
        inProgress: r.inProgress,
        processed: r.processed,
        onTime: r.onTime,
        late: r.late,
        rejected: r.rejected,
        duplicate: r.duplicate,
        withdrawn: r.withdrawn,
        reopened: r.reopened,
        ratings: [r.rated1, r.rated2, r.rated3, r.rated4, r.rated5],
      },
    ]),
  );
}

async function bucketsBy(
  db: Db,
  grouping: Grouping | Interval | 'all' | 'step',
  options: StatisticsOptions,
  step?: HumanStep,
): Promise<Map<string, BucketCounts[]>> {
  const key = grouping === 'step' ? Prisma.sql`f."step"::text` : GROUP_KEYS[grouping];
  const facts = stepFacts(options.source ?? 'rollup', options.filter, options.scope, rollupPlan(grouping, options));
  const onlyStep = step ? Prisma.sql`WHERE f."step" = ${step}::"CaseStep"` : Prisma.empty;
  const parts = [
    Prisma.sql`
      SELECT ${key} AS "key", f."bucket", sum(f."completed") AS "completed", sum(f."onTime") AS "onTime",
        sum(f."late") AS "late", sum(f."minutes") AS "minutes"
      FROM (${facts.days}) f ${onlyStep} GROUP BY 1, 2`,
  ];
  if (facts.whole) {
    // Month and week rows hold their histogram in columns: summed per key (per day first when the
    // key is an interval, so that it is computed per day), then one row per bucket, the key's
    // onTime, late and minutes on bucket 0's (stepTimes only adds them up).
    const sums = Prisma.raw(
      ['onTime', 'late', 'minutes', ...BUCKET_COLUMNS].map((c) => `sum(f."${c}") AS "${c}"`).join(', '),
    );
    const perDay = grouping === 'week' || grouping === 'month';
    const whole = perDay
      ? Prisma.sql`SELECT f."day", ${sums} FROM (${facts.whole}) f ${onlyStep} GROUP BY 1`
      : Prisma.sql`SELECT * FROM (${facts.whole}) f ${onlyStep}`;
    const histogram = Prisma.raw(BUCKET_COLUMNS.map((c) => `coalesce(sum(f."${c}"), 0)`).join(', '));
    parts.push(Prisma.sql`
      SELECT m."key", b.i::int - 1, b.n, CASE WHEN b.i = 1 THEN m."onTime" ELSE 0 END,
        CASE WHEN b.i = 1 THEN m."late" ELSE 0 END, CASE WHEN b.i = 1 THEN m."minutes" ELSE 0 END
      FROM (
        SELECT ${key} AS "key", sum(f."onTime") AS "onTime", sum(f."late") AS "late", sum(f."minutes") AS "minutes",
          ARRAY[${histogram}] AS "buckets"
        FROM (${whole}) f GROUP BY 1
      ) m CROSS JOIN LATERAL unnest(m."buckets") WITH ORDINALITY AS b(n, i)`);
  }
  const rows = await db.$queryRaw<(BucketCounts & { key: string })[]>`
    SELECT f."key", f."bucket"::int AS "bucket", sum(f."completed")::int AS "completed",
      sum(f."onTime")::int AS "onTime", sum(f."late")::int AS "late", sum(f."minutes")::float8 AS "minutes"
    FROM (${Prisma.join(parts, ' UNION ALL ')}) f
    GROUP BY 1, 2`;
  const grouped = new Map<string, BucketCounts[]>();
  for (const { key: k, ...counts } of rows) {
    // Rows a trigger brought back to zero; a month's bucket 0 may count no step but carry the times.
    if (counts.completed === 0 && counts.onTime === 0 && counts.late === 0 && counts.minutes === 0) continue;
    const list = grouped.get(k) ?? [];
    list.push(counts);
    grouped.set(k, list);
  }
  return grouped;
}

async function overdueBy(db: Db, key: Prisma.Sql, options: StatisticsOptions): Promise<Map<string, OverdueNow>> {
  const rows = await db.$queryRaw<{ key: string; level: number; count: number }[]>`
    SELECT ${key} AS "key", f."escalationLevel" AS "level", count(*)::int AS "count"
    FROM (${overdueFacts(options.filter, options.scope)}) f
    GROUP BY 1, 2 ORDER BY 1, 2`;
  const grouped = new Map<string, OverdueNow>();
  for (const { key: k, level, count } of rows) {
    const overdue = grouped.get(k) ?? { total: 0, byLevel: [] };
    overdue.total += count;
    overdue.byLevel.push({ level, count });
    grouped.set(k, overdue);
  }
  return grouped;
}

/**
 * Which rollups a grouping reads: by week, whole weeks; by month, whole months (a week may straddle
 * two); otherwise whole months, whole weeks in the days left at either end, and days. Whole periods
 * from the fewest rows that answer: unit × category unless the question needs a commune or a
 * channel; unit × commune × category when it needs the commune (grouped by commune, or narrowed to
 * one) but no channel; every dimension when narrowed to a channel.
 */
function rollupPlan(grouping: Grouping | Interval | 'all' | 'step', options: StatisticsOptions): RollupPlan {
  const { filter } = options;
  const periods =
    grouping === 'week' || grouping === 'month'
      ? planPeriod(filter.from, filter.to, grouping)
      : planMixed(filter.from, filter.to);
  const needsCommune = grouping === 'commune' || Boolean(filter.communeCode);
  const wholeLevel = options.coarse === false || filter.channel ? 'full' : needsCommune ? 'commune' : 'unit';
  return { ...periods, wholeLevel };
}

function blankRow(key: string, withOverdue: boolean): StatisticsRow {
  return {
    key,
    name: null,
    nameEn: null,
    ...caseFigures(emptyCounters()),
    processing: stepTimes([]),
    overdueNow: withOverdue ? { total: 0, byLevel: [] } : null,
  };
}

/** Rows without counters at all (every counter back to zero) are left out. */
function hasFigures(row: StatisticsRow): boolean {
  return row.received > 0 || row.processing.completed > 0 || (row.overdueNow?.total ?? 0) > 0;
}

async function withNames(db: Db, grouping: Grouping, rows: StatisticsRow[]): Promise<StatisticsRow[]> {
  const present = rows.filter(hasFigures);
  const keys = present.map((r) => r.key!).filter(Boolean);
  const names = new Map<string, { name: string; nameEn: string | null }>();
  if (grouping === 'unit') {
    const ids = keys.filter((k) => k !== NO_UNIT);
    for (const u of await db.unit.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true, nameEn: true },
    })) {
      names.set(u.id, { name: u.name, nameEn: u.nameEn });
    }
  } else if (grouping === 'category') {
    for (const c of await db.category.findMany({ where: { code: { in: keys } } })) {
      names.set(c.code, { name: c.nameVi, nameEn: c.nameEn });
    }
  } else {
    for (const c of await db.commune.findMany({ where: { code: { in: keys } } })) {
      names.set(c.code, { name: c.name, nameEn: null });
    }
  }
  return present.map((row) => {
    const none = row.key === '' || row.key === NO_UNIT;
    const found = none ? undefined : names.get(row.key!);
    return { ...row, key: none ? null : row.key, name: found?.name ?? null, nameEn: found?.nameEn ?? null };
  });
}

function period(filter: StatisticsFilter) {
  return { from: filter.from, to: filter.to };
}

/** The weeks (their Mondays) or months (YYYY-MM) the period touches, in order. */
export function intervalKeys(interval: Interval, filter: StatisticsFilter): string[] {
  const keys: string[] = [];
  if (interval === 'month') {
    for (let month = filter.from.slice(0, 7); month <= filter.to.slice(0, 7);) {
      keys.push(month);
      const [y, m] = month.split('-').map(Number) as [number, number];
      month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    }
    return keys;
  }
  const weekday = (new Date(`${filter.from}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  for (let monday = addDays(filter.from, -weekday); monday <= filter.to; monday = addDays(monday, 7)) keys.push(monday);
  return keys;
}
