/**
 * Worker process: bundles the workflows once, connects, runs until SIGINT/SIGTERM, then drains
 * (in-flight activities get the grace time) and exits. Run as many replicas as needed.
 */
import { bundleWorkflowCode, NativeConnection, Runtime } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { caseSettingsFrom } from '../activities';
import { loadConfig } from '../platform/config';
import { createDb } from '../platform/db';
import { createLogger } from '../platform/logger';
import { createAreaDigests } from '../notifications/area-digests';
import { createDispatcher } from '../notifications/dispatcher';
import { sendersFromConfig } from '../notifications/channels';
import { ensureMonthlyReportSchedule } from '../platform/monthly-report-schedule';
import { ensureStatisticsReconcileSchedule } from '../platform/statistics-reconcile-schedule';
import { payloadDataConverter } from '../platform/payload-codec';
import { createMediaStorage } from '../platform/storage';
import { ensureSearchAttributes } from '../platform/temporal';
import { createWorker, workerTuning, workflowsPath } from './create-worker';
import { sdkLogger } from './sdk-logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'worker' });
  const { db } = createDb({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, logger });

  Runtime.install({ logger: sdkLogger(logger) });

  const t0 = Date.now();
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: quietBundlerLogger });
  logger.info({ ms: Date.now() - t0 }, 'workflow bundle ready');

  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  await ensureSearchAttributes(clientConnection, config.TEMPORAL_NAMESPACE, logger);
  const scheduleClient = new Client({
    connection: clientConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: payloadDataConverter(config.TEMPORAL_PAYLOAD_KEYS),
  });
  const schedule = await ensureMonthlyReportSchedule(scheduleClient, config.TEMPORAL_TASK_QUEUE);
  logger.info({ schedule }, 'monthly report schedule');
  const reconcile = await ensureStatisticsReconcileSchedule(scheduleClient, config.TEMPORAL_TASK_QUEUE);
  logger.info({ schedule: reconcile }, 'statistics reconcile schedule');
  await clientConnection.close();

  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowBundle,
    payloadKeys: config.TEMPORAL_PAYLOAD_KEYS,
    dependencies: {
      db,
      trackingCodePrefix: config.TRACKING_CODE_PREFIX,
      settings: caseSettingsFrom(config),
      publicBaseUrl: config.PUBLIC_BASE_URL,
      storage: createMediaStorage(config),
    },
    shutdownGraceTime: config.SHUTDOWN_GRACE_MS,
    tuning: workerTuning(config),
  });

  // The bootstrap stops its children in order; if it dies, this process must not linger.
  process.on('disconnect', () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
  });
  // The notification outbox's sender runs beside the Temporal worker (notifications/README.md).
  const senders = sendersFromConfig(config, db);
  const dispatcher = config.NOTIFY_DISPATCHER
    ? createDispatcher(
        { db, senders, logger: logger.child({ component: 'notifications' }) },
        {
          maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
          retryBaseMs: config.NOTIFY_RETRY_BASE_MS,
          leaseMs: config.NOTIFY_LEASE_MS,
          pollMs: config.NOTIFY_POLL_MS,
        },
      )
    : undefined;
  // A commune's new and resolved reports, gathered per window into one message per subscription.
  const digests = config.NOTIFY_DISPATCHER
    ? createAreaDigests(
        { db, publicBaseUrl: config.PUBLIC_BASE_URL, logger: logger.child({ component: 'area-digests' }) },
        { windowMs: config.AREA_ALERT_WINDOW_MS },
      )
    : undefined;
  const running = worker.run();
  dispatcher?.start();
  digests?.start();
  process.send?.({ type: 'ready', taskQueue: config.TEMPORAL_TASK_QUEUE });
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, address: config.TEMPORAL_ADDRESS }, 'worker running');
  try {
    await running; // resolves after the SDK's own SIGINT/SIGTERM handling has drained the worker
  } finally {
    await Promise.all([dispatcher?.stop(), digests?.stop()]);
    senders.close?.();
    await connection.close();
    await db.$disconnect();
    logger.info('worker stopped');
  }
}

// The bundler's progress lines are noise at every start; its warnings are not.
const quietBundlerLogger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  log: () => undefined,
};

// The SDK's native runtime keeps the event loop alive after shutdown: exit explicitly.
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
