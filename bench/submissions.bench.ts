/**
 * Citizens' submissions: POST /api/v1/reports over HTTP against the same case started with the
 * Temporal client (the API's own start + receipt Update, without HTTP, authorisation or checks),
 * and a bare Node HTTP server as the ceiling, each at concurrency 1, 8 and 32 (closed loops), then
 * HTTP at a fixed rate (an open loop) to see the latency spread at half the goal's load. The
 * Temporal floor (bench/floor: the same request to a workflow that runs no platform code) is what
 * Temporal and the SDK allow alone on this machine. Goals (issues 17 and 18): HTTP ≥ 50 % of the
 * client's rate; ≥ 50 submissions/s on 2 cores; p99 ≤ 3 × p50 at 25/s. CPU milliseconds per
 * submission of each process, from /proc; workflow tasks per submission from a sample of the
 * cases' histories.
 *
 * Environment: BENCH_SECONDS (each run, default 15), BENCH_CONCURRENCY (default 1,8,32),
 * BENCH_PACED_RATE (default 25 per second; 0 skips the paced run).
 */
import { randomUUID } from 'node:crypto';
import { startBareServer } from './lib/bare-server';
import { closedLoop, cpuPer, cpuSnapshot, openLoop, waitQuiet, type LoadResult } from './lib/measure';
import { goal, table, writeResults } from './lib/results';
import { withStack } from './lib/stack';
import { submitOverHttp, submitToFloor, submitWithClient } from './lib/submit';
import { workflowTasksOf } from './lib/workflow-tasks';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map(Number);
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 25);
const marker = `bench-${randomUUID().slice(0, 8)}`;

type Target = 'bare' | 'floor' | 'client' | 'http';
const TARGETS = ['bare', 'floor', 'client', 'http'] as const;
const LABELS: Record<Target, string> = {
  bare: 'bare Node HTTP (ceiling)',
  floor: 'Temporal floor (no platform code)',
  client: 'Temporal client (baseline)',
  http: 'API over HTTP',
};

type Paced = Awaited<ReturnType<typeof openLoop>> & { cpuMsPerSubmission: Record<string, number>; p99ToP50: number };

interface Run extends LoadResult {
  target: Target;
  cpuMsPerSubmission: Record<string, number>;
  quietAfterSeconds: number;
}

