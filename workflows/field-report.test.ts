/**
 * The case workflow in the fast unit tier (`npm run test:unit`): its real code on Temporal's
 * time-skipping test server, with in-memory activities (tests/support/fake-activities.ts) instead
 * of PostgreSQL. Driven only through its public interface (the Updates, the `state` Query, the
 * result), so the tests hold however its internals are organised. What reaches the database is
 * tested in tests/case-workflow*.test.ts and tests/case-deadlines.test.ts.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { CaseDriver, refusalOf, REPORT, TEXT } from '../tests/support/case-driver';
import { eventually } from '../tests/support/eventually';
import { DEFAULT_POLICIES, fakeWorld, policy, ROUTED_UNIT, type FakeWorld } from '../tests/support/fake-activities';
import { addCaseSearchAttributes, createTimeSkippingEnv, skipTo } from '../tests/support/time-skipping';
import { caseWorkflowBundle } from '../tests/support/workflow-bundle';
import type { CaseState } from './messages';

const ZONE = 'Asia/Ho_Chi_Minh';
const DAY = 86_400_000;
/** How long after a timer's instant its consequence may be recorded (the clock runs on meanwhile). */
const FIRE_SLACK = 60_000;

const people = {
  operator: randomUUID(),
  officer: randomUUID(),
  leader: randomUUID(),
  supervisor: randomUUID(),
};

// Verify: 4 working hours, reminded at 3, overdue to the unit leader at the due, escalated to the
// IOC 8 working hours later (the seed's verify policy).
const POLICIES = [
  policy('verify', { amount: 4, unit: 'hours' }, [
    { level: 1, afterWorkingHours: 0, notify: 'unit_leader' },
    { level: 2, afterWorkingHours: 8, notify: 'ioc_supervisor' },
  ]),
  ...DEFAULT_POLICIES.filter((p) => p.step !== 'verify'),
];

let env: TestWorkflowEnvironment;
let world: FakeWorld;
let taskQueue: string;
let stopWorker: () => Promise<void>;

