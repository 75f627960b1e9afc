/**
 * Whole cases, from the citizen's report to the rating that closes them, driven over HTTP by the
 * roles as the back office and the portal do it (operator verifies; the commune's officer accepts;
 * its leader assigns; the officer uploads a proof photo and replies; the leader approves; the
 * citizen rates 5), against the same Updates sent with the Temporal client. Each step is timed, so
 * the slowest one is named; the history events per whole case are read from Temporal.
 * Goal (issue 17): cases per second over HTTP ≥ 40 % of the client's.
 *
 * Environment: BENCH_CASES (cases per path, default 24), BENCH_CASE_CONCURRENCY (default 4).
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { fieldReportWorkflow } from '../workflows/field-report';
import { completeTaskUpdate, rateUpdate, stateQuery, type CaseState } from '../workflows/messages';
import {
  closedLoop,
  cpuPer,
  cpuSnapshot,
  eventTypeName,
  percentiles,
  waitFor,
  waitQuiet,
  type Percentiles,
} from './lib/measure';
import { BackOffice, type Task } from './lib/officials';
import { goal, table, writeResults } from './lib/results';
import { withStack } from './lib/stack';
import { submitOverHttp, submitWithClient } from './lib/submit';

const CASES = Number(process.env.BENCH_CASES ?? 24);
const CONCURRENCY = Number(process.env.BENCH_CASE_CONCURRENCY ?? 4);
const UNIT = '18073';
const REPLY = 'Kính gửi Ông/Bà, UBND phường đã thu gom rác thải và xử phạt người vi phạm.';
const marker = `bench-${randomUUID().slice(0, 8)}`;

type Path = 'http' | 'client';

/** Milliseconds per step of one case. */
type Steps = Record<string, number>;

async function timed<T>(steps: Steps, name: string, action: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await action();
  steps[name] = (steps[name] ?? 0) + performance.now() - t0;
  return result;
}

/** The one open task, which must be at `step` (from a completion's answer or the inbox). */
function only(tasks: Task[], step: string, caseId: string): Task {
  const task = tasks.find((t) => t.step === step);
  if (!task)
    throw new Error(`case ${caseId}: expected an open ${step} task, found ${JSON.stringify(tasks.map((t) => t.step))}`);
  return task;
}

