/**
 * The floor's worker (bench/floor/workflow.ts), a process of its own so that its CPU is read apart:
 * the production worker's options (worker/create-worker.ts: tuning, the payload codec) on the task
 * queue BENCH_FLOOR_TASK_QUEUE, against TEMPORAL_ADDRESS. Says `ready` over IPC, as the services do.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { DEFAULT_TUNING, tuningOptions } from '../../worker/create-worker';
import { parsePayloadKeys } from '../../platform/config';
import { payloadDataConverter } from '../../platform/payload-codec';
import { floorActivities } from './activities';

async function main(): Promise<void> {
  const keys = process.env.TEMPORAL_PAYLOAD_KEYS;
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue: process.env.BENCH_FLOOR_TASK_QUEUE ?? 'floor',
    workflowsPath: require.resolve('./workflow'),
    activities: floorActivities,
    dataConverter: payloadDataConverter(keys ? parsePayloadKeys(keys) : undefined),
    ...tuningOptions(DEFAULT_TUNING),
  });
  process.once('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  process.send?.({ type: 'ready' });
  await running;
  await connection.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`floor worker: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
