/**
 * What one submission and one whole case cost Temporal (docs/performance.md): the history events,
 * the activities and workflow tasks they take, held under a budget so a change that adds round
 * trips shows here. It also prints the breakdown and the CPU a burst of submissions costs this
 * process (worker and client) and the Temporal server, the figures docs/performance.md quotes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { temporal as proto } from '@temporalio/proto';
import { createReport } from '../api/services/create-report';
import { CaseDriver, REPORT } from './support/case-driver';
import { walkCase } from './support/case-walk';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const { db, temporal } = api.deps;
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
});
afterAll(async () => {
  await worker.stop();
  await api.close();
});

/** A citizen's report, the way the API submits it (api/services/create-report.ts), without HTTP. */
async function submit(): Promise<CaseDriver> {
  const created = await createReport(
    {
      temporal,
      db,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      secret: config.APP_SECRET,
      provinceBounds: config.PROVINCE_BOUNDS,
    },
    { report: REPORT, channel: 'test', now: new Date() },
  );
  return CaseDriver.attach(temporal, created.id, created.trackingCode);
}
const { EventType } = proto.api.enums.v1;

type History = Awaited<ReturnType<CaseDriver['handle']['fetchHistory']>>;

/** Events by kind, with the activities (regular and local) and workflow tasks among them. */
function breakdown(history: History) {
  const events = history.events ?? [];
  const count = (type: number) => events.filter((e) => e.eventType === type).length;
  const activities = events
    .map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name)
    .filter((name): name is string => Boolean(name));
  const markers = events.filter((e) => e.eventType === EventType.EVENT_TYPE_MARKER_RECORDED);
  const local = markers.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length;
  return {
    events: events.length,
    workflowTasks: count(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
    activities: activities.length,
    localActivities: local,
    timers: count(EventType.EVENT_TYPE_TIMER_STARTED),
    upserts: count(EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES),
    updates: count(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED),
    byActivity: activities.reduce<Record<string, number>>(
      (acc, name) => ({ ...acc, [name]: (acc[name] ?? 0) + 1 }),
      {},
    ),
  };
}

/** CPU time (ms) of the Temporal server listening on the test's address, from /proc; undefined if not local. */
function serverCpuMs(): number | undefined {
  const port = (process.env.TEMPORAL_ADDRESS ?? '').split(':').pop();
  try {
    const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(out)?.[1];
    if (!pid) return undefined;
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    return (ticks * 1000) / 100;
  } catch {
    return undefined;
  }
}

test('one submission: few events and workflow tasks until the verify task is open', async () => {
  const c = await submit();
  await c.quiet();
  const submission = breakdown(await c.handle.fetchHistory());
  console.log(`one submission (to the verify task): ${JSON.stringify(submission, null, 1)}`);
  expect(submission.workflowTasks).toBe(1); // 8 before the local activities, 2 before update-with-start
  expect(submission.activities).toBe(0);
  // The receipt in one activity, verify's entry and its announcement in another (patch fewer-activities).
  expect(submission.localActivities).toBeLessThanOrEqual(2); // 7 before
  expect(submission.events).toBeLessThanOrEqual(12); // 49 before the local activities, 18 before fewer-activities
});

test('one whole case, received to closed: its history stays small', async () => {
  const c = await submit();
  const end = await walkCase(c, db);
  expect(end.status).toBe('closed');
  const whole = breakdown(await c.handle.fetchHistory());
  console.log(`one whole case (happy path): ${JSON.stringify(whole, null, 1)}`);
  expect(whole.activities).toBe(0);
  expect(whole.workflowTasks).toBeLessThanOrEqual(10); // 35 before
  expect(whole.localActivities).toBeLessThanOrEqual(19); // 27 before fewer-activities
  expect(whole.events).toBeLessThanOrEqual(80); // 224 before the local activities, 88 before fewer-activities
});

test('a burst of submissions: CPU per submission in this process (worker and client) and the server', async () => {
  const n = 48;
  const concurrency = 8;
  // Warm up: the first cases pay for the bundle's first activations and the connections.
  await Promise.all(Array.from({ length: concurrency }, () => submit()));
  const cpu = process.cpuUsage();
  const server = serverCpuMs();
  const t0 = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next += 1;
        await (await submit()).settled();
      }
    }),
  );
  const wall = Date.now() - t0;
  const used = process.cpuUsage(cpu);
  const serverAfter = serverCpuMs();
  const perSubmission = {
    submissions: n,
    concurrency,
    perSecond: Math.round((n * 1000) / wall),
    workerAndClientCpuMs: Math.round((used.user + used.system) / 1000 / n),
    serverCpuMs: server !== undefined && serverAfter !== undefined ? Math.round((serverAfter - server) / n) : null,
  };
  console.log(`a burst of submissions: ${JSON.stringify(perSubmission)}`);
  expect(perSubmission.perSecond).toBeGreaterThan(0);
}, 120_000);
