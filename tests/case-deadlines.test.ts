/**
 * Deadlines of the case workflow in working time, on Temporal's time-skipping test server: a real
 * worker with the real activities on the seeded database (SLA policies, working calendars of
 * Asia/Ho_Chi_Minh: Mon–Fri 07:30–11:30 and 13:30–17:00, holidays), the server's clock moved with
 * `env.sleep` between checks.
 *
 * Each test has its own test server: the clock only moves forward and is global to a server.
 * Instants are chosen in a "quiet" week (no holiday, no compensatory working day from its Monday
 * to the Friday of the following week, see quietMonday), so the expected instants below are plain
 * arithmetic on the office hours, written out by hand; e.g. for a run on 28/11/2026 the week is
 * Mon 30/11–Fri 04/12/2026 and "Fri 16:30" is 2026-12-04T16:30:00+07:00.
 * A step starts a little after the instant the clock was put at (the workflow runs at wall-clock
 * speed in between), so instants derived from it are checked within startSlack() after the
 * expected one; a consequence (a timeline entry) is checked against the actual instant it follows.
 */
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { createActivities } from '../activities';
import type { OfficialNotification } from '../activities/notify-officials';
import { createDb } from '../platform/db';
import type { fieldReportWorkflow } from '../workflows/field-report';
import { completeTaskUpdate, receiptUpdate, stateQuery, supplyInfoUpdate, type CaseState } from '../workflows/messages';
import { officials, REPORT, unitIdOf } from './support/case-driver';
import { eventually } from './support/eventually';
import { testDataConverter } from './support/payload-keys';
import { bundleWorkflows } from './support/platform';
import { addCaseSearchAttributes, createTimeSkippingEnv, skipTo } from './support/time-skipping';

const ZONE = 'Asia/Ho_Chi_Minh';
const SECOND = 1_000;
/**
 * How long after the clock was positioned a step may start: the server's clock runs on at
 * wall-clock speed while the workflow and its activities work, which on a loaded machine took 25-43 s
 * (a load of 25 on two cores). Measured, not guessed: everything a check looks at happened between
 * the last positioning and the moment the check reads the server's clock, so that gap (at least 3 s)
 * bounds how late the step started. See startSlack().
 */
const MIN_START_SLACK = 3 * SECOND;
/**
 * How long after its timer's instant a consequence may be recorded. 1 s on an idle machine; 1.4 s
 * at a load of 20. The instants this suite tells apart are a minute or more apart (each is
 * checked between two positions of the clock, e.g. 10:59 and 11:01).
 */
const FIRE_SLACK = 10 * SECOND;

const { db, pool } = createDb({ url: process.env.DATABASE_URL! });
let workflowBundle: WorkflowBundle;
let people: Record<string, string>;
let thanhSen: string;
let offDays: Set<string>;
let extraWorkingDays: Set<string>;

beforeAll(async () => {
  workflowBundle = await bundleWorkflows();
  people = await officials(db, ['operator', 'supervisor', '18073.leader', '18073.officer']);
  thanhSen = await unitIdOf(db, '18073');
  const calendars = await db.workingCalendar.findMany();
  const dates = (json: unknown) => (json as { date: string }[]).map((entry) => entry.date);
  offDays = new Set(calendars.flatMap((c) => dates(c.holidays)));
  extraWorkingDays = new Set(calendars.flatMap((c) => dates(c.workingDays)));
});
afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

// ---- the environment of one test -----------------------------------------------------------------

interface Sent extends OfficialNotification {
  /**
   * When the workflow asked for it, in server (workflow) time: an activity task's scheduled time.
   * A local activity's own times are the worker's wall clock: see askedAt.
   */
  at: number;
  local: boolean;
  activityId: string;
}

let env: TestWorkflowEnvironment;
let taskQueue: string;
let sent: Sent[];
let stopWorker: () => Promise<void>;

