/**
 * What a case costs the worker when it is not in the workflow cache: its next step replays its
 * whole history first (worker/create-worker.ts bounds the cache, docs/performance.md, "Memory").
 * The recorded histories of tests/histories are replayed with the SDK's replayer and the workflow
 * bundle the worker runs, BENCH_REPLAYS times each after a warm-up, in this process (the workflow
 * thread included in its CPU time). The baseline, in the same run: the same paths as recorded by
 * the workflow's earlier versions (activity tasks until 6 December, local activities until
 * 7 December), which today's code replays too. No server, no database: a repeatable measure of
 * the workflow's own CPU per activation (a workflow task or a local activity's result).
 *
 * Environment: BENCH_REPLAYS (default 100), BENCH_PATHS (default happy-path,withdraw,reopen).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, Runtime, Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { parsePayloadKeys } from '../platform/config';
import { historyFromJSON } from '../platform/history-json';
import { eventTypeName } from './lib/measure';
import { table, writeResults } from './lib/results';
import { ROOT } from './lib/stack';
import { workflowsPath } from '../worker/create-worker';
import { RECORDED_PAYLOAD_KEYS, testDataConverter } from '../tests/support/payload-keys';

const REPLAYS = Number(process.env.BENCH_REPLAYS ?? 100);
const PATHS = (process.env.BENCH_PATHS ?? 'happy-path,withdraw,reopen').split(',');
/** Today's recordings first, then the baselines. */
const GENERATIONS = [
  { dir: 'encrypted', label: 'now (fewer activities, 7 Dec)' },
  { dir: 'before-fewer-activities', label: 'local activities (6 Dec)' },
  { dir: 'before-local-activities', label: 'activity tasks (before 6 Dec)' },
];
const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

interface Replayed {
  path: string;
  generation: string;
  events: number;
  workflowTasks: number;
  localActivities: number;
  cpuMsPerReplay: number;
  /** Per workflow task or local activity result: the activations the workflow runs. */
  cpuMsPerActivation: number;
  wallMsPerReplay: number;
}

async function main(): Promise<void> {
  Runtime.install({ logger: quiet, telemetryOptions: { logging: { forward: {}, filter: 'ERROR' } } });
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: quiet });
  const options: ReplayWorkerOptions = {
    workflowBundle,
    replayName: 'replay-bench',
    dataConverter: testDataConverter(parsePayloadKeys(RECORDED_PAYLOAD_KEYS)),
  };
  const results: Replayed[] = [];
  for (const name of PATHS) {
    for (const generation of GENERATIONS) {
      const json = JSON.parse(
        readFileSync(path.join(ROOT, 'tests', 'histories', generation.dir, `${name}.json`), 'utf8'),
      );
      const history = historyFromJSON(json);
      const events = history.events ?? [];
      const workflowTasks = events.filter((e) => eventTypeName(e.eventType) === 'WORKFLOW_TASK_COMPLETED').length;
      // Each local activity's result comes back to the workflow as an activation of its own.
      const localActivities = events.filter(
        (e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity',
      ).length;
      const activations = workflowTasks + localActivities;
      const replay = async (n: number) => {
        const histories = Array.from({ length: n }, (_, i) => ({ workflowId: `${name}-${i}`, history }));
        for await (const { workflowId, error } of Worker.runReplayHistories(options, histories))
          if (error) throw new Error(`${generation.dir}/${name} (${workflowId}) does not replay: ${error.message}`);
      };
      await replay(10);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await replay(REPLAYS);
      const cpu = process.cpuUsage(cpu0);
      const cpuMsPerReplay = Math.round(((cpu.user + cpu.system) / 1000 / REPLAYS) * 10) / 10;
      const result = {
        path: name,
        generation: generation.label,
        events: events.length,
        workflowTasks,
        localActivities,
        cpuMsPerReplay,
        cpuMsPerActivation: Math.round((cpuMsPerReplay / activations) * 10) / 10,
        wallMsPerReplay: Math.round(((performance.now() - t0) / REPLAYS) * 10) / 10,
      };
      results.push(result);
      process.stdout.write(
        `  ${name} ${generation.dir}: ${result.events} events, ${workflowTasks} workflow tasks, ` +
          `${localActivities} local activities, ${cpuMsPerReplay} ms CPU per replay ` +
          `(${result.cpuMsPerActivation} per activation)\n`,
      );
    }
  }
  writeResults(
    'replay',
    'Replaying a case: what a step costs when the case is not in the workflow cache',
    [
      `${REPLAYS} replays of each recorded history after 10 of warm-up, one after the other, with the ` +
        `workflow bundle the worker runs; CPU of this process (its workflow thread included) per replay. ` +
        `The earlier generations of a path are its baseline. An activation is a workflow task or a local ` +
        `activity's result (each wakes the workflow once).`,
      table(
        [
          'path',
          'recorded by',
          'history events',
          'workflow tasks',
          'local activities',
          'CPU ms per replay',
          'per activation',
          'wall ms',
        ],
        results.map((r) => [
          r.path,
          r.generation,
          r.events,
          r.workflowTasks,
          r.localActivities,
          r.cpuMsPerReplay,
          r.cpuMsPerActivation,
          r.wallMsPerReplay,
        ]),
      ),
    ],
    { replays: REPLAYS, results },
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`\nreplay benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
