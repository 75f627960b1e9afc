/**
 * The regulation's steps, for real: a dev server, a real worker, real activities on the seeded
 * database. Each scenario drives one case with the officials' and the reporter's Updates, then
 * checks the workflow's answers and what it projected to PostgreSQL.
 * This file: the happy path, the operators' verification outcomes, urgent reports.
 * Routing and withdrawal, processing and rating, and the Updates' refusals have their own files.
 */
import { randomUUID } from 'node:crypto';
import { caseRecord, tasksOf, TEXT, timelineOf, unitIdOf } from './support/case-driver';
import { caseSuite } from './support/case-suite';

const { db, people, start, notifications } = caseSuite();

describe('the happy path', () => {
  it('walks every step to close, projecting each to PostgreSQL', async () => {
    const c = await start();
    const thanhSen = await unitIdOf(db, '18073');
    await c.complete('verify', 'accept', {}, people.operator!);
    let state = await c.settled((s) => s.openTask?.step === 'accept');
    expect(state).toMatchObject({
      status: 'awaiting_acceptance',
      unitId: thanhSen,
      openTask: { role: 'officer', unitId: thanhSen, allowedOutcomes: ['accept', 'return'] },
    });
    state = await c.complete('accept', 'accept', {}, people['18073.officer']!);
    expect(state).toMatchObject({ status: 'processing', step: 'assign', openTask: { step: 'assign', role: 'leader' } });
    state = await c.complete('assign', 'assign', { assigneeId: people['18073.officer'] }, people['18073.leader']!);
    expect(state).toMatchObject({
      step: 'process',
      assigneeId: people['18073.officer'],
      openTask: { assigneeId: people['18073.officer'] },
    });
    expect(state.resolutionDeadline).toEqual(expect.any(String));
    state = await c.complete(
      'process',
      'reply',
      { reply: TEXT.reply, attachmentIds: [randomUUID()] },
      people['18073.officer']!,
    );
    expect(state).toMatchObject({ status: 'awaiting_approval', step: 'approve' });
    state = await c.complete('approve', 'approve', {}, people['18073.leader']!);
    expect(state).toMatchObject({ status: 'responded', step: 'rate', openTask: null, ratingDue: expect.any(String) });
    state = await c.rate(5, 'Rất hài lòng');
    expect(state).toMatchObject({ status: 'closed', step: 'close' });
    expect(await c.handle.result()).toMatchObject({ status: 'closed' });

    const row = await caseRecord(db, c.caseId);
    expect(row).toMatchObject({
      status: 'closed',
      step: 'close',
      unitId: thanhSen,
      assigneeId: people['18073.officer'],
      reopenCount: 0,
      duplicateOfId: null,
    });
    expect(row.resolutionDeadline?.toISOString()).toBe(state.resolutionDeadline);
    expect(row.publishedAt).not.toBeNull();
    expect(row.closedAt).not.toBeNull();
    expect(row.acceptedAt).not.toBeNull();
    expect(await timelineOf(db, c.caseId)).toEqual([
      ['received', 'public'],
      ['verification_started', 'public'],
      ['verified', 'public'],
      ['routed', 'public'],
      ['accepted', 'public'],
      ['processing_started', 'internal'],
      ['reply_submitted', 'internal'],
      ['reply_published', 'public'],
      ['rated', 'public'],
      ['closed', 'public'],
    ]);
    expect(await tasksOf(db, c.caseId)).toEqual([
      ['verify', 'done', 'accept'],
      ['accept', 'done', 'accept'],
      ['assign', 'done', 'assign'],
      ['process', 'done', 'reply'],
      ['approve', 'done', 'approve'],
    ]);
    expect(row.tasks.every((t) => t.completedAt !== null && t.completedById !== null)).toBe(true);
    expect(row.ratings).toEqual([expect.objectContaining({ score: 5, round: 0, comment: 'Rất hài lòng' })]);
    // Each entry names who did what it records (the official of the step before it).
    const actors = await db.caseTimelineEntry.findMany({
      where: { caseId: c.caseId },
      orderBy: { seq: 'asc' },
      select: { kind: true, actorId: true },
    });
    expect(Object.fromEntries(actors.map((e) => [e.kind, e.actorId]))).toMatchObject({
      verified: people.operator,
      routed: null, // routed automatically
      accepted: people['18073.officer'],
      processing_started: people['18073.leader'],
      reply_submitted: people['18073.officer'],
      reply_published: people['18073.leader'],
      closed: null,
    });
    // Each new task reaches its role, the process task its assignee, once each.
    expect(await notifications(c.caseId)).toEqual([
      'new_task → 18073.leader', // assign
      'new_task → 18073.leader', // approve
      'new_task → 18073.officer', // accept
      'new_task → operator', // verify
      'task_assigned → 18073.officer', // process
    ]);
  });
});