beforeEach(async () => {
  env = await createTimeSkippingEnv(testDataConverter());
  await addCaseSearchAttributes(env);
  positionedAt = await env.currentTimeMs();
  startLag = 0;
  taskQueue = `deadlines-${randomUUID()}`;
  sent = [];
  const activities = createActivities({
    db,
    trackingCodePrefix: 'HT',
    settings: { ratingWindowDays: 7, infoRequestWorkingDays: 5, reviewRatingAtMost: 2 },
    configTtlMs: 0,
  });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle,
    dataConverter: testDataConverter(),
    activities: {
      ...activities,
      // The real activity, observed: who the workflow meant to notify, and when (in workflow time).
      notifyOfficials: async (notification: OfficialNotification) => {
        const { info } = Context.current();
        sent.push({
          ...notification,
          at: info.currentAttemptScheduledTimestampMs,
          local: info.isLocal,
          activityId: info.activityId,
        });
        return activities.notifyOfficials(notification);
      },
    },
  });
  const running = worker.run();
  stopWorker = async () => {
    worker.shutdown();
    await running;
  };
});
afterEach(async () => {
  await stopWorker?.();
  await env?.teardown();
});

// ---- instants ------------------------------------------------------------------------------------

const isWorkingDay = (day: DateTime) =>
  extraWorkingDays.has(day.toISODate()!) || (day.weekday <= 5 && !offDays.has(day.toISODate()!));

/**
 * The first Monday after the server's clock from which twelve days run as an ordinary office
 * fortnight: Mon–Fri working, Sat–Sun not, Mon–Fri working again (no holiday, no compensatory day).
 */
async function quietMonday(): Promise<DateTime> {
  const now = DateTime.fromMillis(await env.currentTimeMs(), { zone: ZONE });
  let monday = now.startOf('week').plus({ weeks: 1 });
  for (;;) {
    const days = Array.from({ length: 12 }, (_, i) => monday.plus({ days: i }));
    if (days.every((day) => isWorkingDay(day) === day.weekday <= 5)) return monday;
    monday = monday.plus({ weeks: 1 });
  }
}

/** `hh:mm[:ss]` local time on `day`. */
function at(day: DateTime, time: string): DateTime {
  const [hour, minute, second = 0] = time.split(':').map(Number);
  return day.set({ hour, minute, second, millisecond: 0 });
}

const ms = (instant: string | Date | null | undefined) => {
  if (instant === null || instant === undefined) throw new Error('no instant');
  return instant instanceof Date ? instant.getTime() : Date.parse(instant);
};

/** `actual` is `expected` or at most `slack` ms later. */
function expectAt(actual: string | Date | null | undefined, expected: DateTime | number, slack: number): void {
  const want = typeof expected === 'number' ? expected : expected.toMillis();
  const got = ms(actual);
  const local = (t: number) => DateTime.fromMillis(t, { zone: ZONE }).toISO();
  if (got < want || got - want > slack)
    throw new Error(`expected ${local(want)} (or up to ${slack} ms later), got ${local(got)}`);
}

let positionedAt = 0;
let startLag = 0;

/** Puts the server's clock at `instant` (forward only) and remembers it for startSlack(). */
async function positionAt(instant: DateTime): Promise<void> {
  await skipTo(env, instant.toJSDate());
  positionedAt = instant.toMillis();
}

/**
 * The slack for an instant derived from when a step started: the server's time since the clock was
 * last positioned (the step started within it), the largest seen in this test (an instant derived
 * from an earlier step's start carries that step's lag), and at least MIN_START_SLACK.
 */
async function startSlack(): Promise<number> {
  startLag = Math.max(startLag, (await env.currentTimeMs()) - positionedAt);
  return Math.max(MIN_START_SLACK, startLag);
}

/** Moves the server's clock to `instant`, then gives the workflows time to do what the timers passed on the way woke. */
async function advanceTo(instant: DateTime): Promise<void> {
  await positionAt(instant);
  await new Promise((resolve) => setTimeout(resolve, 300));
}

// ---- driving a case ------------------------------------------------------------------------------

