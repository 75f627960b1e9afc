/**
 * The set-up the case workflow's unit suites share (workflows/field-report*.test.ts): one
 * time-skipping test server and one worker per file, over in-memory activities
 * (fake-activities.ts). Each suite gets its own server, so suites that move the clock do not
 * disturb one another and Jest runs them side by side.
 *
 * Cases a test leaves running are terminated after it: the server's clock is global, and a test
 * that moves it days ahead would otherwise wake every earlier case's deadlines on the way.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { ReportCommand } from '../../domain/report-command';
import type { CaseState } from '../../workflows/messages';
import { CaseDriver, REPORT, TEXT } from './case-driver';
import { fakeWorld, type FakeWorld, type FakeWorldOptions } from './fake-activities';
import { addCaseSearchAttributes, createTimeSkippingEnv } from './time-skipping';
import { caseWorkflowBundle } from './workflow-bundle';

export interface CaseWorkflowUnit {
  readonly env: TestWorkflowEnvironment;
  readonly world: FakeWorld;
  /** Starts a case (REPORT, with `report`'s fields over it) and waits for its receipt. */
  startCase(report?: Partial<ReportCommand>): Promise<CaseDriver>;
  /** The kinds of the transitions the case projected, in order. */
  kinds(c: CaseDriver): string[];
}

/** Registers the suite's beforeAll/afterEach/afterAll; the returned object is usable inside tests. */
export function caseWorkflowUnit(
  options: (env: TestWorkflowEnvironment) => Promise<FakeWorldOptions>,
): CaseWorkflowUnit {
  let env: TestWorkflowEnvironment | undefined;
  let world: FakeWorld | undefined;
  let taskQueue = '';
  let stopWorker: (() => Promise<void>) | undefined;
  const started: CaseDriver[] = [];

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    await addCaseSearchAttributes(env);
    world = fakeWorld(await options(env));
    taskQueue = `unit-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await caseWorkflowBundle(),
      activities: world.activities,
    });
    const running = worker.run();
    stopWorker = async () => {
      worker.shutdown();
      await running;
    };
  });
  afterEach(async () => {
    const cases = started.splice(0);
    await Promise.all(
      cases.map(async (c) => {
        const { status } = await c.handle.describe();
        if (status.name === 'RUNNING') await c.handle.terminate('the test is over');
      }),
    );
  });
  afterAll(async () => {
    await stopWorker?.();
    await env?.teardown();
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the case workflow unit is used outside a test (before beforeAll)');
    return value;
  };
  return {
    get env() {
      return ready(env);
    },
    get world() {
      return ready(world);
    },
    async startCase(report: Partial<ReportCommand> = {}) {
      const c = await CaseDriver.start(ready(env).client, taskQueue, { ...REPORT, ...report });
      started.push(c);
      return c;
    },
    kinds(c: CaseDriver) {
      return ready(world)
        .transitions(c.caseId)
        .map((t) => t.kind);
    },
  };
}

/** The officials who act on the cases (ids as the back office's users would have). */
export const PEOPLE = {
  operator: randomUUID(),
  officer: randomUUID(),
  leader: randomUUID(),
  supervisor: randomUUID(),
} as const;

/** verify → (automatic routing) → accept → assign: the case waits at process. */
export async function toProcessing(c: CaseDriver): Promise<CaseState> {
  await c.complete('verify', 'accept', {}, PEOPLE.operator);
  await c.complete('accept', 'accept', {}, PEOPLE.officer);
  return c.complete('assign', 'assign', { assigneeId: PEOPLE.officer }, PEOPLE.leader);
}

/** process (reply) → approve: the reply is published and the case waits for a rating. */
export async function toRating(c: CaseDriver): Promise<CaseState> {
  await c.complete('process', 'reply', { reply: TEXT.reply, attachmentIds: [randomUUID()] }, PEOPLE.officer);
  return c.complete('approve', 'approve', {}, PEOPLE.leader);
}

/** The events of a list of notifications, in order. */
export const events = (list: { event: string }[]): string[] => list.map((n) => n.event);
