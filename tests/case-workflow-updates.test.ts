/**
 * The case workflow's Updates against a dev server: their validators refuse a stale task, an
 * outcome the step does not have, missing data, and what the case's step does not allow now,
 * without leaving any trace; an Update sent again with the same id changes nothing twice.
 */
import { randomUUID } from 'node:crypto';
import type { CaseDriver } from './support/case-driver';
import { caseRecord, refusalOf, tasksOf, TEXT, timelineOf } from './support/case-driver';
import { caseSuite } from './support/case-suite';

const { db, people, start } = caseSuite();

/** What a refused Update must leave as it was: the workflow's state, the projection, the history's Updates. */
async function trace(c: CaseDriver) {
  await c.quiet((s) => s.openTask !== null || s.step === 'rate');
  const { events } = await c.handle.fetchHistory();
  return {
    state: await c.state(),
    timeline: await timelineOf(db, c.caseId),
    tasks: await tasksOf(db, c.caseId),
    updates: events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length,
  };
}

describe('refusals by the completeTask validator', () => {
  it('refuses a task already completed (TASK_NOT_OPEN), or one that never existed', async () => {
    const c = await start();
    const verify = await c.openTask('verify');
    await c.completeTask(verify, 'accept', {}, people.operator!, 'verify-first');
    await c.settled((s) => s.openTask?.step === 'accept');
    const before = await trace(c);
    const again = await refusalOf(
      c.completeTask(verify, 'reject', { reason: TEXT.reason }, people.operator!, 'verify-second'),
    );
    expect(again).toMatchObject({ type: 'TASK_NOT_OPEN', nonRetryable: true });
    expect(await refusalOf(c.completeTask(randomUUID(), 'accept', {}, people['18073.officer']!))).toMatchObject({
      type: 'TASK_NOT_OPEN',
    });
    expect(await trace(c)).toEqual(before);
  });

  it('refuses an outcome the step does not have (OUTCOME_NOT_ALLOWED)', async () => {
    const c = await start();
    const verify = await c.openTask('verify');
    const before = await trace(c);
    const refusal = await refusalOf(c.completeTask(verify, 'approve', {}, people.operator!));
    expect(refusal.type).toBe('OUTCOME_NOT_ALLOWED');
    expect(refusal.message).toContain('accept, reject, duplicate, request_info');
    expect(await trace(c)).toEqual(before);
  });

  it('refuses answers that lack their data (INVALID_DATA), naming the fields', async () => {
    const c = await start();
    const verify = await c.openTask('verify');
    const before = await trace(c);
    const noReason = await refusalOf(c.completeTask(verify, 'reject', {}, people.operator!));
    expect(noReason).toMatchObject({ type: 'INVALID_DATA', details: [{ reason: { code: 'required' } }] });
    const shortReason = await refusalOf(c.completeTask(verify, 'reject', { reason: 'x' }, people.operator!));
    expect(shortReason).toMatchObject({ type: 'INVALID_DATA', details: [{ reason: { code: 'too_short' } }] });
    const noQuestion = await refusalOf(c.completeTask(verify, 'request_info', {}, people.operator!));
    expect(noQuestion).toMatchObject({ type: 'INVALID_DATA', details: [{ question: { code: 'required' } }] });
    const noActor = await refusalOf(
      c.handle.executeUpdate('completeTask', { args: [{ taskId: verify, outcome: 'accept', data: {}, actor: {} }] }),
    );
    expect(noActor).toMatchObject({ type: 'INVALID_DATA', details: [{ actor: { code: 'required' } }] });
    expect(await trace(c)).toEqual(before);

    // A reply needs its text and at least one proof attachment.
    await c.acceptAndAssign(people, '18073');
    const process = await c.openTask('process');
    const atProcess = await trace(c);
    const officer = people['18073.officer']!;
    const noProof = await refusalOf(c.completeTask(process, 'reply', { reply: TEXT.reply }, officer));
    expect(noProof).toMatchObject({ type: 'INVALID_DATA' });
    expect(['required', 'too_few']).toContain(
      (noProof.details?.[0] as Record<string, { code: string }>).attachmentIds?.code,
    );
    const emptyProof = await refusalOf(
      c.completeTask(process, 'reply', { reply: TEXT.reply, attachmentIds: [] }, officer),
    );
    expect(emptyProof).toMatchObject({ type: 'INVALID_DATA', details: [{ attachmentIds: { code: 'too_few' } }] });
    const noText = await refusalOf(c.completeTask(process, 'reply', { attachmentIds: [randomUUID()] }, officer));
    expect(noText).toMatchObject({ type: 'INVALID_DATA', details: [{ reply: { code: 'required' } }] });
    expect(await trace(c)).toEqual(atProcess);
  });

  it('refuses a manual routing without a unit, an assignment without an official', async () => {
    const c = await start({ categoryCode: 'khac', location: { address: 'Khu vực giáp ranh, chưa rõ xã' } });
    await c.complete('verify', 'accept', {}, people.operator!);
    const route = await c.openTask('route');
    let before = await trace(c);
    expect(await refusalOf(c.completeTask(route, 'route', {}, people.operator!))).toMatchObject({
      type: 'INVALID_DATA',
      details: [{ unitId: { code: 'required' } }],
    });
    expect(await refusalOf(c.completeTask(route, 'route', { unitId: 'SXD' }, people.operator!))).toMatchObject({
      type: 'INVALID_DATA',
      details: [{ unitId: { code: 'invalid_format' } }],
    });
    expect(await trace(c)).toEqual(before);

    const unit = (await db.unit.findUniqueOrThrow({ where: { code: '18073' } })).id;
    await c.complete('route', 'route', { unitId: unit }, people.operator!);
    await c.complete('accept', 'accept', {}, people['18073.officer']!);
    const assign = await c.openTask('assign');
    before = await trace(c);
    expect(await refusalOf(c.completeTask(assign, 'assign', {}, people['18073.leader']!))).toMatchObject({
      type: 'INVALID_DATA',
      details: [{ assigneeId: { code: 'required' } }],
    });
    expect(await trace(c)).toEqual(before);
  });
});

