/**
 * The case workflow's Updates in the fast unit tier: what each accepts (its answer is the state
 * after its own change) and what its validator refuses, with the refusal type the API maps to 409
 * or 422. A refusal never reaches the history: the case does not move and nothing is projected.
 */
import { randomUUID } from 'node:crypto';
import type { CaseDriver } from '../tests/support/case-driver';
import { refusalOf, TEXT } from '../tests/support/case-driver';
import { caseWorkflowUnit, PEOPLE as people, toProcessing, toRating } from '../tests/support/case-workflow-unit';

const unit = caseWorkflowUnit(async (env) => ({ clock: () => env.currentTimeMs() }));
const { startCase, kinds } = unit;

/** Runs the refused Update and checks that the case did not move: same state, nothing projected. */
async function refusedWithoutTrace(c: CaseDriver, update: () => Promise<unknown>) {
  const before = await c.state();
  const projected = kinds(c).length;
  const refusal = await refusalOf(update());
  expect(await c.state()).toEqual(before);
  expect(kinds(c)).toHaveLength(projected);
  return refusal;
}

describe('completeTask', () => {
  it('answers with the case moved on, once, however often the same Update is sent', async () => {
    const c = await startCase();
    const open = await c.settled();
    const taskId = open.openTask!.id;
    const answer = await c.completeTask(taskId, 'accept', {}, people.operator, 'verify-once');
    expect(answer.version).toBeGreaterThan(open.version);
    expect(answer).toMatchObject({ step: 'accept', status: 'awaiting_acceptance' });
    // The API retries with the same Update id (a lost response): Temporal answers it again, the case moves once.
    const again = await c.completeTask(taskId, 'accept', {}, people.operator, 'verify-once');
    expect(again).toEqual(answer);
    expect(kinds(c)).toEqual(['verification_started', 'verified', 'routed']);
  });

  it('refuses a task that is not the open one: 409 TASK_NOT_OPEN', async () => {
    const c = await startCase();
    const open = await c.settled();
    const unknown = await refusedWithoutTrace(c, () => c.completeTask(randomUUID(), 'accept', {}, people.operator));
    expect(unknown).toMatchObject({ type: 'TASK_NOT_OPEN' });

    await c.complete('verify', 'accept', {}, people.operator);
    // The verify task again, now done, with a new Update id: refused, the accept task is untouched.
    const done = await refusedWithoutTrace(c, () => c.completeTask(open.openTask!.id, 'accept', {}, people.operator));
    expect(done).toMatchObject({ type: 'TASK_NOT_OPEN', message: expect.stringContaining(open.openTask!.id) });
  });

  it('refuses an outcome the step does not have: 409 OUTCOME_NOT_ALLOWED, naming the allowed ones', async () => {
    const c = await startCase();
    const taskId = await c.openTask('verify');
    const refusal = await refusedWithoutTrace(c, () => c.completeTask(taskId, 'approve', {}, people.operator));
    expect(refusal).toMatchObject({ type: 'OUTCOME_NOT_ALLOWED' });
    expect(refusal.message).toContain('accept, reject, duplicate, request_info');
  });

  it('refuses an answer that lacks its data: 422 INVALID_DATA with the fields', async () => {
    const c = await startCase();
    const taskId = await c.openTask('verify');
    const noReason = await refusedWithoutTrace(c, () => c.completeTask(taskId, 'reject', {}, people.operator));
    expect(noReason).toMatchObject({ type: 'INVALID_DATA' });
    expect(noReason.details?.[0]).toMatchObject({ reason: expect.objectContaining({ code: expect.any(String) }) });

    const itself = await refusedWithoutTrace(c, () =>
      c.completeTask(taskId, 'duplicate', { duplicateOf: c.caseId }, people.operator),
    );
    expect(itself).toMatchObject({ type: 'INVALID_DATA', details: [{ duplicateOf: { code: 'invalid_format' } }] });

    const nobody = await refusedWithoutTrace(c, () => c.completeTask(taskId, 'accept', {}, ''));
    expect(nobody).toMatchObject({ type: 'INVALID_DATA', details: [{ actor: { code: 'required' } }] });

    // Refused three times, the task is still open and takes a valid answer.
    expect(await c.completeTask(taskId, 'reject', { reason: TEXT.reason }, people.operator)).toMatchObject({
      status: 'rejected',
    });
  });
});