type CaseHandle = WorkflowHandle<typeof fieldReportWorkflow>;

/** Starts a case as the API does: the workflow, then the `receipt` Update (stored). */
async function startCase(): Promise<CaseHandle> {
  const caseId = randomUUID();
  const receivedAt = new Date(await env.currentTimeMs()).toISOString();
  const handle = await env.client.workflow.start<typeof fieldReportWorkflow>('fieldReportWorkflow', {
    taskQueue,
    workflowId: caseId,
    args: [{ caseId, report: REPORT, fingerprint: 'test', channel: 'test', receivedAt }],
  });
  await handle.executeUpdate(receiptUpdate, { updateId: 'receipt' });
  return handle;
}

async function settled(handle: CaseHandle, predicate: (state: CaseState) => boolean): Promise<CaseState> {
  return eventually(async () => {
    const state = await handle.query(stateQuery);
    if (!predicate(state)) throw new Error(`not settled: ${JSON.stringify(state)}`);
    return state;
  });
}

/** Completes the open task, which must be at `step`; the Update needs no time to pass. */
async function complete(
  handle: CaseHandle,
  step: string,
  outcome: string,
  data: Record<string, unknown>,
  actorId: string,
): Promise<CaseState> {
  const state = await settled(handle, (s) => s.openTask?.step === step);
  return handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: state.openTask!.id, outcome, data, actor: { userId: actorId } }],
  });
}

const timeline = (handle: CaseHandle) =>
  db.caseTimelineEntry.findMany({ where: { caseId: handle.workflowId }, orderBy: { seq: 'asc' } });
const entries = async (handle: CaseHandle, kind: string) => (await timeline(handle)).filter((e) => e.kind === kind);
const notifications = (handle: CaseHandle, event: string) =>
  db.notification.findMany({ where: { caseId: handle.workflowId, event } });
const requested = (handle: CaseHandle, event: string) =>
  sent.filter((n) => n.caseId === handle.workflowId && n.event === event);

/**
 * When the workflow asked for a notification, in workflow time. A local activity runs inside the
 * workflow task that asked for it and is recorded by a marker event when that task completes; the
 * workflow's clock in that task is the time the task started: the last WorkflowTaskStarted event
 * before the marker.
 */
async function askedAt(handle: CaseHandle, notification: Sent | undefined): Promise<number> {
  if (!notification) throw new Error('no such notification');
  if (!notification.local) return notification.at;
  const events = (await handle.fetchHistory()).events ?? [];
  let taskStarted: (typeof events)[number] | undefined;
  for (const event of events) {
    if (event.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) taskStarted = event;
    const marker = event.markerRecordedEventAttributes;
    const data = marker?.markerName === 'core_local_activity' ? marker.details?.data?.payloads?.[0]?.data : undefined;
    if (!data) continue;
    const recorded = JSON.parse(Buffer.from(data).toString('utf8')) as { activity_id?: string };
    if (recorded.activity_id !== notification.activityId) continue;
    const { seconds, nanos } = taskStarted!.eventTime!;
    return Number(seconds) * 1000 + Math.floor((nanos ?? 0) / 1e6);
  }
  throw new Error(`no marker of local activity ${notification.activityId} in ${handle.workflowId}'s history`);
}
const caseRow = (handle: CaseHandle) => db.case.findUniqueOrThrow({ where: { id: handle.workflowId } });

/** Nothing of the deadline ladder has happened to the case. */
async function expectOnTime(handle: CaseHandle, { reminded }: { reminded: boolean }): Promise<void> {
  expect(await handle.query(stateQuery)).toMatchObject({ overdue: false, escalationLevel: 0 });
  expect(await caseRow(handle)).toMatchObject({ overdue: false, escalationLevel: 0 });
  expect((await timeline(handle)).map((e) => e.kind)).not.toEqual(expect.arrayContaining(['overdue']));
  expect(await entries(handle, 'escalated')).toEqual([]);
  expect(await notifications(handle, 'overdue')).toEqual([]);
  expect(requested(handle, 'overdue')).toEqual([]);
  expect(requested(handle, 'deadline_reminder')).toHaveLength(reminded ? 1 : 0);
}