describe('verification by an operator', () => {
  it('rejects a report with a reason: closed at once, the reason public', async () => {
    const c = await start();
    const state = await c.complete(
      'verify',
      'reject',
      { reason: 'Nội dung không phải phản ánh hiện trường' },
      people.operator!,
    );
    expect(state).toMatchObject({ status: 'rejected', step: 'close', openTask: null, unitId: null });
    expect(await c.handle.result()).toMatchObject({ status: 'rejected' });

    const row = await caseRecord(db, c.caseId);
    expect(row).toMatchObject({ status: 'rejected', step: 'close', unitId: null, assigneeId: null, deadline: null });
    expect(row.closedAt).not.toBeNull();
    expect(await timelineOf(db, c.caseId)).toEqual([
      ['received', 'public'],
      ['verification_started', 'public'],
      ['rejected', 'public'],
    ]);
    expect(row.timeline[2]).toMatchObject({
      note: 'Nội dung không phải phản ánh hiện trường',
      actorId: people.operator,
    });
    expect(row.tasks).toEqual([
      expect.objectContaining({
        step: 'verify',
        state: 'done',
        outcome: 'reject',
        outcomeData: { reason: 'Nội dung không phải phản ánh hiện trường' },
        completedById: people.operator,
      }),
    ]);
  });

  it('marks a report as a duplicate of another case, which goes on untouched', async () => {
    const original = await start();
    const c = await start();
    const state = await c.complete('verify', 'duplicate', { duplicateOf: original.caseId }, people.operator!);
    expect(state).toMatchObject({ status: 'duplicate', step: 'close', openTask: null });
    expect(await c.handle.result()).toMatchObject({ status: 'duplicate' });

    const row = await caseRecord(db, c.caseId);
    expect(row).toMatchObject({ status: 'duplicate', step: 'close', duplicateOfId: original.caseId });
    expect(row.closedAt).not.toBeNull();
    expect(await timelineOf(db, c.caseId)).toEqual([
      ['received', 'public'],
      ['verification_started', 'public'],
      ['duplicate', 'public'],
    ]);
    expect(await tasksOf(db, c.caseId)).toEqual([['verify', 'done', 'duplicate']]);
    expect(await original.settled()).toMatchObject({ status: 'verifying', openTask: { step: 'verify' } });
    expect(await caseRecord(db, original.caseId)).toMatchObject({
      status: 'verifying',
      duplicateOfId: null,
      closedAt: null,
    });
  });

  it('asks the reporter for information, waits for the answer, then verifies again', async () => {
    const c = await start();
    let state = await c.complete('verify', 'request_info', { question: TEXT.question }, people.operator!);
    expect(state).toMatchObject({
      status: 'info_requested',
      openTask: null,
      infoRequest: { question: TEXT.question, due: expect.any(String) },
    });
    expect(state.deadline).toBe(state.infoRequest!.due);
    const firstVerify = (await caseRecord(db, c.caseId)).tasks[0]!.id;
    let row = await caseRecord(db, c.caseId);
    expect(row).toMatchObject({ status: 'info_requested' });
    expect(row.deadline?.toISOString()).toBe(state.infoRequest!.due);

    state = await c.supplyInfo('  Số 12, ngõ 5 đường Hà Huy Tập  ');
    expect(state).toMatchObject({
      status: 'verifying',
      step: 'verify',
      infoRequest: null,
      openTask: { step: 'verify', role: 'operator' },
    });
    expect(state.openTask!.id).not.toBe(firstVerify);
    row = await caseRecord(db, c.caseId);
    expect(await timelineOf(db, c.caseId)).toEqual([
      ['received', 'public'],
      ['verification_started', 'public'],
      ['info_requested', 'reporter'],
      ['info_supplied', 'reporter'],
      ['verification_started', 'public'],
    ]);
    expect(row.timeline.map((e) => e.note).slice(2, 4)).toEqual([TEXT.question, 'Số 12, ngõ 5 đường Hà Huy Tập']);
    expect(await tasksOf(db, c.caseId)).toEqual([
      ['verify', 'done', 'request_info'],
      ['verify', 'open', null],
    ]);

    state = await c.complete('verify', 'accept', {}, people.operator!);
    expect(state).toMatchObject({ status: 'awaiting_acceptance', step: 'accept' });
    // Both verify tasks were the operators'; each was announced once.
    expect(await notifications(c.caseId)).toEqual([
      'new_task → 18073.officer',
      'new_task → operator',
      'new_task → operator',
    ]);
  });
});

