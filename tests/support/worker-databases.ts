/**
 * One database per Jest worker, so that two workers can run suites side by side without seeing
 * each other's cases, units and counts. `npm test` seeds the run's database and keeps a copy of it
 * (TEST_SEEDED_DATABASE); Jest's global set-up copies that template once per worker (a file copy,
 * about a second) and names the run's database in TEST_WORKER_DATABASES_OF; each test file's
 * set-up (tests/support/use-worker-database.ts) then points DATABASE_URL at its worker's copy
 * before any module reads it. Within a worker, suites share the database one after another, as
 * they all did with one worker. The global tear-down drops the copies (on an embedded PostgreSQL
 * the whole cluster goes anyway; on the server of DATABASE_URL they must not be left behind, and
 * `npm test` drops whatever a crashed run left there too: scripts/test.mjs).
 */
import path from 'node:path';
import { copyDatabase, dropDatabase } from '../../scripts/lib/postgres.mjs';

/** The run's DATABASE_URL, set by the global set-up once the workers' copies exist. */
export const WORKER_DATABASES_OF = 'TEST_WORKER_DATABASES_OF';

const root = path.resolve(__dirname, '..', '..');

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** The database of Jest worker `workerId` (1, 2, …; 1 when Jest runs in band). */
export function workerDatabaseUrl(runUrl: string, workerId: string): string {
  const url = new URL(runUrl);
  url.pathname = `/${encodeURIComponent(`${databaseName(runUrl)}_w${workerId}`)}`;
  return url.toString();
}

/** Copies the seeded template once per worker; the run's database stays the maintenance connection. */
export async function createWorkerDatabases(runUrl: string, template: string, workers: number): Promise<void> {
  for (let id = 1; id <= workers; id++) {
    // In turn: each is a file copy bound by the disk, nothing to gain from overlapping them.
    await copyDatabase(root, runUrl, template, databaseName(workerDatabaseUrl(runUrl, String(id))));
  }
}

export async function dropWorkerDatabases(runUrl: string, workers: number): Promise<void> {
  for (let id = 1; id <= workers; id++) {
    await dropDatabase(root, runUrl, databaseName(workerDatabaseUrl(runUrl, String(id))));
  }
}
