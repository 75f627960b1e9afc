import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from '../activities';
import type { Config } from '../platform/config';
import { payloadDataConverter, type PayloadKey } from '../platform/payload-codec';

/**
 * How much a worker holds and runs at once (docs/performance.md). The workflow cache is the
 * worker's memory: each cached case costs about 0.6 MB, so it is bounded (the SDK's default grows
 * with the heap, about 2,000 on a 4 GB heap); a case outside it is replayed from its history when
 * its next step comes, which for a case that waits hours between steps costs little.
 */
export interface WorkerTuning {
  maxCachedWorkflows: number;
  maxConcurrentWorkflowTasks: number;
  maxConcurrentActivities: number;
}

export const DEFAULT_TUNING: WorkerTuning = {
  maxCachedWorkflows: 500,
  maxConcurrentWorkflowTasks: 20,
  maxConcurrentActivities: 50,
};

export function workerTuning(
  config: Pick<
    Config,
    'WORKER_MAX_CACHED_WORKFLOWS' | 'WORKER_MAX_CONCURRENT_WORKFLOW_TASKS' | 'WORKER_MAX_CONCURRENT_ACTIVITIES'
  >,
): WorkerTuning {
  return {
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentWorkflowTasks: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    maxConcurrentActivities: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
  };
}

/** The SDK's options for a tuning (also the benchmark's floor worker's, bench/floor/worker.ts). */
export function tuningOptions(tuning: WorkerTuning) {
  return {
    maxCachedWorkflows: tuning.maxCachedWorkflows,
    // The SDK refuses more concurrent workflow tasks than cached workflows.
    maxConcurrentWorkflowTaskExecutions: Math.min(tuning.maxConcurrentWorkflowTasks, tuning.maxCachedWorkflows),
    maxConcurrentActivityTaskExecutions: tuning.maxConcurrentActivities,
    maxConcurrentLocalActivityExecutions: tuning.maxConcurrentActivities,
  } satisfies Partial<WorkerOptions>;
}

/** The case worker: the workflow bundle (made once) and activities over real dependencies. */
export async function createWorker(options: {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  workflowBundle: WorkerOptions['workflowBundle'];
  dependencies: ActivityDependencies;
  /** TEMPORAL_PAYLOAD_KEYS: the worker decrypts what clients encrypted, and encrypts what it sends. */
  payloadKeys: readonly PayloadKey[] | undefined;
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
  tuning?: WorkerTuning;
}): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: options.workflowBundle,
    activities: createActivities(options.dependencies),
    dataConverter: payloadDataConverter(options.payloadKeys),
    shutdownGraceTime: options.shutdownGraceTime ?? '20 seconds',
    ...tuningOptions(options.tuning ?? DEFAULT_TUNING),
  });
}

export function workflowsPath(): string {
  return require.resolve('../workflows');
}
