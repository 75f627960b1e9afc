import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from '../activities';
import { payloadDataConverter, type PayloadKey } from '../platform/payload-codec';

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
}): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: options.workflowBundle,
    activities: createActivities(options.dependencies),
    dataConverter: payloadDataConverter(options.payloadKeys),
    shutdownGraceTime: options.shutdownGraceTime ?? '20 seconds',
  });
}

export function workflowsPath(): string {
  return require.resolve('../workflows');
}
