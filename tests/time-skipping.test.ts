/**
 * The time-skipping test server (@temporalio/testing's TestWorkflowEnvironment, started by
 * tests/support/time-skipping.ts): a workflow that sleeps 3 days finishes in seconds, and the
 * server's clock can be put at a chosen instant before a workflow starts.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { createTimeSkippingEnv, silentLogger, skipTo } from './support/time-skipping';
import { clock, SLEEPY_DURATION_MS, sleepy } from './support/workflows/sleepy';

const MINUTE = 60_000;

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;
let startupMs: number;

beforeAll(async () => {
  const t0 = performance.now();
  env = await createTimeSkippingEnv();
  startupMs = performance.now() - t0;
  workflowBundle = await bundleWorkflowCode({
    workflowsPath: path.join(__dirname, 'support', 'workflows', 'sleepy.ts'),
    logger: silentLogger,
  });
});

afterAll(async () => {
  await env?.teardown();
});

async function withWorker<T>(run: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `time-skipping-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle,
  });
  return worker.runUntil(run(taskQueue));
}

test('the test server starts quickly and skips time', () => {
  expect(startupMs).toBeLessThan(10_000);
  expect(env.supportsTimeSkipping).toBe(true);
});

test('a workflow sleeping 3 days finishes in seconds of wall time', async () => {
  const wallStart = performance.now();
  const { before, after } = await withWorker((taskQueue) =>
    env.client.workflow.execute(sleepy, { taskQueue, workflowId: `sleepy-${randomUUID()}` }),
  );
  const wallMs = performance.now() - wallStart;
  expect(after - before).toBeGreaterThanOrEqual(SLEEPY_DURATION_MS);
  expect(after - before).toBeLessThan(SLEEPY_DURATION_MS + MINUTE);
  expect(wallMs).toBeLessThan(10_000);
});

test('skipTo puts the clock at next Friday 16:30 in Hồ Chí Minh City before a workflow starts', async () => {
  const serverNow = DateTime.fromMillis(await env.currentTimeMs(), { zone: 'Asia/Ho_Chi_Minh' });
  let friday = serverNow.set({ weekday: 5, hour: 16, minute: 30, second: 0, millisecond: 0 });
  if (friday <= serverNow) friday = friday.plus({ weeks: 1 });
  const instant = friday.toJSDate();

  await skipTo(env, instant);
  expect(await env.currentTimeMs()).toBeGreaterThanOrEqual(instant.getTime());

  const started = await withWorker((taskQueue) =>
    env.client.workflow.execute(clock, { taskQueue, workflowId: `clock-${randomUUID()}` }),
  );
  expect(started).toBeGreaterThanOrEqual(instant.getTime());
  expect(started - instant.getTime()).toBeLessThan(MINUTE);
  const local = DateTime.fromMillis(started, { zone: 'Asia/Ho_Chi_Minh' });
  expect([local.weekday, local.hour, local.minute]).toEqual([5, 16, 30]);
});

test('skipTo refuses an instant in the past', async () => {
  const past = new Date((await env.currentTimeMs()) - MINUTE);
  await expect(skipTo(env, past)).rejects.toThrow(/past/);
});
