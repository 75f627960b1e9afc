/**
 * Open cases asleep on their deadline timers: the submit rate over HTTP (concurrency 8) with none
 * open, then with FIRST and with N open cases, each waiting at its verify task on its timers, and
 * the worker's resident memory at each point. Goals (issues 17 and 18): the submit rate with N
 * open cases ≥ 80 % of the empty baseline; the worker's RSS flat (within 20 %) from FIRST to N.
 * The open cases are started with the Temporal client (as the API starts them, without HTTP)
 * and counted as asleep once their verify task is written and the stack is quiet.
 *
 * Environment: BENCH_SLEEPING (N, default 2000; the issue's figure is 20000, which takes most
 * of an hour on 2 cores), BENCH_SLEEPING_FIRST (default 2000, or N/4 when N is smaller),
 * BENCH_SECONDS (each rate measurement, default 15).
 */
import { randomUUID } from 'node:crypto';
import {
  closedLoop,
  cpuPer,
  cpuSnapshot,
  eventTypeName,
  rssMiB,
  sampleRss,
  waitFor,
  waitQuiet,
  type LoadResult,
} from './lib/measure';
import { goal, table, writeResults } from './lib/results';
import { withStack, type Stack } from './lib/stack';
import { submitOverHttp, submitWithClient } from './lib/submit';

const N = Number(process.env.BENCH_SLEEPING ?? 2000);
const FIRST = Number(process.env.BENCH_SLEEPING_FIRST ?? Math.min(2000, Math.floor(N / 4)));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const FILL_CONCURRENCY = 16;
const marker = `bench-${randomUUID().slice(0, 8)}`;

interface Point {
  openCases: number;
  submit: LoadResult;
  cpuMsPerSubmission: Record<string, number>;
  workerRssMiB: number;
  temporalRssMiB: number;
  apiRssMiB: number;
  fillSeconds?: number;
  fillPerSecond?: number;
}