async function caseOverHttp(office: BackOffice, baseUrl: string, i: number, ids: string[]): Promise<Steps> {
  const steps: Steps = {};
  const officer = `${UNIT}.officer`;
  const leader = `${UNIT}.leader`;
  const report = await timed(steps, 'submit', () => submitOverHttp(baseUrl, i, marker));
  ids.push(report.id);
  // The operator's inbox shows the verify task once the workflow has projected it.
  let listed: Task[] = [];
  await timed(steps, 'verify task listed', () =>
    waitFor(
      `the verify task of ${report.id}`,
      async () => (listed = await office.openTasks('operator', report.id)).length > 0,
      { everyMs: 50, timeoutMs: 60_000 },
    ),
  );
  const verify = only(listed, 'verify', report.id);
  let next = await timed(steps, 'verify', () => office.complete('operator', verify.id, 'accept'));
  const accept = only(next.nextTasks, 'accept', report.id);
  next = await timed(steps, 'accept', () => office.complete(officer, accept.id, 'accept'));
  const assign = only(next.nextTasks, 'assign', report.id);
  const officerId = (await office.as(officer)).id;
  next = await timed(steps, 'assign', () => office.complete(leader, assign.id, 'assign', { assigneeId: officerId }));
  const process_ = only(next.nextTasks, 'process', report.id);
  const proofId = await timed(steps, 'proof upload', () => office.uploadProof(officer, report.id));
  next = await timed(steps, 'process', () =>
    office.complete(officer, process_.id, 'reply', { reply: REPLY, attachmentIds: [proofId] }),
  );
  const approve = only(next.nextTasks, 'approve', report.id);
  await timed(steps, 'approve', () => office.complete(leader, approve.id, 'approve'));
  // The citizen rates once the reply is published; until then the API answers 409.
  await timed(steps, 'rate', async () => {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${baseUrl}/api/v1/reports/${report.trackingCode}/rating`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-citizen-token': report.citizenToken! },
        body: JSON.stringify({ score: 5 }),
        signal: AbortSignal.timeout(60_000),
      });
      if (response.ok) return;
      const text = await response.text();
      if (response.status !== 409 || attempt > 600) throw new Error(`rating: ${response.status} ${text.slice(0, 300)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  return steps;
}

async function caseWithClient(
  temporal: Client,
  taskQueue: string,
  people: Record<string, string>,
  i: number,
  ids: string[],
): Promise<Steps> {
  const steps: Steps = {};
  const receipt = await timed(steps, 'submit', () => submitWithClient(temporal, taskQueue, i, marker));
  ids.push(receipt.id);
  const handle = temporal.workflow.getHandle<typeof fieldReportWorkflow>(receipt.id);
  const until = async (what: string, predicate: (s: CaseState) => boolean): Promise<CaseState> => {
    let state: CaseState | undefined;
    await waitFor(`${what} of ${receipt.id}`, async () => predicate((state = await handle.query(stateQuery))), {
      everyMs: 50,
      timeoutMs: 60_000,
    });
    return state!;
  };
  const complete = (step: string, taskId: string, outcome: string, data: Record<string, unknown>, actor: string) =>
    timed(steps, step, () =>
      handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, outcome, data, actor: { userId: actor } }] }),
    );
  const open = (state: CaseState, step: string) => {
    if (state.openTask?.step !== step)
      throw new Error(`case ${receipt.id}: expected ${step}, found ${JSON.stringify(state.openTask)}`);
    return state.openTask.id;
  };
  let state = await timed(steps, 'verify task listed', () =>
    until('the verify task', (s) => s.openTask?.step === 'verify'),
  );
  state = await complete('verify', open(state, 'verify'), 'accept', {}, people.operator!);
  state = await complete('accept', open(state, 'accept'), 'accept', {}, people[`${UNIT}.officer`]!);
  state = await complete(
    'assign',
    open(state, 'assign'),
    'assign',
    { assigneeId: people[`${UNIT}.officer`] },
    people[`${UNIT}.leader`]!,
  );
  state = await complete(
    'process',
    open(state, 'process'),
    'reply',
    { reply: REPLY, attachmentIds: [randomUUID()] },
    people[`${UNIT}.officer`]!,
  );
  await complete('approve', open(state, 'approve'), 'approve', {}, people[`${UNIT}.leader`]!);
  await timed(steps, 'rate', async () => {
    await until('the rating step', (s) => s.step === 'rate');
    await handle.executeUpdate(rateUpdate, { args: [{ score: 5 }] });
  });
  return steps;
}

interface PathResult {
  path: Path;
  cases: number;
  errors: number;
  errorSamples: string[];
  seconds: number;
  casesPerMinute: number;
  wholeCase: Percentiles;
  steps: Record<string, Percentiles>;
  slowestStep: string;
  cpuMsPerCase: Record<string, number>;
  historyEvents: { mean: number; min: number; max: number; byType: Record<string, number> };
}