// One test server and worker for the file: its clock is global and only moves forward, so every
// test reads it and positions cases relative to it (skipTo, env.sleep), never at fixed dates.
beforeAll(async () => {
  env = await createTimeSkippingEnv();
  await addCaseSearchAttributes(env);
  world = fakeWorld({ policies: POLICIES, clock: () => env.currentTimeMs() });
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
afterAll(async () => {
  await stopWorker?.();
  await env?.teardown();
});

const startCase = (report: Partial<typeof REPORT> = {}) => CaseDriver.start(env.client, taskQueue, report);
const kinds = (c: CaseDriver) => world.transitions(c.caseId).map((t) => t.kind);
const events = (list: { event: string }[]) => list.map((n) => n.event);

/** verify → (automatic routing) → accept → assign: the case waits at process. */
async function toProcessing(c: CaseDriver): Promise<CaseState> {
  await c.complete('verify', 'accept', {}, people.operator);
  await c.complete('accept', 'accept', {}, people.officer);
  return c.complete('assign', 'assign', { assigneeId: people.officer }, people.leader);
}

/** process (reply) → approve: the reply is published and the case waits for a rating. */
async function toRating(c: CaseDriver): Promise<CaseState> {
  await c.complete('process', 'reply', { reply: TEXT.reply, attachmentIds: [randomUUID()] }, people.officer);
  return c.complete('approve', 'approve', {}, people.leader);
}

describe('the case workflow with in-memory activities', () => {
  it('answers the receipt once the report is stored, then opens verification', async () => {
    const c = await startCase();
    expect(c.trackingCode).toMatch(/^HT-2026-/);
    const [stored] = world.callsOf('recordReport', c.caseId);
    expect(stored!.input[0]).toMatchObject({ caseId: c.caseId, report: { categoryCode: REPORT.categoryCode } });

    const state = await c.settled((s) => s.openTask?.step === 'verify');
    expect(state).toMatchObject({ status: 'verifying', step: 'verify', trackingCode: c.trackingCode });
    expect(state.openTask).toMatchObject({ role: 'operator', unitId: null, allowedOutcomes: expect.any(Array) });
    await eventually(async () => expect(kinds(c)).toEqual(['verification_started']));
    // The reporter gave a phone number: told of the receipt; the operators of the IOC get the task.
    expect(events(world.reporterNotifications(c.caseId))).toEqual(['case_received']);
    await eventually(async () =>
      expect(world.officialNotifications(c.caseId)).toEqual([
        expect.objectContaining({ event: 'new_task', audience: { unitId: null, roles: ['operator'] } }),
      ]),
    );
  });

  it('walks verify → route → accept → process → approve → respond → rate → close', async () => {
    const c = await startCase();
    const verified = await c.complete('verify', 'accept', {}, people.operator);
    // Routing was automatic: the Update answers with the case waiting at the unit's acceptance.
    expect(verified).toMatchObject({ status: 'awaiting_acceptance', step: 'accept', unitId: ROUTED_UNIT.id });
    expect(world.callsOf('decideRouting', c.caseId)).toHaveLength(0); // decideRouting carries no caseId
    expect(world.calls.filter((call) => call.name === 'decideRouting')).toHaveLength(1);

    const accepted = await c.complete('accept', 'accept', { note: 'Đúng thẩm quyền' }, people.officer);
    expect(accepted).toMatchObject({ status: 'processing', step: 'assign' });
    const assigned = await c.complete('assign', 'assign', { assigneeId: people.officer }, people.leader);
    expect(assigned).toMatchObject({ step: 'process', assigneeId: people.officer });
    expect(assigned.resolutionDeadline).not.toBeNull();
    const replied = await c.complete(
      'process',
      'reply',
      { reply: TEXT.reply, attachmentIds: [randomUUID()] },
      people.officer,
    );
    expect(replied).toMatchObject({ status: 'awaiting_approval', step: 'approve' });
    const published = await c.complete('approve', 'approve', {}, people.leader);
    expect(published).toMatchObject({ status: 'responded', step: 'rate', openTask: null });
    expect(Date.parse(published.ratingDue!)).toBeGreaterThan(Date.now());

    const rated = await c.rate(5, 'Xử lý nhanh');
    expect(rated).toMatchObject({ status: 'closed', step: 'close', openTask: null });
    const result = await c.handle.result();
    expect(result).toMatchObject({ status: 'closed', reopenCount: 0 });

    expect(kinds(c)).toEqual([
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
    // Numbered 1, 2, ... in the order made: the projection's idempotency key.
    expect(world.transitions(c.caseId).map((t) => t.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Each transition closes the task the previous one opened.
    const opened = world.transitions(c.caseId).flatMap((t) => (t.openTask ? [t.openTask.id] : []));
    const closed = world.transitions(c.caseId).flatMap((t) => (t.closeTask ? [t.closeTask.id] : []));
    expect(closed).toEqual(opened);
    expect(world.ratings(c.caseId)).toEqual([
      expect.objectContaining({ caseId: c.caseId, round: 0, score: 5, comment: 'Xử lý nhanh' }),
    ]);
    expect(events(world.reporterNotifications(c.caseId))).toEqual([
      'case_received',
      'case_accepted',
      'reply_published',
      'case_closed',
    ]);
    // Notifications are keyed per occurrence: a retried activity never notifies twice.
    const keys = world.officialNotifications(c.caseId).map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('puts a deadline in working time: a Friday 16:30 report is overdue on Monday 11:00, not over the weekend', async () => {
    const now = DateTime.fromMillis(await env.currentTimeMs(), { zone: ZONE });
    let friday = now.set({ weekday: 5, hour: 16, minute: 30, second: 0, millisecond: 0 });
    if (friday <= now) friday = friday.plus({ weeks: 1 });
    const monday = friday.plus({ days: 3 });
    // 4 working hours from Fri 16:30: 0.5 h on Friday, none at the weekend, 3.5 h on Monday from
    // 07:30 → Mon 11:00; the reminder at 3 h → Mon 10:00. (Plus the fraction of a second the
    // workflow took to start after the clock was put at 16:30.)
    const due = monday.set({ hour: 11, minute: 0 }).toMillis();
    const remindAt = monday.set({ hour: 10, minute: 0 }).toMillis();

    await skipTo(env, friday.toJSDate());
    const c = await startCase();
    const open = await c.settled((s) => s.openTask?.step === 'verify');
    expect(Date.parse(open.deadline!) - due).toBeGreaterThanOrEqual(0);
    expect(Date.parse(open.deadline!) - due).toBeLessThan(FIRE_SLACK);

    // Sunday noon: nothing has fired.
    await env.sleep(monday.minus({ hours: 23 }).toMillis() - (await env.currentTimeMs()));
    expect(await c.state()).toMatchObject({ overdue: false, escalationLevel: 0 });
    expect(kinds(c)).toEqual(['verification_started']);
    expect(events(world.officialNotifications(c.caseId))).toEqual(['new_task']);

    // Monday 11:00 and a bit: reminded at 10:00, overdue to the unit leader at 11:00.
    await env.sleep(due + 2_000 - (await env.currentTimeMs()));
    const overdue = await c.settled((s) => s.overdue);
    expect(overdue).toMatchObject({ escalationLevel: 1, status: 'verifying' });
    await eventually(async () =>
      expect(events(world.officialNotifications(c.caseId))).toEqual(['new_task', 'deadline_reminder', 'overdue']),
    );
    const reminder = world.callsOf('notifyOfficials', c.caseId).find((n) => n.input[0].event === 'deadline_reminder')!;
    expect(reminder.at - remindAt).toBeGreaterThanOrEqual(0);
    expect(reminder.at - remindAt).toBeLessThan(FIRE_SLACK);
    const projected = world.transitions(c.caseId).find((t) => t.kind === 'overdue')!;
    expect(Date.parse(projected.at) - due).toBeGreaterThanOrEqual(0);
    expect(Date.parse(projected.at) - due).toBeLessThan(FIRE_SLACK);
    expect(projected.case).toMatchObject({ overdue: true, escalationLevel: 1 });
    expect(world.officialNotifications(c.caseId).at(-1)).toMatchObject({
      audience: { unitId: null, roles: ['leader'] },
    });

    // Completing the task stops its watch: no escalation follows, days later.
    await c.complete('verify', 'accept', {}, people.operator);
    await env.sleep(3 * DAY);
    expect(kinds(c)).not.toContain('escalated');
    expect(await c.state()).toMatchObject({ overdue: false, escalationLevel: 0, step: 'accept' });
  });

  it('asks the reporter for information, takes the answer, and verifies again', async () => {
    const c = await startCase();
    const asked = await c.complete('verify', 'request_info', { question: TEXT.question }, people.operator);
    expect(asked).toMatchObject({ status: 'info_requested', openTask: null });
    // Due in 5 working days (the settings), computed by the working-time activity.
    const [deadline] = world.calls.filter((call) => call.name === 'workingDeadline');
    expect(deadline!.input[0]).toMatchObject({ amount: 5, unit: 'days' });
    expect(asked.infoRequest).toMatchObject({ question: TEXT.question, due: asked.deadline });
    expect(world.reporterNotifications(c.caseId).at(-1)).toMatchObject({
      event: 'info_requested',
      params: { question: TEXT.question, deadline: asked.deadline },
    });

    const answered = await c.supplyInfo('  Số 17 ngõ 4, gần cổng chợ  ');
    expect(answered).toMatchObject({ status: 'verifying', step: 'verify', infoRequest: null });
    expect(answered.openTask).toMatchObject({ step: 'verify' });
    expect(world.transitions(c.caseId).find((t) => t.kind === 'info_supplied')).toMatchObject({
      note: 'Số 17 ngõ 4, gần cổng chợ', // trimmed
      visibility: 'reporter',
    });
    expect(kinds(c)).toEqual(['verification_started', 'info_requested', 'info_supplied', 'verification_started']);
  });

  it('goes back to verification when the reporter does not answer in time', async () => {
    const c = await startCase();
    const asked = await c.complete('verify', 'request_info', { question: TEXT.question }, people.operator);
    await env.sleep(Date.parse(asked.infoRequest!.due) + 1_000 - (await env.currentTimeMs()));
    const again = await c.settled((s) => s.openTask?.step === 'verify');
    expect(again).toMatchObject({ status: 'verifying', infoRequest: null });
    expect(kinds(c)).toContain('info_request_expired');
    expect(await refusalOf(c.supplyInfo('Quá hạn rồi mới trả lời'))).toMatchObject({ type: 'NOT_ALLOWED_NOW' });
  });

  it('lets the reporter withdraw before processing starts, and not after', async () => {
    const c = await startCase();
    const open = await c.settled((s) => s.openTask?.step === 'verify');
    const withdrawn = await c.withdraw('Đã tự xử lý');
    expect(withdrawn).toMatchObject({ status: 'withdrawn', step: 'close', openTask: null });
    expect(await c.handle.result()).toMatchObject({ status: 'withdrawn' });
    const last = world.transitions(c.caseId).at(-1)!;
    expect(last).toMatchObject({
      kind: 'withdrawn',
      note: 'Đã tự xử lý',
      closeTask: { id: open.openTask!.id, state: 'cancelled' },
    });
    expect(last.case.closedAt).toEqual(expect.any(String));

    const late = await startCase();
    await toProcessing(late);
    expect(await refusalOf(late.withdraw())).toMatchObject({ type: 'NOT_ALLOWED_NOW' });
    expect(await late.state()).toMatchObject({ status: 'processing', step: 'process' });
  });

  it('reopens the case after a poor rating, for a new round with its own deadline', async () => {
    const c = await startCase();
    await toProcessing(c);
    const firstRound = (await c.state()).resolutionDeadline;
    await toRating(c);
    const poor = await c.rate(1, 'Rác vẫn còn');
    expect(poor).toMatchObject({ status: 'responded', step: 'review' });
    expect(poor.openTask).toMatchObject({ step: 'review', role: 'supervisor', unitId: null });

    await env.sleep(DAY); // the new round's deadline counts from the reopening
    const reopened = await c.complete('review', 'reopen', { comment: TEXT.comment }, people.supervisor);
    expect(reopened).toMatchObject({ status: 'processing', step: 'process', reopenCount: 1 });
    expect(Date.parse(reopened.resolutionDeadline!)).toBeGreaterThan(Date.parse(firstRound!));
    expect(reopened.openTask).toMatchObject({ step: 'process', assigneeId: people.officer });

    await toRating(c);
    expect(await c.rate(4)).toMatchObject({ status: 'closed' });
    expect(await c.handle.result()).toMatchObject({ status: 'closed', reopenCount: 1 });
    expect(world.ratings(c.caseId).map((r) => [r.round, r.score])).toEqual([
      [0, 1],
      [1, 4],
    ]);
    expect(kinds(c)).toEqual(
      expect.arrayContaining(['rated', 'review_started', 'reopened', 'processing_started', 'closed']),
    );
    // The reporter is told of each published reply, once per round.
    expect(events(world.reporterNotifications(c.caseId)).filter((e) => e === 'reply_published')).toHaveLength(2);
  });
});