describe("refusals of the reporter's Updates", () => {
  it('refuses a rating before the reply, and information nobody asked for (NOT_ALLOWED_NOW)', async () => {
    const c = await start();
    const before = await trace(c);
    expect(await refusalOf(c.rate(5))).toMatchObject({ type: 'NOT_ALLOWED_NOW' });
    expect(await refusalOf(c.supplyInfo('Số 12 ngõ 5'))).toMatchObject({ type: 'NOT_ALLOWED_NOW' });
    expect(await trace(c)).toEqual(before);
    expect((await caseRecord(db, c.caseId)).ratings).toEqual([]);
  });

  it('refuses a score outside 1 to 5 when a rating is awaited', async () => {
    const c = await start();
    await c.acceptAndAssign(people, '18073');
    await c.replyAndApprove(people, '18073');
    const before = await trace(c);
    expect(await refusalOf(c.rate(6))).toMatchObject({
      type: 'INVALID_DATA',
      details: [{ score: { code: 'invalid_choice' } }],
    });
    expect(await trace(c)).toEqual(before);
  });
});

describe('idempotency', () => {
  it('the same completeTask sent twice with one update id answers the same and moves the case once', async () => {
    const c = await start();
    const verify = await c.openTask('verify');
    const first = await c.completeTask(verify, 'accept', {}, people.operator!, 'idem-verify');
    const second = await c.completeTask(verify, 'accept', {}, people.operator!, 'idem-verify');
    expect(second).toEqual(first);
    expect(first).toMatchObject({ status: 'awaiting_acceptance', step: 'accept' });

    // Sent twice at once, too.
    const accept = first.openTask!.id;
    const [a, b] = await Promise.all([
      c.completeTask(accept, 'accept', {}, people['18073.officer']!, 'idem-accept'),
      c.completeTask(accept, 'accept', {}, people['18073.officer']!, 'idem-accept'),
    ]);
    expect(b).toEqual(a);
    expect(a).toMatchObject({ status: 'processing', step: 'assign' });

    expect((await timelineOf(db, c.caseId)).map(([kind]) => kind)).toEqual([
      'received',
      'verification_started',
      'verified',
      'routed',
      'accepted',
    ]);
    expect(await tasksOf(db, c.caseId)).toEqual([
      ['verify', 'done', 'accept'],
      ['accept', 'done', 'accept'],
      ['assign', 'open', null],
    ]);
    const { events } = await c.handle.fetchHistory();
    expect(
      events!.filter((e) =>
        e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId?.startsWith('idem-'),
      ),
    ).toHaveLength(2);
  });
});
