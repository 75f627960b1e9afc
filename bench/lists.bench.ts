/**
 * The list queries at 10k and at 1M cases (issue 17): the back office's case list and inbox, the
 * public feed and map, Open311 requests, the process statistics, notifications and the audit log,
 * each measured through its real service (api/services) on a throw-away database filled with
 * synthetic cases, first at 10,000 (the baseline of the same run), then at BENCH_SCALE (default
 * 1,000,000). Goal: p95 at the large scale ≤ 1.5 × p95 at 10k.
 *
 *   npx tsx bench/lists.bench.ts                 # 10k then 1M (about 10-20 minutes on 2 cores)
 *   BENCH_SCALE=100000 npx tsx bench/lists.bench.ts   # a quick run
 *
 * Writes bench/results/lists.json, bench/results/lists.md and the EXPLAIN (ANALYZE, BUFFERS) of
 * every query at both scales in bench/results/plans/. When bench/results/lists-before.json is
 * there (a run kept from before a change), the table shows its large-scale p95 beside.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Db } from '../platform/db';
import { capture, explain, time, type Timing } from './lists/measure';
import { fillCases } from './lists/synthetic-cases';
import { startThrowawayDatabase } from './lists/throwaway-database';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const SMALL = 10_000;
const LARGE = Number(process.env.BENCH_SCALE ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const log = (line: string) => process.stdout.write(`${line}\n`);

async function measureAll(db: Db, pool: pg.Pool, scale: number): Promise<Record<string, Timing>> {
  // Loaded once the database exists: the services need the Prisma client it generates.
  const { scenarios } = await import('./lists/scenarios.js');
  const results: Record<string, Timing> = {};
  const plans = path.join(RESULTS, 'plans');
  mkdirSync(plans, { recursive: true });
  for (const [name, run] of Object.entries(await scenarios(db))) {
    const slug = name
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
    const queries = await capture(run).catch(() => []);
    const plan = await explain(pool, queries);
    writeFileSync(path.join(plans, `${slug}.${scale}.txt`), `${plan}\n`);
    const timing = (results[name] = { ...(await time(run, RUNS)), sqlMs: executionTime(plan) });
    log(
      `  ${name.padEnd(42)} ${timing.failed ? `failed: ${timing.failed}` : `p50 ${timing.p50} ms, p95 ${timing.p95} ms`}`,
    );
  }
  return results;
}

/**
 * The database's own time for one call: the sum of the EXPLAIN ANALYZE execution times of its
 * queries. The wall time around it also holds Prisma and Node, which a loaded machine slows most.
 */
function executionTime(plan: string): number {
  const times = [...plan.matchAll(/^Execution Time: ([\d.]+) ms$/gm)].map((m) => Number(m[1]));
  return Math.round(times.reduce((sum, t) => sum + t, 0) * 100) / 100;
}

function table(small: Record<string, Timing>, large: Record<string, Timing>, before?: Record<string, Timing>) {
  const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1_000}k`);
  const head = [
    `query`,
    `p50 ${k(SMALL)}`,
    `p95 ${k(SMALL)}`,
    `p50 ${k(LARGE)}`,
    `p95 ${k(LARGE)}`,
    'p95 ratio',
    'goal ≤ 1.5',
    `SQL ${k(SMALL)}`,
    `SQL ${k(LARGE)}`,
  ];
  if (before) head.push(`p95 ${k(LARGE)} before`);
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const name of Object.keys(large)) {
    const ratio = large[name]!.p95 / Math.max(small[name]!.p95, 0.01);
    const shown = (t: Timing | undefined, p: 'p50' | 'p95') => (!t ? '–' : t.failed ? 'failed' : t[p]);
    const row = [
      name,
      shown(small[name], 'p50'),
      shown(small[name], 'p95'),
      shown(large[name], 'p50'),
      shown(large[name], 'p95'),
      Number.isNaN(ratio) ? '–' : ratio.toFixed(2),
      ratio <= 1.5 ? 'yes' : 'no',
      small[name]?.sqlMs ?? '–',
      large[name]?.sqlMs ?? '–',
    ];
    if (before) row.push(shown(before[name], 'p95'));
    lines.push(`| ${row.join(' | ')} |`);
  }
  return lines.join('\n');
}

async function main() {
  const started = Date.now();
  /** The machine's load when each measure starts: figures on shared cores vary with it. */
  const loads: string[] = [];
  const database = await startThrowawayDatabase(ROOT, log);
  const { createDb } = await import('../platform/db.js');
  const { db, pool } = createDb({ url: database.url, poolSize: 4 });
  const filler = new pg.Client({ connectionString: database.url });
  await filler.connect();
  try {
    log(`filling ${SMALL} cases`);
    let fillStart = Date.now();
    await fillCases(filler, 0, SMALL, log);
    const fillSmallSeconds = (Date.now() - fillStart) / 1000;
    log(`measuring at ${SMALL} cases (${RUNS} runs each)`);
    loads.push(os.loadavg()[0]!.toFixed(1));
    const small = await measureAll(db, pool, SMALL);
    log(`filling up to ${LARGE} cases`);
    fillStart = Date.now();
    await fillCases(filler, SMALL, LARGE, log);
    const fillLargeSeconds = (Date.now() - fillStart) / 1000;
    log(`measuring at ${LARGE} cases (${RUNS} runs each)`);
    loads.push(os.loadavg()[0]!.toFixed(1));
    const large = await measureAll(db, pool, LARGE);

    const beforeFile = path.join(RESULTS, 'lists-before.json');
    const before = existsSync(beforeFile)
      ? (JSON.parse(readFileSync(beforeFile, 'utf8')) as { large: Record<string, Timing> }).large
      : undefined;
    const summary = {
      generatedAt: new Date().toISOString(),
      scales: { small: SMALL, large: LARGE },
      runs: RUNS,
      loadAverages: loads,
      fillSeconds: { small: fillSmallSeconds, large: fillLargeSeconds },
      totalSeconds: (Date.now() - started) / 1000,
      small,
      large,
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'lists.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const markdown = [
      `# List queries at ${SMALL.toLocaleString('en')} and ${LARGE.toLocaleString('en')} cases`,
      '',
      `Run ${summary.generatedAt} by \`npx tsx bench/lists.bench.ts\` (BENCH_SCALE=${LARGE}); ${RUNS} timed calls of`,
      'each service after 3 warm-ups, in milliseconds. Plans: `plans/<query>.<scale>.txt`; SQL: the sum of',
      "their EXPLAIN ANALYZE execution times (the database's share of one call).",
      `Machine load (1-minute average) at the start of each measure: ${loads.join(', ')}.`,
      `Filling: ${fillSmallSeconds.toFixed(0)} s for ${SMALL.toLocaleString('en')} cases, ${fillLargeSeconds.toFixed(0)} s up to ${LARGE.toLocaleString('en')}.`,
      '',
      table(small, large, before),
      '',
    ].join('\n');
    writeFileSync(path.join(RESULTS, 'lists.md'), markdown);
    log(`\n${markdown}`);
  } finally {
    await filler.end();
    await db.$disconnect();
    await pool.end();
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