async function main(): Promise<void> {
  await withStack({ name: 'submissions', floor: true }, async (stack) => {
    const bare = await startBareServer();
    try {
      const processes = { ...stack.processes, bare: bare.pid };
      let n = 0;
      // The cases each way submitted, whose histories are read at the end.
      const caseIds: Record<'client' | 'http', string[]> = { client: [], http: [] };
      const calls: Record<Target, () => Promise<void>> = {
        bare: async () => {
          const response = await fetch(`${bare.baseUrl}/api/v1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ categoryCode: 'moi-truong', n: n++ }),
          });
          if (response.status !== 201) throw new Error(`bare server: ${response.status}`);
          await response.text();
        },
        floor: async () => void (await submitToFloor(stack.temporal, stack.floorTaskQueue!, n++, marker)),
        client: async () =>
          void caseIds.client.push((await submitWithClient(stack.temporal, stack.taskQueue, n++, marker)).id),
        http: async () => void caseIds.http.push((await submitOverHttp(stack.baseUrl, n++, marker)).id),
      };

      await stack.step('Warm up (20 submissions each way)', async () => {
        for (const target of TARGETS) {
          const warm = await closedLoop({ concurrency: 2, seconds: 60, maxCalls: 20, maxErrors: 3 }, calls[target]);
          if (warm.errors) throw new Error(`${target} fails during the warm-up: ${warm.errorSamples.join('; ')}`);
        }
        await waitQuiet(processes);
      });

      const runs: Run[] = [];
      for (const concurrency of LEVELS) {
        for (const target of TARGETS) {
          const before = cpuSnapshot(processes);
          const result = await closedLoop({ concurrency, seconds: SECONDS }, calls[target]);
          const quietAfterSeconds = await waitQuiet(processes);
          const run = {
            target,
            ...result,
            cpuMsPerSubmission: cpuPer(before, cpuSnapshot(processes), result.count),
            quietAfterSeconds,
          };
          runs.push(run);
          process.stdout.write(
            `  c=${concurrency} ${target.padEnd(6)} ${run.perSecond}/s p50 ${run.p50} p95 ${run.p95} p99 ${run.p99} ms` +
              `${run.errors ? ` errors ${run.errors}: ${run.errorSamples[0]}` : ''}\n`,
          );
        }
      }

      let paced: Paced | undefined;
      if (PACED_RATE > 0) {
        const before = cpuSnapshot(processes);
        const result = await openLoop({ perSecond: PACED_RATE, seconds: SECONDS }, calls.http);
        await waitQuiet(processes);
        // Refused or unsent requests are not a tight spread: the goal holds only when every one was answered.
        const spread = result.errors + result.skipped > 0 ? NaN : Math.round((result.p99 / result.p50) * 10) / 10;
        paced = {
          ...result,
          cpuMsPerSubmission: cpuPer(before, cpuSnapshot(processes), result.count),
          p99ToP50: spread,
        };
        process.stdout.write(`  paced ${PACED_RATE}/s: p50 ${paced.p50} p99 ${paced.p99} ms, errors ${paced.errors}\n`);
      }

      const workflowTasks = {
        client: await workflowTasksOf(stack.temporal, caseIds.client),
        http: await workflowTasksOf(stack.temporal, caseIds.http),
      };
      for (const [target, w] of Object.entries(workflowTasks)) {
        process.stdout.write(
          `  ${target}: ${w.workflowTasks.mean} workflow tasks per submission, ${w.beforeReceipt.mean} before the receipt\n`,
        );
      }

      const find = (c: number, t: Target) => runs.find((r) => r.concurrency === c && r.target === t)!;
      const ratios = LEVELS.map((c) => ({
        concurrency: c,
        httpToClient: Math.round((find(c, 'http').perSecond / find(c, 'client').perSecond) * 1000) / 10,
        httpToBare: Math.round((find(c, 'http').perSecond / find(c, 'bare').perSecond) * 1000) / 10,
        httpToFloor: Math.round((find(c, 'http').perSecond / find(c, 'floor').perSecond) * 1000) / 10,
      }));
      const bestOf = (t: Target) => Math.max(...runs.filter((r) => r.target === t).map((r) => r.perSecond));
      const best = bestOf('http');
      const bestFloor = bestOf('floor');
      const cpuNames = Object.keys(runs[0]!.cpuMsPerSubmission);

      writeResults(
        'submissions',
        'Submissions: API over HTTP vs the Temporal client',
        [
          `Closed loops of ${SECONDS} s each; latencies in ms; CPU in ms per submission (process trees, ` +
            `read from /proc, trailing work included: each run waits until the stack is quiet).`,
          table(
            [
              'concurrency',
              'target',
              'submissions/s',
              'p50',
              'p95',
              'p99',
              'errors',
              ...cpuNames.map((n) => `CPU ${n}`),
            ],
            runs.map((r) => [
              r.concurrency,
              LABELS[r.target],
              r.perSecond,
              r.p50,
              r.p95,
              r.p99,
              r.errors,
              ...cpuNames.map((name) => r.cpuMsPerSubmission[name] ?? ''),
            ]),
          ),
          table(
            ['concurrency', 'HTTP / client (goal ≥ 50 %)', 'HTTP / Temporal floor', 'HTTP / bare server'],
            ratios.map((r) => [
              r.concurrency,
              goal(r.httpToClient, '≥', 50, ' %'),
              `${r.httpToFloor} %`,
              `${r.httpToBare} %`,
            ]),
          ),
          table(
            ['target', 'cases read', 'workflow tasks per submission', 'before the receipt Update', 'history events'],
            (['client', 'http'] as const).map((t) => {
              const w = workflowTasks[t];
              const range = (r: { mean: number; min: number; max: number }) => `${r.mean} (${r.min}–${r.max})`;
              return [LABELS[t], w.cases, range(w.workflowTasks), range(w.beforeReceipt), range(w.historyEvents)];
            }),
          ),
          [
            `- Best HTTP rate: ${goal(best, '≥', 50, '/s')}.`,
            `- Best rate of the Temporal floor (a workflow that answers its receipt after one empty local ` +
              `activity, on the same server: no platform code): ${bestFloor}/s.`,
            pacedLine(paced, cpuNames),
          ].join('\n'),
        ],
        {
          seconds: SECONDS,
          runs,
          ratios,
          bestHttpPerSecond: best,
          bestFloorPerSecond: bestFloor,
          paced,
          workflowTasks,
        },
      );
    } finally {
      await bare.stop();
    }
  });
}

function pacedLine(paced: Paced | undefined, cpuNames: string[]): string {
  if (!paced) return '- The paced run was skipped (BENCH_PACED_RATE=0).';
  return (
    `- At ${PACED_RATE}/s (open loop, ${paced.count} answered, ${paced.errors} errors, ${paced.skipped} not sent):` +
    ` p50 ${paced.p50} ms, p95 ${paced.p95} ms, p99 ${paced.p99} ms; p99/p50 ${goal(paced.p99ToP50, '≤', 3, '×')}` +
    `${Number.isNaN(paced.p99ToP50) ? ` (${paced.errors} errors: ${paced.errorSamples[0] ?? ''})` : ''}.` +
    ` CPU ms per submission: ${cpuNames.map((name) => `${name} ${paced.cpuMsPerSubmission[name]}`).join(', ')}.`
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`\nsubmissions benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
