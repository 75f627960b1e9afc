/**
 * The regulation's steps, for real: a dev server, a real worker, real activities on the seeded
 * database. Each scenario drives one case with the officials' and the reporter's Updates.
 */
import { randomUUID } from 'node:crypto';
import { CaseDriver, officials, unitIdOf } from './support/case-driver';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const { db, temporal } = api.deps;
let worker: Awaited<ReturnType<typeof startWorker>>;
let people: Record<string, string>;
const start = (report = {}) => CaseDriver.start(temporal, config.TEMPORAL_TASK_QUEUE, report);
const proof = [randomUUID()];

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  people = await officials(db, ['operator', 'supervisor', '18073.leader', '18073.officer', 'SXD.leader', 'SXD.officer']);
});
afterAll(async () => {
  await worker.stop();
  await api.close();
});

describe('the case workflow', () => {
  it('walks the happy path to close, projecting every step to PostgreSQL', async () => {
    const c = await start();
    const thanhSen = await unitIdOf(db, '18073');
    await c.complete('verify', 'accept', {}, people.operator!);
    let state = await c.settled((s) => s.openTask?.step === 'accept');
    expect(state).toMatchObject({ status: 'awaiting_acceptance', unitId: thanhSen, openTask: { role: 'officer', unitId: thanhSen, allowedOutcomes: ['accept', 'return'] } });
    state = await c.complete('accept', 'accept', {}, people['18073.officer']!);
    expect(state).toMatchObject({ status: 'processing', step: 'assign', openTask: { step: 'assign', role: 'leader' } });
    state = await c.complete('assign', 'assign', { assigneeId: people['18073.officer'] }, people['18073.leader']!);
    expect(state).toMatchObject({ step: 'process', assigneeId: people['18073.officer'], openTask: { assigneeId: people['18073.officer'] } });
    expect(state.resolutionDeadline).toEqual(expect.any(String));
    state = await c.complete('process', 'reply', { reply: 'Kính gửi Ông/Bà, UBND phường đã thu gom rác và xử phạt.', attachmentIds: proof }, people['18073.officer']!);
    expect(state).toMatchObject({ status: 'awaiting_approval', step: 'approve' });
    state = await c.complete('approve', 'approve', {}, people['18073.leader']!);
    expect(state).toMatchObject({ status: 'responded', step: 'rate', openTask: null, ratingDue: expect.any(String) });
    state = await c.rate(5, 'Rất hài lòng');
    expect(state).toMatchObject({ status: 'closed', step: 'close' });
    expect(await c.handle.result()).toMatchObject({ status: 'closed' });

    const row = await db.case.findUniqueOrThrow({ where: { id: c.caseId }, include: { timeline: { orderBy: { seq: 'asc' } }, tasks: { orderBy: { seq: 'asc' } }, ratings: true } });
    expect(row).toMatchObject({ status: 'closed', step: 'close', unitId: thanhSen, assigneeId: people['18073.officer'] });
    expect(row.publishedAt).not.toBeNull();
    expect(row.closedAt).not.toBeNull();
    expect(row.acceptedAt).not.toBeNull();
    expect(row.timeline.map((e) => e.kind)).toEqual([
      'received', 'verification_started', 'verified', 'routed', 'accepted', 'processing_started', 'reply_submitted', 'reply_published', 'rated', 'closed',
    ]);
    expect(row.tasks.map((t) => [t.step, t.state, t.outcome])).toEqual([
      ['verify', 'done', 'accept'], ['accept', 'done', 'accept'], ['assign', 'done', 'assign'], ['process', 'done', 'reply'], ['approve', 'done', 'approve'],
    ]);
    expect(row.ratings).toEqual([expect.objectContaining({ score: 5, round: 0, comment: 'Rất hài lòng' })]);
  });
});
