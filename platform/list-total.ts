/**
 * A list's total without counting a million rows (issue 17): the query planner's estimate first,
 * an exact count only when the estimate stays within EXACT_TOTAL_LIMIT.
 *
 * The estimate is the EXPLAIN of the list's own capped count (`take: limit + 1`), so it covers
 * the very filters of the list, CASL's conditions included, without a second copy of them in SQL.
 * To get that statement without running it, the count is built by a Prisma client whose pool
 * keeps the statement it is given and sends nothing; the EXPLAIN then plans it (a millisecond)
 * on the application's pool. A count reads at most limit + 1 index entries; past the limit the
 * total is flagged as estimated.
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

interface Statement {
  text: string;
  values?: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

/** Thrown back to Prisma in place of a result: the statement is kept, not run. */
class StatementKept extends Error {}

/** A pool that keeps the statement it is asked to run and never connects. */
class StatementTrap extends pg.Pool {
  kept: Statement | undefined;

  override query(...args: unknown[]): never {
    const [config, values] = args as [string | Statement, unknown[] | undefined];
    this.kept = typeof config === 'string' ? { text: config, values } : { text: config.text, values: config.values };
    throw new StatementKept('kept, not run');
  }
}

class Estimator {
  private readonly trap = new StatementTrap();
  private readonly builder: Db = new PrismaClient({ adapter: new PrismaPg(this.trap) });
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly pool: pg.Pool) {}

  /** The count's statement as Prisma would send it; one at a time, the trap holds one. */
  private statement(count: CappedCount, take: number): Promise<Statement | undefined> {
    const result = this.turn.then(async () => {
      this.trap.kept = undefined;
      await count(this.builder, take).catch((error: unknown) => {
        if (!this.trap.kept) throw error;
      });
      return this.trap.kept;
    });
    this.turn = result.catch(() => undefined);
    return result;
  }

  async estimate(count: CappedCount, take: number): Promise<number | undefined> {
    const statement = await this.statement(count, take);
    if (!statement) return undefined;
    const { rows } = await this.pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>({
      text: `EXPLAIN (FORMAT JSON) ${statement.text}`,
      values: statement.values,
    });
    return underLimit(rows[0]?.['QUERY PLAN'][0].Plan);
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

/** Lets `listTotal` estimate the totals of lists read through `db` on `pool` (platform/db.ts). */
export function enableEstimates(db: Db, pool: pg.Pool): void {
  let estimator: Estimator | undefined;
  estimators.set(db, { estimate: (count, take) => (estimator ??= new Estimator(pool)).estimate(count, take) });
}

export async function listTotal(db: Db, count: CappedCount, limit = EXACT_TOTAL_LIMIT): Promise<ListTotal> {
  const estimate = await estimators.get(db)?.estimate(count, limit + 1);
  if (estimate !== undefined && estimate > limit) return { total: Math.round(estimate), estimated: true };
  const capped = await count(db, limit + 1);
  if (capped <= limit) return { total: capped, estimated: false };
  // The planner guessed too few: never say less than the rows just seen.
  return { total: Math.max(Math.round(estimate ?? 0), capped), estimated: true };
}

/**
 * The total corrected by the page just read: a page shorter than asked for is the list's last,
 * so the total is exact there, whatever the planner guessed (an estimate may be far off for a
 * rare search); and never fewer rows than the page showed.
 */
export function totalSeenByPage(total: ListTotal, page: { skip: number; take: number; rows: number }): ListTotal {
  const seen = page.skip + page.rows;
  if (page.rows < page.take && (page.rows > 0 || page.skip === 0)) return { total: seen, estimated: false };
  return page.rows > 0 && total.total < seen ? { total: seen, estimated: total.estimated } : total;
}

/**
 * A page of a list and its total, read side by side; the total as the page corrects it when its
 * place in the list is known (`null`: a page after a cursor, whose place is not).
 */
export async function listPage<T>(
  db: Db,
  page: { skip: number; take: number } | null,
  rows: PromiseLike<T[]>,
  count: CappedCount,
): Promise<{ rows: T[] } & ListTotal> {
  const [found, total] = await Promise.all([rows, listTotal(db, count)]);
  return { rows: found, ...(page ? totalSeenByPage(total, { ...page, rows: found.length }) : total) };
}
