/**
 * The case workflow against a dev server: routing by an operator when no rule decides, a unit
 * returning a case outside its competence, and the reporter's withdrawal (before processing only).
 */
import { caseRecord, refusalOf, tasksOf, TEXT, timelineOf, unitIdOf } from './support/case-driver';
import { caseSuite } from './support/case-suite';

const { db, people, start, notifications } = caseSuite();

/** "khac" (other) without a commune matches no routing rule (prisma/seed/routing-rules.ts). */
const UNROUTABLE = { categoryCode: 'khac', location: { address: 'Khu vực giáp ranh, chưa rõ xã' } };

describe('routing', () => {
  it('asks an operator to choose the unit when no rule matches', async () => {
    const c = await start(UNROUTABLE);
    const sxd = await unitIdOf(db, 'SXD');
    let state = await c.complete('verify', 'accept', {}, people.operator!);
    expect(state).toMatchObject({
      status: 'routing',
      step: 'route',
      unitId: null,
      openTask: { step: 'route', role: 'operator', unitId: null, allowedOutcomes: ['route'] },
    });
    const row = await caseRecord(db, c.caseId);
    expect(row).toMatchObject({ status: 'routing', step: 'route', unitId: null });
    expect(row.timeline.at(-1)).toMatchObject({
      kind: 'routing_needs_operator',
      visibility: 'internal',
      note: 'no_match',
    });

    state = await c.complete('route', 'route', { unitId: sxd }, people.operator!);
    expect(state).toMatchObject({
      status: 'awaiting_acceptance',
      step: 'accept',
      unitId: sxd,
      openTask: { step: 'accept', role: 'officer', unitId: sxd },
    });
    expect(await caseRecord(db, c.caseId)).toMatchObject({
      status: 'awaiting_acceptance',
      step: 'accept',
      unitId: sxd,
    });
    expect(await timelineOf(db, c.caseId)).toEqual([
      ['received', 'public'],
      ['verification_started', 'public'],
      ['verified', 'public'],
      ['routing_needs_operator', 'internal'],
      ['routed', 'public'],
    ]);
    expect((await caseRecord(db, c.caseId)).timeline.at(-1)).toMatchObject({ actorId: people.operator });
    expect(await tasksOf(db, c.caseId)).toEqual([
      ['verify', 'done', 'accept'],
      ['route', 'done', 'route'],
      ['accept', 'open', null],
    ]);
    expect(await notifications(c.caseId)).toEqual([
      'new_task → SXD.officer',
      'new_task → operator',
      'new_task → operator',
    ]);
  });

  it('re-routes a returned case to another unit, never back to the one that returned it', async () => {
    const c = await start();
    const [thanhSen, snnmt] = await Promise.all([unitIdOf(db, '18073'), unitIdOf(db, 'SNNMT')]);
    await c.complete('verify', 'accept', {}, people.operator!);

    let state = await c.complete('accept', 'return', { reason: TEXT.reason }, people['18073.officer']!);
    // moi-truong in 18073 → the ward (20); without it, the environment department (10).
    expect(state).toMatchObject({
      status: 'awaiting_acceptance',
      step: 'accept',
      unitId: snnmt,
      excludedUnitIds: [thanhSen],
      openTask: { step: 'accept', unitId: snnmt },
    });
    expect(await caseRecord(db, c.caseId)).toMatchObject({ status: 'awaiting_acceptance', unitId: snnmt });
    expect(await timelineOf(db, c.caseId)).toEqual([
      ['received', 'public'],
      ['verification_started', 'public'],
      ['verified', 'public'],
      ['routed', 'public'],
      ['returned', 'internal'],
      ['routed', 'public'],
    ]);
    expect((await caseRecord(db, c.caseId)).timeline[4]).toMatchObject({
      note: TEXT.reason,
      actorId: people['18073.officer'],
    });
    expect(await tasksOf(db, c.caseId)).toEqual([
      ['verify', 'done', 'accept'],
      ['accept', 'done', 'return'],
      ['accept', 'open', null],
    ]);
    expect(await notifications(c.caseId)).toEqual([
      'case_returned → operator',
      'new_task → 18073.officer',
      'new_task → SNNMT.officer',
      'new_task → operator',
    ]);

    // A second return leaves no rule: an operator chooses, told of the returns.
    state = await c.complete('accept', 'return', { reason: 'Việc của chính quyền cơ sở' }, people['SNNMT.officer']!);
    expect(state).toMatchObject({
      status: 'routing',
      step: 'route',
      unitId: null,
      excludedUnitIds: [thanhSen, snnmt],
      openTask: { step: 'route', role: 'operator' },
    });
    expect((await timelineOf(db, c.caseId)).slice(-2)).toEqual([
      ['returned', 'internal'],
      ['routing_needs_operator', 'internal'],
    ]);
    expect(await caseRecord(db, c.caseId)).toMatchObject({ status: 'routing', step: 'route', unitId: null });
    const lines = await notifications(c.caseId);
    expect(lines.filter((l) => l.startsWith('case_returned'))).toEqual([
      'case_returned → operator',
      'case_returned → operator',
    ]);
  });
});