// ---- the tests -----------------------------------------------------------------------------------

describe('deadlines of the case workflow, in working time', () => {
  it('a report arriving on Friday at 16:30 is reminded, overdue and escalated after the weekend, never during it', async () => {
    const monday = await quietMonday();
    const friday = monday.plus({ days: 4 });
    const nextMonday = monday.plus({ days: 7 });
    const nextTuesday = monday.plus({ days: 8 });
    // Seeded verify policy: 4 working hours, reminder at 75 % of them (3 h), level 1 (unit leader)
    // at the due, level 2 (IOC supervisor) 8 working hours after it. From Fri 16:30:
    // - Fri 16:30–17:00 counts 0.5 h; the weekend counts nothing;
    // - reminder, 3 h: 0.5 h + Mon 07:30–10:00 (2.5 h)             → Mon 10:00
    // - due, 4 h:      0.5 h + Mon 07:30–11:00 (3.5 h)             → Mon 11:00
    // - level 2, due + 8 h: Mon 11:00–11:30 (0.5 h) + 13:30–17:00 (3.5 h) + Tue 07:30–11:30 (4 h)
    //   → Tue 11:30 for a step started at 16:30:00.000. The step starts a fraction of a second
    //   later (the workflow runs at wall-clock speed after the clock is put at 16:30), so every
    //   instant is that fraction later, and level 2 is that fraction past the end of Tuesday
    //   morning: after the lunch break, Tue 13:30 (+ the fraction).
    const start = at(friday, '16:30');
    const remindAt = at(nextMonday, '10:00');
    const due = at(nextMonday, '11:00');
    const level2 = at(nextTuesday, '13:30');

    await positionAt(start);
    const c = await startCase();
    const state = await settled(c, (s) => s.openTask?.step === 'verify');
    // The workflow has decided the task; its row is written by the projection activity right after.
    const task = await eventually(() => db.task.findUniqueOrThrow({ where: { id: state.openTask!.id } }));
    expect(task).toMatchObject({ step: 'verify', state: 'open', role: 'operator' });
    expectAt(task.remindAt, remindAt, await startSlack());
    expectAt(task.due, due, await startSlack());
    expect(state.deadline).toBe(task.due!.toISOString());
    const offset = ms(task.due) - due.toMillis(); // how late the step started after 16:30

    // The weekend: nothing at all.
    await advanceTo(at(friday.plus({ days: 1 }), '12:00'));
    await expectOnTime(c, { reminded: false });
    await advanceTo(at(friday.plus({ days: 2 }), '20:00'));
    await expectOnTime(c, { reminded: false });
    await advanceTo(at(nextMonday, '09:59'));
    await expectOnTime(c, { reminded: false });

    // Mon 10:00: the reminder, to the IOC's operators (the verify task's role); not yet overdue.
    await advanceTo(at(nextMonday, '10:01'));
    await eventually(async () =>
      expect(await notifications(c, 'deadline_reminder')).toEqual([
        expect.objectContaining({ recipient: people.operator }),
      ]),
    );
    const [reminder] = requested(c, 'deadline_reminder');
    expectAt(new Date(await askedAt(c, reminder)), remindAt.toMillis() + offset, FIRE_SLACK);
    await advanceTo(at(nextMonday, '10:59'));
    await expectOnTime(c, { reminded: true });

    // Mon 11:00: overdue, level 1, the unit leader: for the IOC's verify task, the IOC's leaders.
    // (Checked on what the workflow asked notifyOfficials for: the seeded demo accounts give the
    // IOC no leader, so no Notification row results; the process step below checks the rows.)
    await advanceTo(at(nextMonday, '11:01'));
    const [overdue] = await eventually(async () => {
      const found = await entries(c, 'overdue');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(overdue).toMatchObject({ visibility: 'internal', status: 'verifying', step: 'verify' });
    expectAt(overdue!.at, ms(task.due), FIRE_SLACK);
    expect(await c.query(stateQuery)).toMatchObject({ overdue: true, escalationLevel: 1, status: 'verifying' });
    expect(await caseRow(c)).toMatchObject({ overdue: true, escalationLevel: 1 });
    await eventually(async () => expect(requested(c, 'overdue')).toHaveLength(1));
    expect(requested(c, 'overdue')[0]).toMatchObject({ audience: { unitId: null, roles: ['leader'] } });
    expect(await entries(c, 'escalated')).toEqual([]);

    // Tue 13:30: level 2, the IOC supervisor; not during the lunch break.
    for (const time of ['11:29', '11:31', '13:29']) {
      await advanceTo(at(nextTuesday, time));
      expect(await c.query(stateQuery)).toMatchObject({ overdue: true, escalationLevel: 1 });
      expect(await entries(c, 'escalated')).toEqual([]);
    }
    await advanceTo(at(nextTuesday, '13:31'));
    const [escalated] = await eventually(async () => {
      const found = await entries(c, 'escalated');
      expect(found).toHaveLength(1);
      return found;
    });
    expectAt(escalated!.at, level2.toMillis() + offset, FIRE_SLACK);
    expect(await c.query(stateQuery)).toMatchObject({ overdue: true, escalationLevel: 2 });
    expect(await caseRow(c)).toMatchObject({ overdue: true, escalationLevel: 2 });
    await eventually(async () =>
      expect(await notifications(c, 'escalated')).toEqual([expect.objectContaining({ recipient: people.supervisor })]),
    );
    expect(requested(c, 'escalated')).toEqual([
      expect.objectContaining({ audience: { unitId: null, roles: ['supervisor'] } }),
    ]);

    // Overdue never blocks: the operator verifies late and the case moves on, its next step on time.
    const after = await complete(c, 'verify', 'accept', {}, people.operator!);
    expect(after).toMatchObject({
      status: 'awaiting_acceptance',
      step: 'accept',
      unitId: thanhSen,
      overdue: false,
      escalationLevel: 0,
    });
    expect((await timeline(c)).map((e) => e.kind)).toEqual([
      'received',
      'verification_started',
      'overdue',
      'escalated',
      'verified',
      'routed',
    ]);
    expect(await caseRow(c)).toMatchObject({ status: 'awaiting_acceptance', overdue: false, escalationLevel: 0 });
  });

  it('a request for information expires after 5 working days, back to verify; an answer before then returns at once', async () => {
    const monday = await quietMonday();
    const friday = monday.plus({ days: 4 });
    const nextWednesday = monday.plus({ days: 9 });
    const nextFriday = monday.plus({ days: 11 });
    // infoRequestWorkingDays = 5, counted in working days that keep the time of day:
    // Fri 16:30 + Mon, Tue, Wed, Thu, Fri (the weekend does not count) → next Fri 16:30.
    const expires = at(nextFriday, '16:30');
    const question = 'Xin cho biết vị trí chính xác của điểm đổ rác?';

    await positionAt(at(friday, '16:30'));
    const late = await startCase();
    const prompt = await startCase();
    for (const c of [late, prompt]) {
      const state = await complete(c, 'verify', 'request_info', { question }, people.operator!);
      expect(state).toMatchObject({ status: 'info_requested', openTask: null, infoRequest: { question } });
      expectAt(state.infoRequest!.due, expires, await startSlack());
      expect(state.deadline).toBe(state.infoRequest!.due);
    }
    const due = ms((await late.query(stateQuery)).infoRequest!.due);

    // Wed 10:00: one reporter answers; that case is back to verify at once, with a new task.
    // Its deadline counts from the answer: 4 working hours from Wed 10:00 = 10:00–11:30 (1.5 h)
    // + 13:30–16:00 (2.5 h) → Wed 16:00.
    await advanceTo(at(nextWednesday, '10:00'));
    const answered = await prompt.executeUpdate(supplyInfoUpdate, {
      args: [{ answer: 'Ngay cổng chợ Thành Sen, phía đường Hà Huy Tập.' }],
    });
    expect(answered).toMatchObject({
      status: 'verifying',
      step: 'verify',
      infoRequest: null,
      openTask: { step: 'verify', role: 'operator' },
    });
    const [supplied] = await entries(prompt, 'info_supplied');
    expect(supplied).toMatchObject({ visibility: 'reporter', status: 'verifying' });
    expectAt(supplied!.at, at(nextWednesday, '10:00'), await startSlack());
    const newTask = await db.task.findUniqueOrThrow({ where: { id: answered.openTask!.id } });
    expectAt(newTask.due, at(nextWednesday, '16:00'), await startSlack());
    expect(await entries(prompt, 'info_request_expired')).toEqual([]);

    // The other waits until its deadline, not a minute less.
    await advanceTo(at(nextFriday, '16:29'));
    expect(await late.query(stateQuery)).toMatchObject({ status: 'info_requested', openTask: null });
    expect(await entries(late, 'info_request_expired')).toEqual([]);

    await advanceTo(at(nextFriday, '16:31'));
    const state = await settled(late, (s) => s.openTask?.step === 'verify');
    expect(state).toMatchObject({ status: 'verifying', infoRequest: null, openTask: { role: 'operator' } });
    const [expired] = await entries(late, 'info_request_expired');
    expect(expired).toMatchObject({ visibility: 'reporter', status: 'verifying', step: 'verify' });
    expectAt(expired!.at, due, FIRE_SLACK);
    const tasks = await db.task.findMany({ where: { caseId: late.workflowId }, orderBy: { seq: 'asc' } });
    expect(tasks.map((t) => [t.step, t.state, t.outcome])).toEqual([
      ['verify', 'done', 'request_info'],
      ['verify', 'open', null],
    ]);
    expect(await caseRow(late)).toMatchObject({ status: 'verifying', step: 'verify' });
  });

  it('a published reply not rated within 7 days closes the case as unrated', async () => {
    const monday = await quietMonday();
    // ratingWindowDays = 7 calendar days from the publication: Mon 09:00 → next Mon 09:00.
    const published = at(monday, '09:00');
    const closes = at(monday.plus({ days: 7 }), '09:00');
    const officer = people['18073.officer']!;
    const leader = people['18073.leader']!;

    await positionAt(published);
    const c = await startCase();
    await complete(c, 'verify', 'accept', {}, people.operator!);
    await complete(c, 'accept', 'accept', {}, officer);
    await complete(c, 'assign', 'assign', { assigneeId: officer }, leader);
    await complete(
      c,
      'process',
      'reply',
      { reply: 'UBND phường đã thu gom toàn bộ rác thải và xử phạt.', attachmentIds: [randomUUID()] },
      officer,
    );
    const responded = await complete(c, 'approve', 'approve', {}, leader);
    expect(responded).toMatchObject({ status: 'responded', step: 'rate', openTask: null });
    expectAt(responded.ratingDue, closes, await startSlack());
    const [reply] = await entries(c, 'reply_published');
    expectAt(reply!.at, published, await startSlack());

    await advanceTo(at(monday.plus({ days: 7 }), '08:59'));
    expect(await c.query(stateQuery)).toMatchObject({ status: 'responded', step: 'rate' });

    // The time-skipping client skips to the rating deadline while it waits for the result.
    expect(await c.result()).toMatchObject({ status: 'closed', step: 'close', ratingDue: null });
    const [closed] = await entries(c, 'closed_unrated');
    expect(closed).toMatchObject({ visibility: 'public', status: 'closed', actorId: null });
    expectAt(closed!.at, ms(responded.ratingDue), FIRE_SLACK);
    expect((await timeline(c)).map((e) => e.kind).slice(-2)).toEqual(['reply_published', 'closed_unrated']);
    const row = await caseRow(c);
    expect(row).toMatchObject({ status: 'closed', step: 'close' });
    expectAt(row.closedAt, ms(responded.ratingDue), FIRE_SLACK);
    expect(await db.rating.findMany({ where: { caseId: c.workflowId } })).toEqual([]);
  });

  it('an extension granted while the process step is overdue moves its deadline: on time again at the grant, overdue at the new due', async () => {
    const monday = await quietMonday();
    const thursday = monday.plus({ days: 3 });
    const friday = monday.plus({ days: 4 });
    const nextMonday = monday.plus({ days: 7 });
    const nextTuesday = monday.plus({ days: 8 });
    const officer = people['18073.officer']!;
    const leader = people['18073.leader']!;
    // Seeded process policy: 3 working days (the time of day kept), reminder at 75 % of the working
    // time, level 1 at the due, level 2 8 working hours later. From Mon 08:00:
    // - due: Tue, Wed, Thu → Thu 08:00; working time 7 h (Mon) + 7.5 h + 7.5 h + 0.5 h (Thu) = 22.5 h
    // - reminder, 75 % = 16 h 52 min 30 s: 7 h (Mon) + 7.5 h (Tue) + 2 h 22 min 30 s → Wed 09:52:30
    // - level 2: Thu 08:00–11:30 + 13:30–17:00 (7 h) + Fri 07:30–08:30 (1 h) → Fri 08:30
    // The officer asks for 2 working days on Thursday, the leader grants them at Thu 09:00.
    // The extension counts from the old due, keeping the time of day: Fri, Mon → next Mon 08:00;
    // granted working time: 7 h (Thu) + 7.5 h (Fri) + 0.5 h (Mon) = 15 h;
    // - new reminder, 75 % of it = 11.25 h after the old due: 7 h (Thu) + Fri 07:30–11:30 (4 h)
    //   + 13:30–13:45 (0.25 h) → Fri 13:45
    // - new level 2: Mon 08:00–11:30 + 13:30–17:00 (7 h) + Tue 07:30–08:30 (1 h) → Tue 08:30
    const start = at(monday, '08:00');
    const due = at(thursday, '08:00');
    const remindAt = at(monday.plus({ days: 2 }), '09:52:30');
    const newDue = at(nextMonday, '08:00');
    const newRemindAt = at(friday, '13:45');
    const newLevel2 = at(nextTuesday, '08:30');

    await positionAt(start);
    const c = await startCase();
    await complete(c, 'verify', 'accept', {}, people.operator!);
    await complete(c, 'accept', 'accept', {}, officer);
    const processing = await complete(c, 'assign', 'assign', { assigneeId: officer }, leader);
    expect(processing).toMatchObject({ step: 'process', unitId: thanhSen, assigneeId: officer, overdue: false });
    expectAt(processing.resolutionDeadline, due, await startSlack());
    const task = await db.task.findUniqueOrThrow({ where: { id: processing.openTask!.id } });
    expectAt(task.due, due, await startSlack());
    expectAt(task.remindAt, remindAt, await startSlack());
    const offset = ms(task.due) - due.toMillis();

    await advanceTo(at(thursday, '07:59'));
    await expectOnTime(c, { reminded: true });
    expect(requested(c, 'deadline_reminder')).toEqual([expect.objectContaining({ audience: { userIds: [officer] } })]);
    expectAt(
      new Date(await askedAt(c, requested(c, 'deadline_reminder')[0])),
      remindAt.toMillis() + offset,
      FIRE_SLACK,
    );

    // Thu 08:00: overdue, the unit's leader is told.
    await advanceTo(at(thursday, '08:01'));
    const [overdue] = await eventually(async () => {
      const found = await entries(c, 'overdue');
      expect(found).toHaveLength(1);
      return found;
    });
    expectAt(overdue!.at, ms(task.due), FIRE_SLACK);
    expect(await c.query(stateQuery)).toMatchObject({ overdue: true, escalationLevel: 1 });
    await eventually(async () =>
      expect(await notifications(c, 'overdue')).toEqual([expect.objectContaining({ recipient: leader })]),
    );

    // The officer asks for 2 more working days; while the leader decides, the process is still overdue.
    const asked = await complete(
      c,
      'process',
      'request_extension',
      { workingDays: 2, reason: 'Cần phối hợp với công ty môi trường đô thị.' },
      officer,
    );
    expect(asked).toMatchObject({
      step: 'extension',
      openTask: { step: 'extension', role: 'leader' },
      overdue: true,
      escalationLevel: 1,
    });
    await advanceTo(at(thursday, '09:00'));
    const granted = await complete(c, 'extension', 'grant', { workingDays: 2 }, leader);
    expect(granted).toMatchObject({
      step: 'process',
      overdue: false,
      escalationLevel: 0,
      openTask: { step: 'process', assigneeId: officer },
    });
    expectAt(granted.resolutionDeadline, newDue, await startSlack());
    expect(granted.resolutionDeadline).toBe(
      new Date(ms(task.due) + (newDue.toMillis() - due.toMillis())).toISOString(),
    );
    expect(granted.openTask!.due).toBe(granted.resolutionDeadline);
    expect(await caseRow(c)).toMatchObject({ overdue: false, escalationLevel: 0 });
    const [grant] = await entries(c, 'extension_granted');
    expectAt(grant!.at, at(thursday, '09:00'), await startSlack());
    const newTask = await db.task.findUniqueOrThrow({ where: { id: granted.openTask!.id } });
    expectAt(newTask.due, newDue.toMillis() + offset, 0);
    expectAt(newTask.remindAt, newRemindAt.toMillis() + offset, 0);

    // The old ladder is gone: nothing at the old level-2 instant (Fri 08:30).
    await advanceTo(at(friday, '08:31'));
    expect(await c.query(stateQuery)).toMatchObject({ overdue: false, escalationLevel: 0 });
    expect(await entries(c, 'escalated')).toEqual([]);
    expect(requested(c, 'escalated')).toEqual([]);

    // Fri 13:45: reminded again before the new due.
    await advanceTo(at(friday, '13:46'));
    await eventually(async () => expect(requested(c, 'deadline_reminder')).toHaveLength(2));
    expectAt(
      new Date(await askedAt(c, requested(c, 'deadline_reminder')[1])),
      newRemindAt.toMillis() + offset,
      FIRE_SLACK,
    );

    // The new due, next Monday 08:00 (not at the weekend): overdue again, level 1.
    await advanceTo(at(nextMonday, '07:59'));
    expect(await c.query(stateQuery)).toMatchObject({ overdue: false, escalationLevel: 0 });
    expect(await entries(c, 'overdue')).toHaveLength(1);
    await advanceTo(at(nextMonday, '08:01'));
    const again = await eventually(async () => {
      const found = await entries(c, 'overdue');
      expect(found).toHaveLength(2);
      return found[1];
    });
    expectAt(again!.at, newDue.toMillis() + offset, FIRE_SLACK);
    expect(await c.query(stateQuery)).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(await caseRow(c)).toMatchObject({ overdue: true, escalationLevel: 1 });
    await eventually(async () => expect(await notifications(c, 'overdue')).toHaveLength(2));

    // And level 2 at the new ladder's instant, Tue 08:30.
    await advanceTo(at(nextTuesday, '08:29'));
    expect(await entries(c, 'escalated')).toEqual([]);
    await advanceTo(at(nextTuesday, '08:31'));
    const [escalated] = await eventually(async () => {
      const found = await entries(c, 'escalated');
      expect(found).toHaveLength(1);
      return found;
    });
    expectAt(escalated!.at, newLevel2.toMillis() + offset, FIRE_SLACK);
    expect(await c.query(stateQuery)).toMatchObject({ overdue: true, escalationLevel: 2 });
    await eventually(async () =>
      expect(await notifications(c, 'escalated')).toEqual([expect.objectContaining({ recipient: people.supervisor })]),
    );
  });
});
