/**
 * The Prisma client on the pg driver adapter (Prisma's Rust-free mode). The pool is ours so that
 * a database that goes away and comes back is survived: idle connections that break are logged
 * and dropped, and the next query opens a new one.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../prisma/generated/client';
import { enableEstimates } from './list-total';
import type { Logger } from './logger';

export type Db = PrismaClient;

export function createDb(options: { url: string; poolSize?: number; logger?: Logger }): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'idle database connection failed'));
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  enableEstimates(db, pool);
  return { db, pool };
}

/** Answers within `timeoutMs` whether the database accepts queries. */
export async function checkDatabase(pool: pg.Pool, timeoutMs = 3_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([pool.query('SELECT 1'), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
