/**
 * Timing of one code path (p50/p95 over repeated calls after a warm-up) and the EXPLAIN
 * (ANALYZE, BUFFERS) of every SELECT it sends, caught where Prisma's pg adapter hands it to pg.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
  /** The error that stopped the measure (e.g. a transaction's 5 s timeout), if any. */
  failed?: string;
  /** The database's time for one call (EXPLAIN ANALYZE of its queries), where measured. */
  sqlMs?: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 100) / 100;
}

export async function time(run: () => Promise<unknown>, runs: number, warmUp = 3): Promise<Timing> {
  const samples: number[] = [];
  try {
    for (let i = 0; i < warmUp; i++) await run();
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await run();
      samples.push(performance.now() - start);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { p50: Number.NaN, p95: Number.NaN, runs: samples.length, failed: message.trim().split('\n').at(-1)! };
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs };
}

interface SentQuery {
  text: string;
  values?: unknown[];
}

/** The SELECTs `run` sends through pg (every pg.Client's query, for the duration of `run`). */
export async function capture(run: () => Promise<unknown>): Promise<SentQuery[]> {
  const sent: SentQuery[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [config, values] = args;
    if (typeof config === 'string') sent.push({ text: config, values: values as unknown[] });
    else if (config && typeof config === 'object' && 'text' in config) sent.push(config as SentQuery);
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    proto.query = original;
  }
  return sent.filter((q) => /^\s*(SELECT|WITH)\b/i.test(q.text));
}

/** EXPLAIN (ANALYZE, BUFFERS) of each query, as text, one after the other. */
export async function explain(pool: pg.Pool, queries: SentQuery[]): Promise<string> {
  const parts: string[] = [];
  for (const query of queries) {
    if (/^\s*EXPLAIN/i.test(query.text)) continue;
    const plan = await pool
      .query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, values: query.values })
      .then(({ rows }) => rows.map((r) => r['QUERY PLAN']).join('\n'))
      .catch((error: Error) => `EXPLAIN failed: ${error.message}`);
    parts.push(`-- ${query.text}\n-- values: ${JSON.stringify(query.values ?? [])}\n${plan}`);
  }
  return parts.join('\n\n');
}
