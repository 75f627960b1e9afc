/**
 * A worker process killed (SIGKILL, no drain) in the middle of cases, then a new one started:
 * every case finishes, and its timeline, tasks, notifications and rating are written exactly once.
 *
 * The kill points are made deterministic with database locks the test holds from its own
 * connection, so the activity is provably running when the worker dies:
 * - during a projection: the test holds the case row, so projectTransition has inserted its
 *   timeline entry (uncommitted) and waits on the case update;
 * - between a projection and its notification: the test holds an uncommitted outbox row with the
 *   dedupe key the notification will use, so the transition is committed and the notification
 *   waits on the test's row. (Once the test lets go, that INSERT, already sent by the dead worker,
 *   commits on its own, as it would in production; the retry then finds it by its key.)
 * - and an official's answer sent while no worker runs at all, which completes once one is back.
 *
 * An activity whose worker died is retried only when its start-to-close timeout (30 s, in
 * workflows/case-record.ts) expires, as no heartbeat tells the server sooner: that wait is most
 * of this test's time.
 */
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { CaseStatus } from '../domain/case-steps';
import { startNodeService, stopChild, type NodeService } from '../scripts/lib/services.mjs';
import { completeTaskUpdate, type CaseState } from '../workflows/messages';
import { CaseDriver, officials } from './support/case-driver';
import { walkCase } from './support/case-walk';
import { eventually } from './support/eventually';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const { db, pool, temporal } = api.deps;
const root = path.resolve(__dirname, '..');
const workers: NodeService[] = [];

afterAll(async () => {
  await Promise.all(workers.map((w) => stopChild(w.child, 'SIGTERM', 5_000)));
  await api.close();
});

/** The real worker process, as `npm start` runs it, on this test's task queue. */
async function startWorkerProcess(name: string): Promise<NodeService> {
  const service = startNodeService({
    name,
    script: 'worker/main.ts',
    cwd: root,
    // Its notification sender stays off: other suites deliver their own outbox rows meanwhile.
    env: {
      ...process.env,
      TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
      LOG_LEVEL: 'silent',
      NOTIFY_DISPATCHER: 'false',
    },
    logFile: path.join(process.env.TEST_WORK_DIR ?? os.tmpdir(), `${config.TEMPORAL_TASK_QUEUE}-${name}.log`),
    echo: false,
    readyTimeoutMs: 60_000,
  });
  workers.push(service);
  await service.ready;
  return service;
}

/** SIGKILL to the worker's whole process group (tsx's esbuild child included): no drain, no goodbye. */
async function kill(service: NodeService): Promise<void> {
  const exited = new Promise((resolve) => service.child.once('exit', resolve));
  process.kill(-service.child.pid!, 'SIGKILL');
  await exited;
}

/** A transaction of the test's own, holding locks until it is rolled back. */
async function hold(sql: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: config.DATABASE_URL });
  await client.connect();
  await client.query('BEGIN');
  await client.query(sql, params);
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return {
    /** The statements of the backends waiting for this transaction. */
    async waiters(): Promise<string[]> {
      const waiting = await pool.query<{ query: string }>(
        'SELECT query FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
        [rows[0]!.pid],
      );
      return waiting.rows.map((r) => r.query);
    },
    async release(): Promise<void> {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

/** Sends the answer to the open task without waiting for it (the Update completes after the crash). */
function answer(c: CaseDriver, state: CaseState, outcome: string, data: Record<string, unknown>, actorId: string) {
  const task = state.openTask!;
  return c.handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: task.id, outcome, data, actor: { userId: actorId } }],
  });
}

/** What the database holds about a case, in a form two runs of the same path can be compared by. */
async function recorded(caseId: string) {
  const row = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    include: { timeline: { orderBy: { seq: 'asc' } }, tasks: { orderBy: { seq: 'asc' } }, ratings: true },
  });
  const notifications = await db.notification.findMany({ where: { caseId }, select: { event: true, dedupeKey: true } });
  const perEvent: Record<string, number> = {};
  for (const n of notifications) perEvent[n.event] = (perEvent[n.event] ?? 0) + 1;
  return {
    status: row.status as CaseStatus,
    seqs: row.timeline.map((e) => e.seq),
    kinds: row.timeline.map((e) => e.kind),
    tasks: row.tasks.map((t) => [t.step, t.state, t.outcome]),
    taskIds: row.tasks.map((t) => t.id),
    notifications: perEvent,
    dedupeKeys: notifications.map((n) => n.dedupeKey),
    ratings: row.ratings.length,
  };
}

/** Exactly once: seq 0..N without gaps, one row per task and per (notification, recipient), one rating. */
function expectWrittenOnce(r: Awaited<ReturnType<typeof recorded>>) {
  expect(r.status).toBe('closed');
  expect(r.seqs).toEqual(r.seqs.map((_, i) => i));
  expect(new Set(r.taskIds).size).toBe(r.taskIds.length);
  expect(new Set(r.dedupeKeys).size).toBe(r.dedupeKeys.length);
  expect(r.ratings).toBe(1);
}

