/**
 * Jest's set-up file (before each test file's modules load): points DATABASE_URL at this Jest
 * worker's own database (tests/support/worker-databases.ts). Without the global set-up's copies
 * (a single file run by another runner, or the unit tier) it changes nothing.
 */
import { WORKER_DATABASES_OF, workerDatabaseUrl } from './worker-databases';

const runUrl = process.env[WORKER_DATABASES_OF];
if (runUrl) process.env.DATABASE_URL = workerDatabaseUrl(runUrl, process.env.JEST_WORKER_ID ?? '1');
