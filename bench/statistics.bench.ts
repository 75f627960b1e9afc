/**
 * The statistics' benchmark (docs/statistics.md): synthetic cases made by SQL in a throw-away
 * database, at 10k and 1M cases by default (BENCH_SCALE=10000,1000000), then p50/p95 of every
 * dashboard query as the admin API runs it (from the rollups), and the check that the rollups give
 * the same figures as a direct count over the source tables.
 *
 *   npx tsx bench/statistics.bench.ts            # BENCH_SCALE=10000 for a quick run
 *
 * The database: a throw-away one on the server of DATABASE_URL when set, else an embedded
 * PostgreSQL in a temporary directory (scripts/lib/postgres.mjs), removed at the end.
 * At the smaller scales the cases are written with the triggers on (how the projection keeps the
 * rollups: its cost is measured); at 1M they are loaded with triggers off and the rollups rebuilt
 * by statistics_rebuild() (the nightly reconcile: its time is measured).
 * BENCH_DATABASE=<name> uses (and keeps) an existing database of DATABASE_URL's server instead, as
 * left by an earlier load: the cases it holds count as loaded (filling a million takes most of an
 * hour on a busy machine), its migrations are brought up to date, and only missing cases are added.
 * Results: bench/results/statistics.json and .md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  statisticsBy,
  statisticsSteps,
  statisticsSummary,
  statisticsTrend,
  type StatisticsOptions,
} from '../api/services/statistics/get-statistics';
import { addDays, type StatisticsFilter } from '../api/services/statistics/statistics-query';
import { createDb, type Db } from '../platform/db';
import { applyMigrations } from '../scripts/lib/database.mjs';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from '../scripts/lib/postgres.mjs';
import { freePort } from '../scripts/lib/services.mjs';

const root = path.resolve(__dirname, '..');
const scales = (process.env.BENCH_SCALE ?? '10000,1000000').split(',').map((s) => Number(s.trim()));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const GOAL_P95_MS = 300;
const TODAY = '2026-12-01';
const DAYS = 730; // two years of cases

/** The rollup tables whose rows are counted, by their name in the results. */
const ROLLUP_TABLES = {
  days: 'StatisticsDay',
  steps: 'StatisticsStepDay',
  months: 'StatisticsMonth',
  stepMonths: 'StatisticsStepMonth',
  weeks: 'StatisticsWeek',
  stepWeeks: 'StatisticsStepWeek',
  communeMonths: 'StatisticsCommuneMonth',
  stepCommuneMonths: 'StatisticsStepCommuneMonth',
  communeWeeks: 'StatisticsCommuneWeek',
  stepCommuneWeeks: 'StatisticsStepCommuneWeek',
  unitMonths: 'StatisticsUnitMonth',
  stepUnitMonths: 'StatisticsStepUnitMonth',
  unitWeeks: 'StatisticsUnitWeek',
  stepUnitWeeks: 'StatisticsStepUnitWeek',
} as const;
type RollupRows = Record<keyof typeof ROLLUP_TABLES, number>;

interface QueryResult {
  name: string;
  p50: number;
  p95: number;
}

interface ScaleResult {
  cases: number;
  tasks: number;
  ratings: number;
  rollupRows: RollupRows;
  loadSeconds: number;
  loadedWith: 'triggers' | 'rebuild' | 'existing';
  rebuildSeconds: number | null;
  queries: QueryResult[];
  p95Max: number;
  rollupEqualsDirect: boolean;
  directSeconds: number;
}

const loadAverageAtStart = os.loadavg();

async function main() {
  const kept = process.env.BENCH_DATABASE;
  const database = kept ?? `field_report_bench_${Date.now()}`;
  const { adminUrl, stop } = await server();
  try {
    if (!kept) await ensureDatabase(root, adminUrl, database);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    const databaseUrl = url.toString();
    log(`migrating ${database}`);
    await applyMigrations(root, databaseUrl);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { db } = createDb({ url: databaseUrl, poolSize: 4 });
    const results: ScaleResult[] = [];
    try {
      loaded = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Case"`)).rows[0]!.n);
      if (loaded === 0) await reference(client);
      else log(`${database} holds ${loaded} cases already`);
      for (const scale of scales) results.push(await runScale(client, db, scale));
    } finally {
      await client.end();
      await db.$disconnect();
      if (!kept) await dropDatabase(root, adminUrl, database);
    }
    write(results);
  } finally {
    await stop();
  }
}

