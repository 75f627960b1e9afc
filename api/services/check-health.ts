/**
 * The platform's health: the database answers, Temporal answers, and a worker polls the case
 * task queue. Each part reports "ok" or the reason it is not.
 */
import type { Client, Connection } from '@temporalio/client';
import { grpc, temporal } from '@temporalio/proto';
import type pg from 'pg';
import { checkDatabase } from '../../platform/db';

export interface Health {
  status: 'ok' | 'unavailable';
  db: string;
  temporal: string;
  worker: string;
}

export interface HealthDependencies {
  pool: pg.Pool;
  temporal: Client;
  connection: Connection;
  namespace: string;
  taskQueue: string;
  workerHeartbeatMs: number;
  timeoutMs?: number;
}

export async function checkHealth(deps: HealthDependencies): Promise<Health> {
  const timeoutMs = deps.timeoutMs ?? 3_000;
  const [db, temporalState] = await Promise.all([
    reason(() => checkDatabase(deps.pool, timeoutMs)),
    reason(() => checkTemporal(deps.connection, timeoutMs)),
  ]);
  const worker =
    temporalState === 'ok' ? await reason(() => checkWorker(deps, timeoutMs)) : 'unknown: Temporal is unavailable';
  const healthy = db === 'ok' && temporalState === 'ok' && worker === 'ok';
  return { status: healthy ? 'ok' : 'unavailable', db, temporal: temporalState, worker };
}

async function reason(check: () => Promise<unknown>): Promise<string> {
  try {
    await check();
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}

async function checkTemporal(connection: Connection, timeoutMs: number): Promise<void> {
  await connection.withDeadline(Date.now() + timeoutMs, async () => {
    await connection.ensureConnected();
    const answer = await connection.healthService.check({});
    if (answer.status !== grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING) {
      throw new Error(`Temporal reports status ${answer.status}`);
    }
  });
}

async function checkWorker(deps: HealthDependencies, timeoutMs: number): Promise<void> {
  const answer = await deps.temporal.connection.withDeadline(Date.now() + timeoutMs, () =>
    deps.temporal.workflowService.describeTaskQueue({
      namespace: deps.namespace,
      taskQueue: { name: deps.taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    }),
  );
  const now = Date.now();
  const alive = (answer.pollers ?? []).some((poller) => {
    const seconds = Number(poller.lastAccessTime?.seconds ?? 0);
    return now - seconds * 1000 <= deps.workerHeartbeatMs;
  });
  if (!alive) throw new Error(`no worker polls task queue "${deps.taskQueue}"`);
}