async function main(): Promise<void> {
  if (!(FIRST > 0 && N > FIRST))
    throw new Error(`BENCH_SLEEPING (${N}) must be above BENCH_SLEEPING_FIRST (${FIRST}) > 0`);
  await withStack({ name: 'sleeping' }, async (stack) => {
    const rss = sampleRss(stack.pids.worker, 2_000);
    let n = 0;
    let started = 0; // cases started so far, each of which ends up open at its verify task
    const http = async () => {
      await submitOverHttp(stack.baseUrl, n++, marker);
      started++;
    };
    const openTasks = () => stack.db.task.count({ where: { state: 'open', step: 'verify' } });
    /** Every case started is open at its verify task, and nothing is left to do. */
    const asleep = async () => {
      await waitFor(`${started} open verify tasks`, async () => (await openTasks()) >= started, {
        timeoutMs: 30 * 60_000,
        everyMs: 1_000,
      });
      await waitQuiet(stack.processes, { timeoutMs: 5 * 60_000 });
    };
    const measure = async (): Promise<Point> => {
      await asleep();
      const openCases = started;
      const workerRssMiB = rssMiB(stack.pids.worker);
      const before = cpuSnapshot(stack.processes);
      const submit = await closedLoop({ concurrency: 8, seconds: SECONDS }, http);
      await asleep();
      const point = {
        openCases,
        submit,
        cpuMsPerSubmission: cpuPer(before, cpuSnapshot(stack.processes), submit.count),
        workerRssMiB,
        temporalRssMiB: rssMiB(stack.pids.temporal),
        apiRssMiB: rssMiB(stack.pids.api),
      };
      process.stdout.write(
        `  ${openCases} open cases: ${submit.perSecond} submissions/s (p50 ${submit.p50}, p99 ${submit.p99} ms), worker RSS ${workerRssMiB} MiB` +
          `${submit.errors ? `, errors ${submit.errors}: ${submit.errorSamples[0]}` : ''}\n`,
      );
      return point;
    };
    const fillTo = async (target: number): Promise<{ seconds: number; perSecond: number }> => {
      const count = target - started;
      const progress = setInterval(
        () => process.stdout.write(`    … ${started} cases started, worker RSS ${rssMiB(stack.pids.worker)} MiB\n`),
        30_000,
      );
      try {
        const t0 = Date.now();
        const load = await closedLoop(
          { concurrency: FILL_CONCURRENCY, seconds: 3 * 3_600, maxCalls: count, maxErrors: 20 },
          async () => {
            await submitWithClient(stack.temporal, stack.taskQueue, n++, marker);
            started++;
          },
        );
        if (load.errors) throw new Error(`${load.errors} cases could not be started: ${load.errorSamples.join('; ')}`);
        const seconds = Math.round((Date.now() - t0) / 1000);
        return { seconds, perSecond: load.perSecond };
      } finally {
        clearInterval(progress);
      }
    };

    await stack.step('Warm up (20 submissions)', async () => {
      const warm = await closedLoop({ concurrency: 2, seconds: 60, maxCalls: 20, maxErrors: 3 }, http);
      if (warm.errors) throw new Error(`submissions fail during the warm-up: ${warm.errorSamples.join('; ')}`);
    });
    const points: Point[] = [await measure()];
    for (const target of [FIRST, N]) {
      const fill = await stack.step(`Start cases until ${target} are open`, () => fillTo(target));
      points.push({ ...(await measure()), fillSeconds: fill.seconds, fillPerSecond: fill.perSecond });
    }
    rss.stop();
    const timers = await timersOf(stack);

    const [empty, first, last] = points as [Point, Point, Point];
    const rate = (p: Point) => Math.round((p.submit.perSecond / empty.submit.perSecond) * 1000) / 10;
    const growth = Math.round((last.workerRssMiB / first.workerRssMiB - 1) * 1000) / 10;
    const cpuNames = Object.keys(empty.cpuMsPerSubmission);
    writeResults(
      'sleeping',
      'Open cases asleep on their timers: submit rate and worker memory',
      [
        `Submissions over HTTP at concurrency 8 for ${SECONDS} s at each point; the open cases wait at their verify ` +
          `task (one case checked: ${timers.started} timers started, ${timers.fired} fired). RSS in MiB, read from /proc when the stack is quiet.`,
        table(
          [
            'open cases',
            'submissions/s',
            'vs empty',
            'p50 ms',
            'p99 ms',
            'errors',
            'worker RSS',
            'Temporal RSS',
            'API RSS',
            ...cpuNames.map((c) => `CPU ${c} ms/sub`),
            'filled at /s',
          ],
          points.map((p) => [
            p.openCases,
            p.submit.perSecond,
            `${rate(p)} %`,
            p.submit.p50,
            p.submit.p99,
            p.submit.errors,
            p.workerRssMiB,
            p.temporalRssMiB,
            p.apiRssMiB,
            ...cpuNames.map((c) => p.cpuMsPerSubmission[c] ?? ''),
            p.fillPerSecond ?? '–',
          ]),
        ),
        [
          `- Submit rate with ${last.openCases} open cases: ${goal(rate(last), '≥', 80, ' %')} of the empty baseline.`,
          `- Worker RSS from ${first.openCases} to ${last.openCases} open cases: ${first.workerRssMiB} → ${last.workerRssMiB} MiB, ` +
            `${goal(growth, '≤', 20, ' %')} growth; peak sampled ${rss.peak()} MiB.`,
        ].join('\n'),
      ],
      {
        n: N,
        first: FIRST,
        seconds: SECONDS,
        points,
        rateVsEmptyPercent: rate(last),
        workerRssGrowthPercent: growth,
        timers,
        workerRss: rss.samples,
      },
    );
  });
}

/** The timers of the last open case: what it sleeps on. */
async function timersOf(stack: Stack): Promise<{ started: number; fired: number }> {
  const task = await stack.db.task.findFirstOrThrow({
    where: { state: 'open', step: 'verify' },
    orderBy: { seq: 'desc' },
  });
  const history = await stack.temporal.workflow.getHandle(task.caseId).fetchHistory();
  const count = (type: string) => (history.events ?? []).filter((e) => eventTypeName(e.eventType) === type).length;
  return { started: count('TIMER_STARTED'), fired: count('TIMER_FIRED') };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`\nsleeping benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