const same = ({ taskIds: _t, dedupeKeys: _d, ...r }: Awaited<ReturnType<typeof recorded>>) => r;

it('finishes cases whose worker was killed mid-step, writing every row and notification once', async () => {
  const first = await startWorkerProcess('worker-1');
  const people = await officials(db, ['operator', '18073.leader', '18073.officer']);
  const start = () => CaseDriver.start(temporal, config.TEMPORAL_TASK_QUEUE);

  // Three cases brought to the middle: A and C at assign, B at accept.
  const [a, b, c] = await Promise.all([start(), start(), start()]);
  const [atAssignA, atAcceptB, atAssignC] = await Promise.all([
    walkCase(a, db, { until: 'assign' }),
    walkCase(b, db, { until: 'accept' }),
    walkCase(c, db, { until: 'assign' }),
  ]);

  // A: the assignment's transition is being projected when the worker dies.
  const beforeA = await recorded(a.caseId);
  const caseRowA = await hold('SELECT 1 FROM "Case" WHERE id = $1 FOR NO KEY UPDATE', [a.caseId]);
  const assignedA = answer(a, atAssignA, 'assign', { assigneeId: people['18073.officer'] }, people['18073.leader']!);

  // B: the return is projected, its notification to the IOC's operators is on its way.
  const operator = people.operator!;
  const returnedKey = `${b.caseId}:${atAcceptB.openTask!.id}:returned:${operator}:in_app`;
  const outboxB = await hold(
    `INSERT INTO "Notification" (id, "dedupeKey", "caseId", event, channel, recipient, "recipientKind", body, "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, 'case_returned', 'in_app', $3, 'official', 'held by the test', now())`,
    [returnedKey, b.caseId, operator],
  );
  const returnedB = answer(
    b,
    atAcceptB,
    'return',
    { reason: 'Không thuộc thẩm quyền của phường' },
    people['18073.officer']!,
  );

  await eventually(async () =>
    expect(await caseRowA.waiters()).toEqual([expect.stringContaining('UPDATE "public"."Case"')]),
  );
  await eventually(async () => {
    expect(await outboxB.waiters()).toEqual([expect.stringContaining('INSERT INTO "public"."Notification"')]);
    expect((await recorded(b.caseId)).kinds).toContain('returned');
  });
  await kill(first);
  await Promise.all([caseRowA.release(), outboxB.release()]);
  // The killed projection left nothing behind: its transaction died with the worker's connection.
  expect((await recorded(a.caseId)).seqs).toEqual(beforeA.seqs);

  // C: the leader assigns while no worker runs; the Update waits for one.
  const assignedC = answer(c, atAssignC, 'assign', { assigneeId: people['18073.officer'] }, people['18073.leader']!);
  const second = await startWorkerProcess('worker-2');
  expect(second.child.pid).not.toBe(first.child.pid);
  await expect(assignedC).resolves.toMatchObject({ step: 'process', assigneeId: people['18073.officer'] });

  // Controls: the same paths without a crash, on the new worker, while A and B wait for their retries.
  const [happy, returned] = await Promise.all([start(), start()]);
  await Promise.all([
    walkCase(happy, db),
    walkCase(returned, db, { until: 'accept' }).then(async (s) => {
      await answer(returned, s, 'return', { reason: 'Không thuộc thẩm quyền của phường' }, people['18073.officer']!);
      await walkCase(returned, db);
    }),
    walkCase(c, db),
  ]);

  await expect(assignedA).resolves.toMatchObject({ step: 'process' });
  await expect(returnedB).resolves.toMatchObject({ excludedUnitIds: [atAcceptB.unitId] });
  await Promise.all([walkCase(a, db), walkCase(b, db)]);

  const [ra, rb, rc, rHappy, rReturned] = await Promise.all([
    recorded(a.caseId),
    recorded(b.caseId),
    recorded(c.caseId),
    recorded(happy.caseId),
    recorded(returned.caseId),
  ]);
  for (const r of [ra, rb, rc, rHappy, rReturned]) expectWrittenOnce(r);
  expect(same(ra)).toEqual(same(rHappy));
  expect(same(rc)).toEqual(same(rHappy));
  expect(same(rb)).toEqual(same(rReturned));
  expect(rb.notifications.case_returned).toBeGreaterThanOrEqual(1);
  expect(rb.dedupeKeys).toContain(returnedKey);
  expect(rHappy.kinds).toEqual([
    'received',
    'verification_started',
    'verified',
    'routed',
    'accepted',
    'processing_started',
    'reply_submitted',
    'reply_published',
    'rated',
    'closed',
  ]);
}, 120_000);