async function main(): Promise<void> {
  await withStack({ name: 'cases' }, async (stack) => {
    const office = new BackOffice(stack.baseUrl);
    const usernames = ['operator', `${UNIT}.officer`, `${UNIT}.leader`];
    const people: Record<string, string> = {};
    await stack.step('Log the officials in', async () => {
      for (const username of usernames) people[username] = (await office.as(username)).id;
    });
    let n = 0;
    const drivers: Record<Path, (ids: string[]) => (i: number) => Promise<Steps>> = {
      http: (ids) => () => caseOverHttp(office, stack.baseUrl, n++, ids),
      client: (ids) => () => caseWithClient(stack.temporal, stack.taskQueue, people, n++, ids),
    };
    await stack.step('Warm up (2 cases each way)', async () => {
      for (const path of ['http', 'client'] as const) {
        const ids: string[] = [];
        for (let k = 0; k < 2; k++) await drivers[path](ids)(k);
      }
      await waitQuiet(stack.processes);
    });

    const results: PathResult[] = [];
    for (const path of ['client', 'http'] as const) {
      const ids: string[] = [];
      const allSteps: Steps[] = [];
      const drive = drivers[path](ids);
      const before = cpuSnapshot(stack.processes);
      const load = await closedLoop(
        { concurrency: CONCURRENCY, seconds: 1_200, maxCalls: CASES, maxErrors: 5 },
        async (i) => {
          allSteps.push(await drive(i));
        },
      );
      await waitQuiet(stack.processes);
      const cpuMsPerCase = cpuPer(before, cpuSnapshot(stack.processes), load.count);
      const lengths: number[] = [];
      for (const id of ids) lengths.push((await stack.temporal.workflow.getHandle(id).describe()).historyLength);
      const byType: Record<string, number> = {};
      if (ids[0]) {
        const history = await stack.temporal.workflow.getHandle(ids[0]).fetchHistory();
        for (const event of history.events ?? []) {
          const type = eventTypeName(event.eventType);
          byType[type] = (byType[type] ?? 0) + 1;
        }
      }
      const stepNames = [...new Set(allSteps.flatMap((s) => Object.keys(s)))];
      const steps = Object.fromEntries(stepNames.map((name) => [name, percentiles(allSteps.map((s) => s[name] ?? 0))]));
      const slowestStep = stepNames.reduce((a, b) => (steps[a]!.mean >= steps[b]!.mean ? a : b));
      const result: PathResult = {
        path,
        cases: load.count,
        errors: load.errors,
        errorSamples: load.errorSamples,
        seconds: load.seconds,
        casesPerMinute: Math.round((load.count / load.seconds) * 60 * 10) / 10,
        wholeCase: { p50: load.p50, p95: load.p95, p99: load.p99, max: load.max, mean: load.mean },
        steps,
        slowestStep,
        cpuMsPerCase,
        historyEvents: {
          mean: Math.round((lengths.reduce((a, b) => a + b, 0) / (lengths.length || 1)) * 10) / 10,
          min: Math.min(...lengths),
          max: Math.max(...lengths),
          byType,
        },
      };
      results.push(result);
      process.stdout.write(
        `  ${path}: ${result.cases} cases in ${result.seconds} s (${result.casesPerMinute}/min), slowest step ${slowestStep}` +
          `, ${result.historyEvents.mean} history events per case${load.errors ? `, errors ${load.errors}: ${load.errorSamples[0]}` : ''}\n`,
      );
    }

    const [client, http] = results as [PathResult, PathResult];
    const ratio = Math.round((http.casesPerMinute / client.casesPerMinute) * 1000) / 10;
    const stepNames = Object.keys(http.steps);
    const cpuNames = Object.keys(http.cpuMsPerCase);
    const typeNames = [
      ...new Set([...Object.keys(client.historyEvents.byType), ...Object.keys(http.historyEvents.byType)]),
    ].sort((a, b) => (http.historyEvents.byType[b] ?? 0) - (http.historyEvents.byType[a] ?? 0));
    writeResults(
      'cases',
      'Whole cases: the roles over HTTP vs the same Updates with the Temporal client',
      [
        `${CASES} cases per path, ${CONCURRENCY} at a time, from the report to the rating that closes the case ` +
          `(verify → accept → assign → process with a proof photo → approve → rate 5; unit ${UNIT}).`,
        table(
          [
            'path',
            'cases/min',
            'whole case p50 ms',
            'p95',
            'p99',
            'errors',
            'slowest step (mean)',
            'history events per case',
            ...cpuNames.map((c) => `CPU ${c} ms/case`),
          ],
          results.map((r) => [
            r.path === 'http' ? 'roles over HTTP' : 'Temporal client (baseline)',
            r.casesPerMinute,
            r.wholeCase.p50,
            r.wholeCase.p95,
            r.wholeCase.p99,
            r.errors,
            `${r.slowestStep} (${r.steps[r.slowestStep]!.mean} ms)`,
            `${r.historyEvents.mean} (${r.historyEvents.min}–${r.historyEvents.max})`,
            ...cpuNames.map((c) => r.cpuMsPerCase[c] ?? ''),
          ]),
        ),
        `HTTP / client: ${goal(ratio, '≥', 40, ' %')}.`,
        'Per step, mean and p95 in ms ("verify task listed": from the receipt until the task is in the operator\'s inbox; ' +
          '"proof upload" has no counterpart in the client path; "rate" includes waiting for the published reply):',
        table(
          ['step', 'HTTP mean', 'HTTP p95', 'client mean', 'client p95'],
          stepNames.map((s) => [
            s,
            http.steps[s]!.mean,
            http.steps[s]!.p95,
            client.steps[s]?.mean ?? '–',
            client.steps[s]?.p95 ?? '–',
          ]),
        ),
        'History events of one whole case, by type:',
        table(
          ['event type', 'HTTP', 'client'],
          typeNames.map((t) => [t, http.historyEvents.byType[t] ?? 0, client.historyEvents.byType[t] ?? 0]),
        ),
      ],
      { cases: CASES, concurrency: CONCURRENCY, httpToClientPercent: ratio, results },
    );
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`\ncases benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