describe('withdrawal by the reporter', () => {
  it('is allowed while the report is being verified: the verify task is cancelled', async () => {
    const c = await start();
    await c.quiet();
    const state = await c.withdraw('Đã được giải quyết');
    expect(state).toMatchObject({ status: 'withdrawn', step: 'close', openTask: null });
    expect(await c.handle.result()).toMatchObject({ status: 'withdrawn' });
    const row = await caseRecord(db, c.caseId);
    expect(row).toMatchObject({ status: 'withdrawn', step: 'close', deadline: null });
    expect(row.closedAt).not.toBeNull();
    expect(await timelineOf(db, c.caseId)).toEqual([
      ['received', 'public'],
      ['verification_started', 'public'],
      ['withdrawn', 'public'],
    ]);
    expect(row.timeline[2]).toMatchObject({ note: 'Đã được giải quyết' });
    expect(await tasksOf(db, c.caseId)).toEqual([['verify', 'cancelled', null]]);
  });

  it('is allowed while information is awaited from the reporter', async () => {
    const c = await start();
    await c.complete('verify', 'request_info', { question: TEXT.question }, people.operator!);
    const state = await c.withdraw();
    expect(state).toMatchObject({ status: 'withdrawn', step: 'close', infoRequest: null, deadline: null });
    expect(await timelineOf(db, c.caseId)).toEqual([
      ['received', 'public'],
      ['verification_started', 'public'],
      ['info_requested', 'reporter'],
      ['withdrawn', 'public'],
    ]);
    expect(await tasksOf(db, c.caseId)).toEqual([['verify', 'done', 'request_info']]);
  });

  it('is allowed while the unit has not accepted yet', async () => {
    const c = await start();
    await c.complete('verify', 'accept', {}, people.operator!);
    const state = await c.withdraw('Nhầm địa điểm');
    expect(state).toMatchObject({ status: 'withdrawn', step: 'close', openTask: null });
    expect(await caseRecord(db, c.caseId)).toMatchObject({ status: 'withdrawn', step: 'close' });
    expect((await timelineOf(db, c.caseId)).at(-1)).toEqual(['withdrawn', 'public']);
    expect(await tasksOf(db, c.caseId)).toEqual([
      ['verify', 'done', 'accept'],
      ['accept', 'cancelled', null],
    ]);
  });

  it('is refused once the unit has accepted, and leaves no trace', async () => {
    const c = await start();
    await c.complete('verify', 'accept', {}, people.operator!);
    const before = await c.complete('accept', 'accept', {}, people['18073.officer']!);
    expect(before).toMatchObject({ status: 'processing', step: 'assign' });
    const timeline = await timelineOf(db, c.caseId);

    const refusal = await refusalOf(c.withdraw('Không cần nữa'));
    expect(refusal).toMatchObject({ type: 'NOT_ALLOWED_NOW' });
    expect(await c.state()).toEqual(before);
    expect(await timelineOf(db, c.caseId)).toEqual(timeline);

    // Nor later, while the official processes it.
    await c.complete('assign', 'assign', { assigneeId: people['18073.officer'] }, people['18073.leader']!);
    expect(await refusalOf(c.withdraw())).toMatchObject({ type: 'NOT_ALLOWED_NOW' });
    expect(await caseRecord(db, c.caseId)).toMatchObject({ status: 'processing', step: 'process', closedAt: null });
  });
});
