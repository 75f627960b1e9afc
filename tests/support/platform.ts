/**
 * What tests that cross parts share: the configuration `npm test` prepared (a throw-away
 * database and Temporal dev server), real clients, and a real worker on its own task queue.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker, type WorkflowBundle } from '@temporalio/worker';
import { caseSettingsFrom } from '../../activities';
import { loadConfig, type Config } from '../../platform/config';
import { createDb } from '../../platform/db';
import { createMediaStorage } from '../../platform/storage';
import { createLogger } from '../../platform/logger';
import { payloadDataConverter } from '../../platform/payload-codec';
import { createWorker } from '../../worker/create-worker';
import { createSearchFold } from '../../api/services/search-text';
import { installQuietRuntime } from './time-skipping';
import { caseWorkflowBundle } from './workflow-bundle';

export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  if (!process.env.DATABASE_URL || !process.env.TEMPORAL_ADDRESS) {
    throw new Error('Run these tests through `npm test`, which prepares a database and a Temporal server.');
  }
  return loadConfig({ ...process.env, TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`, ...overrides });
}

/** The case workflow's bundle: the run's (made once, tests/support/workflow-bundle.ts). Installs the quiet Runtime first. */
export async function bundleWorkflows(): Promise<WorkflowBundle> {
  installQuietRuntime();
  return caseWorkflowBundle();
}

/** A real worker on the config's task queue; `stop()` drains it. */
export async function startWorker(config: Config, workflowBundle: WorkflowBundle) {
  const { db, pool } = createDb({ url: config.DATABASE_URL });
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker: Worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowBundle,
    payloadKeys: config.TEMPORAL_PAYLOAD_KEYS,
    dependencies: {
      db,
      trackingCodePrefix: config.TRACKING_CODE_PREFIX,
      settings: caseSettingsFrom(config),
      storage: createMediaStorage(config),
    },
    shutdownGraceTime: '2 seconds',
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
      await db.$disconnect();
      await pool.end();
    },
  };
}

/** The API's dependencies, as api/main.ts builds them. */
export function apiDependencies(config: Config) {
  const logger = createLogger({ level: 'silent', name: 'test' });
  const { db, pool } = createDb({ url: config.DATABASE_URL, logger });
  const connection = Connection.lazy({ address: config.TEMPORAL_ADDRESS, connectTimeout: 2_000 });
  const temporal = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: payloadDataConverter(config.TEMPORAL_PAYLOAD_KEYS),
  });
  return {
    deps: { config, db, pool, temporal, connection, logger, searchFold: createSearchFold() },
    async close() {
      await connection.close();
      await db.$disconnect();
      // The pool is ours, not Prisma's ($disconnect leaves it open): its idle connections would
      // keep Jest's worker alive for their 30 s ("failed to exit gracefully").
      await pool.end();
    },
  };
}
