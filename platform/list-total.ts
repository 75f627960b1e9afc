/**
 * A list's total without counting a million rows (issue 17): exact up to EXACT_TOTAL_LIMIT, past
 * it the query planner's estimate, flagged as such. The count is Prisma's own, capped
 * (`take: limit + 1`), so it reads at most limit + 1 index entries. Past the limit the same
 * capped count runs once more on a connection of its own whose statement is kept, and its
 * EXPLAIN gives the planner's estimate of the rows under the LIMIT: the very filters of the list,
 * CASL's conditions included, without a second copy of them in SQL.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../prisma/generated/client';
import type { Db } from './db';

export const EXACT_TOTAL_LIMIT = 10_000;

export interface ListTotal {
  total: number;
  /** The planner's estimate rather than a count (more than EXACT_TOTAL_LIMIT rows). */
  estimated: boolean;
}

/**
 * Counts `take` rows at most: `(client, take) => client.case.count({ where, orderBy, take })`.
 * Give the list's own order: Prisma orders the capped rows (by id when told nothing), and in the
 * list's order they are read from the list's index rather than sorted.
 */
export type CappedCount = (client: Db, take: number) => Promise<number>;

interface SentStatement {
  text: string;
  values?: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

/** A one-connection client whose last statement is kept; calls take turns. */
class Estimator {
  private readonly pool: pg.Pool;
  private readonly client: Db;
  private last: SentStatement | undefined;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(url: string) {
    // Idle, it lets the process exit: nothing needs to close it.
    this.pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    this.pool.on('error', () => undefined); // a broken idle connection is replaced on next use
    this.pool.on('connect', (connection) => {
      const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
      (connection as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const [config, values] = args;
        if (typeof config === 'string') this.last = { text: config, values: values as unknown[] };
        else if (config && typeof config === 'object' && 'text' in config) this.last = config as SentStatement;
        return query(...args);
      };
    });
    this.client = new PrismaClient({ adapter: new PrismaPg(this.pool) });
  }

  estimate(count: CappedCount, take: number): Promise<number | undefined> {
    const result = this.turn.then(async () => {
      this.last = undefined;
      await count(this.client, take);
      const statement = this.last as SentStatement | undefined;
      if (!statement) return undefined;
      const { rows } = await this.pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>({
        text: `EXPLAIN (FORMAT JSON) ${statement.text}`,
        values: statement.values,
      });
      return underLimit(rows[0]?.['QUERY PLAN'][0].Plan);
    });
    this.turn = result.catch(() => undefined);
    return result;
  }
}

/** The estimated rows of the node under the plan's LIMIT (what the count would have counted). */
function underLimit(node: PlanNode | undefined): number | undefined {
  if (!node) return undefined;
  if (node['Node Type'] === 'Limit') return node.Plans?.[0]?.['Plan Rows'];
  for (const child of node.Plans ?? []) {
    const found = underLimit(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

const estimators = new WeakMap<Db, Pick<Estimator, 'estimate'>>();

/** Lets `listTotal` estimate the totals of lists read through `db` (platform/db.ts calls it). */
export function enableEstimates(db: Db, url: string): void {
  let estimator: Estimator | undefined;
  // Created on first use: most lists never pass the limit.
  estimators.set(db, {
    estimate: (count, take) => (estimator ??= new Estimator(url)).estimate(count, take),
  });
}

export async function listTotal(db: Db, count: CappedCount, limit = EXACT_TOTAL_LIMIT): Promise<ListTotal> {
  const capped = await count(db, limit + 1);
  if (capped <= limit) return { total: capped, estimated: false };
  const estimate = await estimators.get(db)?.estimate(count, limit + 1);
  // The planner may guess fewer rows than the ones just seen: never say less than that.
  return { total: Math.max(Math.round(estimate ?? 0), capped), estimated: true };
}