describe('supplyInfo', () => {
  it('is refused while no information is awaited: 409 NOT_ALLOWED_NOW', async () => {
    const c = await startCase();
    await c.settled();
    expect(await refusedWithoutTrace(c, () => c.supplyInfo('Số 17 ngõ 4'))).toMatchObject({
      type: 'NOT_ALLOWED_NOW',
    });
  });

  it('refuses an empty or too long answer with 422, then takes a good one, trimmed', async () => {
    const c = await startCase();
    await c.complete('verify', 'request_info', { question: TEXT.question }, people.operator);
    expect(await refusedWithoutTrace(c, () => c.supplyInfo('   '))).toMatchObject({
      type: 'INVALID_DATA',
      details: [{ answer: { code: 'required' } }],
    });
    expect(await refusedWithoutTrace(c, () => c.supplyInfo('x'.repeat(4_001)))).toMatchObject({
      type: 'INVALID_DATA',
      details: [{ answer: { code: 'too_long', params: { maximum: 4_000 } } }],
    });
    const answered = await c.supplyInfo(` ${'x'.repeat(4_000)} `);
    expect(answered).toMatchObject({ status: 'verifying', infoRequest: null });
    expect(unit.world.transitions(c.caseId).find((t) => t.kind === 'info_supplied')!.note).toHaveLength(4_000);
    // Answered: a second answer is refused.
    expect(await refusedWithoutTrace(c, () => c.supplyInfo('Thêm nữa'))).toMatchObject({ type: 'NOT_ALLOWED_NOW' });
  });
});

describe('rate', () => {
  it('is refused before the reply is published: 409 NOT_ALLOWED_NOW', async () => {
    const c = await startCase();
    await toProcessing(c);
    expect(await refusedWithoutTrace(c, () => c.rate(5))).toMatchObject({ type: 'NOT_ALLOWED_NOW' });
  });

  it('refuses a score outside 1-5 or a comment too long with 422, then takes one rating only', async () => {
    const c = await startCase();
    await toProcessing(c);
    await toRating(c);
    for (const score of [0, 6, 4.5]) {
      expect(await refusedWithoutTrace(c, () => c.rate(score))).toMatchObject({
        type: 'INVALID_DATA',
        details: [{ score: { code: 'invalid_choice' } }],
      });
    }
    expect(await refusedWithoutTrace(c, () => c.rate(5, 'x'.repeat(2_001)))).toMatchObject({
      type: 'INVALID_DATA',
      details: [{ comment: { code: 'too_long', params: { maximum: 2_000 } } }],
    });
    const rated = await c.rate(3, 'Tạm được');
    expect(rated).toMatchObject({ status: 'closed', ratingDue: null });
    expect(unit.world.ratings(c.caseId)).toEqual([
      expect.objectContaining({ score: 3, comment: 'Tạm được', round: 0 }),
    ]);
    expect(unit.world.transitions(c.caseId).find((t) => t.kind === 'rated')).toMatchObject({ note: '3/5: Tạm được' });
  });

  it('takes a poor rating to the supervisor, and refuses a second rating meanwhile', async () => {
    const c = await startCase();
    await toProcessing(c);
    await toRating(c);
    const poor = await c.rate(2);
    expect(poor).toMatchObject({ step: 'review', openTask: { step: 'review' } });
    expect(await refusedWithoutTrace(c, () => c.rate(5))).toMatchObject({ type: 'NOT_ALLOWED_NOW' });
  });
});

describe('withdraw', () => {
  it('is refused once processing has started, saying the status', async () => {
    const c = await startCase();
    await c.complete('verify', 'accept', {}, people.operator);
    await c.complete('accept', 'accept', {}, people.officer);
    const refusal = await refusedWithoutTrace(c, () => c.withdraw());
    expect(refusal).toMatchObject({ type: 'NOT_ALLOWED_NOW', message: expect.stringContaining('processing') });
  });

  it('answers a withdrawal once, and refuses a second while the first is carried through', async () => {
    const c = await startCase();
    await c.settled();
    const [first, second] = await Promise.allSettled([c.withdraw('Lần 1'), c.withdraw('Lần 2')]);
    // Whichever came first withdrew the case; the other was refused or came after the end.
    const done = [first, second].filter((r) => r.status === 'fulfilled');
    expect(done).toHaveLength(1);
    // One withdrawal projected. (Its local activity may have run twice: a workflow task is retried
    // when an Update arrives during it; the projection is idempotent by its seq.)
    const withdrawn = unit.world.transitions(c.caseId).filter((t) => t.kind === 'withdrawn');
    expect(new Set(withdrawn.map((t) => t.seq)).size).toBe(1);
    expect(await c.handle.result()).toMatchObject({ status: 'withdrawn' });
  });
});