describe('urgent reports', () => {
  it("get the urgent policies, stand out in the operators' queue, and alert the area's officials at receipt", async () => {
    const [urgent, normal] = await Promise.all([start({ level: 'urgent' }), start()]);
    const [u, n] = await Promise.all([urgent.quiet(), normal.quiet()]);
    expect(u).toMatchObject({ level: 'urgent', openTask: { step: 'verify', urgent: true } });
    expect(n).toMatchObject({ level: 'normal', openTask: { step: 'verify', urgent: false } });
    // verify: 1 working hour when urgent, 4 otherwise (prisma/seed/sla-policies.ts).
    expect(Date.parse(u.openTask!.due!)).toBeLessThan(Date.parse(n.openTask!.due!));
    const [uTask] = (await caseRecord(db, urgent.caseId)).tasks;
    expect(uTask).toMatchObject({ step: 'verify', state: 'open', urgent: true, role: 'operator' });
    expect(uTask!.due?.toISOString()).toBe(u.openTask!.due);
    expect(await notifications(urgent.caseId)).toEqual([
      'new_task → operator',
      'urgent_report → 18073.leader',
      'urgent_report → 18073.officer',
    ]);
    expect(await notifications(normal.caseId)).toEqual(['new_task → operator']);

    const state = await urgent.complete('verify', 'accept', {}, people.operator!);
    expect(state).toMatchObject({ level: 'urgent', openTask: { step: 'accept', urgent: true } });
    // Accepting it as urgent does not alert the area a second time.
    expect((await notifications(urgent.caseId)).filter((line) => line.startsWith('urgent_report'))).toHaveLength(2);
  });

  it('alerts the area once when an operator raises a report to urgent', async () => {
    const c = await start();
    const state = await c.complete('verify', 'accept', { level: 'urgent' }, people.operator!);
    expect(state).toMatchObject({
      level: 'urgent',
      status: 'awaiting_acceptance',
      openTask: { step: 'accept', urgent: true },
    });
    expect(await caseRecord(db, c.caseId)).toMatchObject({ level: 'urgent' });
    expect(await notifications(c.caseId)).toEqual([
      'new_task → 18073.officer',
      'new_task → operator',
      'urgent_report → 18073.leader',
      'urgent_report → 18073.officer',
    ]);
  });
});