/** The server: DATABASE_URL's, or an embedded one in a temporary directory. */
async function server(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => {} };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'statistics-bench-'));
  const postgres = await startEmbeddedPostgres({
    root,
    dataDir: path.join(dir, 'postgres'),
    port: await freePort(),
    logFile: path.join(dir, 'postgres.log'),
  });
  return {
    adminUrl: postgres.url('postgres'),
    async stop() {
      await postgres.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** 70 units (60 communes' People's Committees, 10 departments), 60 communes, 15 categories. */
async function reference(client: pg.Client) {
  await client.query(`
    INSERT INTO "Commune" ("code", "name", "kind", "updatedAt")
      SELECT 'C' || i, 'Xã ' || i, 'commune', now() FROM generate_series(1, 60) i;
    INSERT INTO "Unit" ("id", "code", "name", "kind", "communeCodes", "updatedAt")
      SELECT ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'U' || i,
        CASE WHEN i <= 60 THEN 'UBND xã ' || i ELSE 'Sở ' || i END,
        (CASE WHEN i <= 60 THEN 'commune' ELSE 'department' END)::"UnitKind",
        CASE WHEN i <= 60 THEN ARRAY['C' || i] ELSE ARRAY[]::text[] END, now()
      FROM generate_series(1, 70) i;
    INSERT INTO "Category" ("code", "nameVi", "nameEn", "icon", "group", "updatedAt")
      SELECT 'cat' || i, 'Lĩnh vực ' || i, 'Category ' || i, 'label', 'g', now() FROM generate_series(1, 15) i;
  `);
}

/** Adds `count` cases (ids after `offset`) with their tasks and ratings. */
async function addCases(client: pg.Client, offset: number, count: number) {
  await client.query(`SELECT setseed($1)`, [((offset / 100_000) % 100) / 100]);
  // Most reports go to their commune's People's Committee, some to a department; channels skewed.
  await client.query(
    `
    INSERT INTO "Case" ("id", "trackingCode", "requestFingerprint", "channel", "categoryCode", "description",
      "communeCode", "status", "step", "unitId", "receivedAt", "publishedAt", "resolutionDeadline",
      "overdue", "escalationLevel", "reopenCount", "updatedAt")
    SELECT g.id, 'B' || g.n, 'x', g.channel, g.category, 'Phản ánh thử', 'C' || g.commune,
      g.status::"CaseStatus", 'process', g.unit, g.received,
      CASE WHEN g.status IN ('responded', 'closed') THEN g.received + random() * 12 * interval '1 day' END,
      g.received + (3 + random() * 7) * interval '1 day',
      g.status = 'processing' AND random() < 0.3, floor(random() * 3)::int,
      (random() < 0.05)::int, now()
    FROM (
      SELECT n, ('00000000-0000-4000-9000-' || lpad(n::text, 12, '0'))::uuid AS id,
        (ARRAY['app', 'app', 'app', 'web', 'web', 'hotline', 'open311:zalo'])[1 + floor(random() * 7)::int] AS channel,
        'cat' || (1 + floor(random() * 15)::int) AS category,
        c AS commune,
        CASE WHEN random() < 0.8 THEN ('00000000-0000-4000-8000-' || lpad(c::text, 12, '0'))::uuid
          ELSE ('00000000-0000-4000-8000-' || lpad((61 + floor(random() * 10))::text, 12, '0'))::uuid END AS unit,
        (ARRAY['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'responded', 'processing', 'processing',
          'rejected', 'duplicate', 'withdrawn', 'verifying'])[1 + floor(random() * 13)::int] AS status,
        (timestamp '${TODAY}' - random() * ${DAYS} * interval '1 day') AS received
      FROM (SELECT n, 1 + floor(random() * 60)::int AS c FROM generate_series($1::int + 1, $1::int + $2::int) n) s
    ) g`,
    [offset, count],
  );
  await client.query(
    `
    INSERT INTO "Task" ("id", "caseId", "seq", "step", "state", "role", "due", "completedAt", "workingMinutes",
      "createdAt", "updatedAt")
    SELECT gen_random_uuid(), c."id", s.seq, s.step::"CaseStep", 'done', 'officer',
      c."receivedAt" + s.seq * 2 * interval '1 day',
      c."receivedAt" + s.seq * 2 * random() * 1.3 * interval '1 day',
      floor(random() * s.seq * 900)::int, c."receivedAt", now()
    FROM "Case" c
    CROSS JOIN (VALUES (1, 'verify'), (2, 'accept'), (3, 'process')) s(seq, step)
    WHERE substr(c."id"::text, 25)::bigint BETWEEN $1::bigint + 1 AND $1::bigint + $2::bigint
      AND c."status" NOT IN ('verifying')`,
    [offset, count],
  );
  await client.query(
    `
    INSERT INTO "Rating" ("id", "caseId", "round", "score", "createdAt")
    SELECT gen_random_uuid(), c."id", 0, 1 + floor(random() * 5)::int, c."publishedAt"
    FROM "Case" c
    WHERE c."publishedAt" IS NOT NULL AND random() < 0.5
      AND substr(c."id"::text, 25)::bigint BETWEEN $1::bigint + 1 AND $1::bigint + $2::bigint`,
    [offset, count],
  );
}

let loaded = 0;

async function runScale(client: pg.Client, db: Db, scale: number): Promise<ScaleResult> {
  const toAdd = scale - loaded;
  if (toAdd < 0) throw new Error(`the database holds ${loaded} cases, more than ${scale}`);
  const withTriggers = scale <= 100_000 && toAdd > 0;
  log(
    `${scale} cases: adding ${toAdd}${toAdd === 0 ? '' : withTriggers ? ' (triggers on)' : ' (triggers off, then a rebuild)'}`,
  );
  const started = performance.now();
  if (!withTriggers) await client.query(`SET session_replication_role = replica`); // no triggers, no FK checks
  for (let done = 0; done < toAdd; done += 100_000) {
    await addCases(client, loaded + done, Math.min(100_000, toAdd - done));
  }
  if (!withTriggers) await client.query(`SET session_replication_role = origin`);
  const loadSeconds = seconds(started);
  let rebuildSeconds: number | null = null;
  if (!withTriggers && toAdd > 0) {
    const rebuilt = performance.now();
    await client.query(`SELECT statistics_rebuild()`);
    rebuildSeconds = seconds(rebuilt);
  }
  loaded = scale;
  await client.query(`VACUUM ANALYZE`);
  const tables = Object.entries(ROLLUP_TABLES).map(
    ([name, table]) => `(SELECT count(*) FROM "${table}")::int AS "${name}"`,
  );
  const counts = (
    await client.query<{ cases: number; tasks: number; ratings: number } & RollupRows>(`
      SELECT (SELECT count(*) FROM "Case")::int AS cases, (SELECT count(*) FROM "Task")::int AS tasks,
        (SELECT count(*) FROM "Rating")::int AS ratings, ${tables.join(', ')}`)
  ).rows[0]!;
  const { cases, tasks, ratings, ...rollupRows } = counts;
  log(
    `loaded in ${loadSeconds} s${rebuildSeconds === null ? '' : `, rebuilt in ${rebuildSeconds} s`}: ${JSON.stringify(counts)}`,
  );

  const queries = dashboardQueries();
  const results: QueryResult[] = [];
  for (const query of queries) {
    await query.run(db, 'rollup'); // warm
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await query.run(db, 'rollup');
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    results.push({ name: query.name, p50: ms(percentile(times, 0.5)), p95: ms(percentile(times, 0.95)) });
    log(`  ${query.name}: p50 ${results.at(-1)!.p50} ms, p95 ${results.at(-1)!.p95} ms`);
  }

  log('  comparing with a direct count');
  const direct = performance.now();
  let equal = true;
  for (const query of queries.filter((q) => q.compare)) {
    const [fromRollup, fromSource] = [await query.run(db, 'rollup'), await query.run(db, 'direct')];
    if (JSON.stringify(fromRollup) !== JSON.stringify(fromSource)) {
      equal = false;
      log(`  DIFFERENT: ${query.name}`);
    }
  }
  return {
    cases,
    tasks,
    ratings,
    rollupRows,
    loadSeconds,
    loadedWith: toAdd === 0 ? 'existing' : withTriggers ? 'triggers' : 'rebuild',
    rebuildSeconds,
    queries: results,
    p95Max: Math.max(...results.map((r) => r.p95)),
    rollupEqualsDirect: equal,
    directSeconds: seconds(direct),
  };
}

/** What the dashboard asks: the last 30 days and the last year, the province, a unit, a category. */
function dashboardQueries() {
  const month: StatisticsFilter = { from: addDays(TODAY, -29), to: TODAY };
  const year: StatisticsFilter = { from: addDays(TODAY, -364), to: TODAY };
  const unit = '00000000-0000-4000-8000-000000000007';
  const cases: { label: string; filter: StatisticsFilter; compare: boolean }[] = [
    { label: '30 days', filter: month, compare: true },
    { label: '365 days', filter: year, compare: true },
    { label: '365 days, one unit', filter: { ...year, unitId: unit }, compare: false },
    { label: '365 days, one category', filter: { ...year, categoryCode: 'cat3' }, compare: false },
  ];
  const list: { name: string; compare: boolean; run: (db: Db, source: 'rollup' | 'direct') => Promise<unknown> }[] = [];
  for (const { label, filter, compare } of cases) {
    const options = (source: 'rollup' | 'direct'): StatisticsOptions => ({ scope: 'all', filter, source });
    list.push(
      { name: `summary, ${label}`, compare, run: (db, s) => statisticsSummary(db, options(s)) },
      { name: `by-unit, ${label}`, compare, run: (db, s) => statisticsBy(db, 'unit', options(s)) },
      { name: `by-category, ${label}`, compare: false, run: (db, s) => statisticsBy(db, 'category', options(s)) },
      { name: `by-commune, ${label}`, compare: false, run: (db, s) => statisticsBy(db, 'commune', options(s)) },
      { name: `trend by month, ${label}`, compare, run: (db, s) => statisticsTrend(db, 'month', options(s)) },
      { name: `trend by week, ${label}`, compare: false, run: (db, s) => statisticsTrend(db, 'week', options(s)) },
      { name: `steps, ${label}`, compare, run: (db, s) => statisticsSteps(db, options(s)) },
    );
  }
  return list;
}

function write(results: ScaleResult[]) {
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const summary = {
    bench: 'statistics',
    goal: `dashboard queries p95 < ${GOAL_P95_MS} ms at 1M cases`,
    runsPerQuery: RUNS,
    // The load average says how much else the machine was doing: timings on a busy machine are not its own.
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverageAtStart: loadAverageAtStart.map((l) => ms(l)),
      loadAverageAtEnd: os.loadavg().map((l) => ms(l)),
    },
    scales: results,
  };
  writeFileSync(path.join(dir, 'statistics.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const lines = [
    '# Statistics benchmark',
    '',
    `Written by \`npx tsx bench/statistics.bench.ts\` (${RUNS} runs per query, ${os.cpus().length} CPUs, load average ` +
      `at the start ${summary.machine.loadAverageAtStart.join(', ')}, at the end ${summary.machine.loadAverageAtEnd.join(', ')}). ` +
      `Goal: ${summary.goal}.`,
    '',
  ];
  for (const r of results) {
    lines.push(
      `## ${r.cases.toLocaleString('en')} cases`,
      '',
      `${r.tasks.toLocaleString('en')} tasks, ${r.ratings.toLocaleString('en')} ratings; rollups: ${r.rollupRows.days.toLocaleString('en')} day rows, ${r.rollupRows.steps.toLocaleString('en')} step rows, ` +
        `${r.rollupRows.months.toLocaleString('en')} month rows, ${r.rollupRows.stepMonths.toLocaleString('en')} step month rows, ` +
        `${r.rollupRows.weeks.toLocaleString('en')} week rows, ${r.rollupRows.stepWeeks.toLocaleString('en')} step week rows; ` +
        `commune (unit × commune × category): ${r.rollupRows.communeMonths.toLocaleString('en')} month rows, ${r.rollupRows.stepCommuneMonths.toLocaleString('en')} step month rows, ` +
        `${r.rollupRows.communeWeeks.toLocaleString('en')} week rows, ${r.rollupRows.stepCommuneWeeks.toLocaleString('en')} step week rows; ` +
        `coarse (unit × category): ${r.rollupRows.unitMonths.toLocaleString('en')} month rows, ${r.rollupRows.stepUnitMonths.toLocaleString('en')} step month rows, ` +
        `${r.rollupRows.unitWeeks.toLocaleString('en')} week rows, ${r.rollupRows.stepUnitWeeks.toLocaleString('en')} step week rows. ` +
        (r.loadedWith === 'existing'
          ? 'Loaded earlier (BENCH_DATABASE). '
          : `Loaded in ${r.loadSeconds} s with ${r.loadedWith === 'triggers' ? 'the triggers on' : `the triggers off, rebuilt in ${r.rebuildSeconds} s`}. `) +
        `Rollups equal a direct count: **${r.rollupEqualsDirect ? 'yes' : 'NO'}** (direct count ${r.directSeconds} s). Slowest p95: **${r.p95Max} ms**.`,
      '',
      '| query | p50 ms | p95 ms |',
      '|---|---:|---:|',
      ...r.queries.map((q) => `| ${q.name} | ${q.p50} | ${q.p95} |`),
      '',
    );
  }
  writeFileSync(path.join(dir, 'statistics.md'), lines.join('\n'));
  log(`written bench/results/statistics.json and .md`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

const ms = (value: number) => Math.round(value * 10) / 10;
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

function log(message: string) {
  process.stdout.write(`[statistics bench] ${message}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
