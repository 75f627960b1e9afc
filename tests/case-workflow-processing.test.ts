/**
 * The case workflow against a dev server, from the unit's work to the end: extensions granted
 * and denied, a reply sent back at approval, an unsatisfied rating reviewed (reopened or closed),
 * and the worst case a real case may take, which must stay far below Temporal's history limits.
 */
import { randomUUID } from 'node:crypto';
import { caseRecord, tasksOf, TEXT, timelineOf, unitIdOf } from './support/case-driver';
import { caseSuite } from './support/case-suite';

const { db, people, start, notifications } = caseSuite();
const proof = () => ({ reply: TEXT.reply, attachmentIds: [randomUUID()] });

describe('extensions', () => {
  it('a granted extension moves the resolution deadline by the working days granted', async () => {
    const c = await start();
    const thanhSen = await unitIdOf(db, '18073');
    const assigned = await c.acceptAndAssign(people, '18073');
    const firstDeadline = assigned.resolutionDeadline!;
    expect(assigned.openTask).toMatchObject({ step: 'process', due: firstDeadline });

    let state = await c.complete(
      'process',
      'request_extension',
      { workingDays: 2, reason: 'Cần phối hợp với đơn vị thu gom' },
      people['18073.officer']!,
    );
    expect(state).toMatchObject({
      status: 'processing',
      step: 'extension',
      openTask: { step: 'extension', role: 'leader', unitId: thanhSen },
      resolutionDeadline: firstDeadline,
    });
    expect(await caseRecord(db, c.caseId)).toMatchObject({ status: 'processing', step: 'extension' });

    state = await c.complete('extension', 'grant', { workingDays: 2 }, people['18073.leader']!);
    expect(state).toMatchObject({
      status: 'processing',
      step: 'process',
      openTask: { step: 'process', assigneeId: people['18073.officer'] },
    });
    // Two working days: at least two calendar days later, the process task due with it.
    expect(Date.parse(state.resolutionDeadline!) - Date.parse(firstDeadline)).toBeGreaterThanOrEqual(2 * 86_400_000);
    expect(state.openTask!.due).toBe(state.resolutionDeadline);
    const row = await caseRecord(db, c.caseId);
    expect(row.resolutionDeadline?.toISOString()).toBe(state.resolutionDeadline);
    expect(row.tasks.at(-1)!.due?.toISOString()).toBe(state.resolutionDeadline);
    expect((await timelineOf(db, c.caseId)).slice(5)).toEqual([
      ['processing_started', 'internal'],
      ['extension_requested', 'internal'],
      ['extension_granted', 'public'],
      ['processing_started', 'internal'],
    ]);
    expect((await tasksOf(db, c.caseId)).slice(3)).toEqual([
      ['process', 'done', 'request_extension'],
      ['extension', 'done', 'grant'],
      ['process', 'open', null],
    ]);
    const lines = await notifications(c.caseId);
    expect(lines.filter((l) => l.startsWith('extension_decided'))).toEqual(['extension_decided → 18073.officer']);
    expect(lines.filter((l) => l === 'new_task → 18073.leader')).toHaveLength(1); // assign
    expect(lines.filter((l) => l.startsWith('extension_requested'))).toEqual(['extension_requested → 18073.leader']);

    state = await c.replyAndApprove(people, '18073');
    expect(state).toMatchObject({ status: 'responded', step: 'rate' });
  });

  it('a denied extension keeps the deadline and sends the official back to work', async () => {
    const c = await start();
    const { resolutionDeadline } = await c.acceptAndAssign(people, '18073');
    await c.complete(
      'process',
      'request_extension',
      { workingDays: 5, reason: 'Chờ kết quả giám định mẫu nước' },
      people['18073.officer']!,
    );
    const state = await c.complete(
      'extension',
      'deny',
      { reason: 'Đủ thời gian xử lý theo quy định' },
      people['18073.leader']!,
    );
    expect(state).toMatchObject({
      status: 'processing',
      step: 'process',
      resolutionDeadline,
      openTask: { step: 'process', due: resolutionDeadline },
    });
    const row = await caseRecord(db, c.caseId);
    expect(row.resolutionDeadline?.toISOString()).toBe(resolutionDeadline);
    expect((await timelineOf(db, c.caseId)).slice(-3)).toEqual([
      ['extension_requested', 'internal'],
      ['extension_denied', 'internal'],
      ['processing_started', 'internal'],
    ]);
    expect(row.timeline.at(-2)).toMatchObject({
      note: 'Đủ thời gian xử lý theo quy định',
      actorId: people['18073.leader'],
    });
    expect((await tasksOf(db, c.caseId)).slice(-3)).toEqual([
      ['process', 'done', 'request_extension'],
      ['extension', 'done', 'deny'],
      ['process', 'open', null],
    ]);
    expect((await notifications(c.caseId)).filter((l) => l.startsWith('extension_decided'))).toEqual([
      'extension_decided → 18073.officer',
    ]);
  });
});

describe('approval', () => {
  it('a reply sent back returns to the official, keeping the deadline, until approved', async () => {
    const c = await start();
    const { resolutionDeadline } = await c.acceptAndAssign(people, '18073');
    await c.complete('process', 'reply', proof(), people['18073.officer']!);
    let state = await c.complete('approve', 'send_back', { comment: TEXT.comment }, people['18073.leader']!);
    expect(state).toMatchObject({
      status: 'processing',
      step: 'process',
      resolutionDeadline,
      openTask: { step: 'process', assigneeId: people['18073.officer'] },
    });
    expect(await caseRecord(db, c.caseId)).toMatchObject({ status: 'processing', step: 'process' });
    expect((await caseRecord(db, c.caseId)).timeline.at(-1)).toMatchObject({
      kind: 'processing_started',
      note: TEXT.comment,
    });

    state = await c.replyAndApprove(people, '18073');
    expect(state).toMatchObject({ status: 'responded', step: 'rate' });
    expect((await timelineOf(db, c.caseId)).slice(5)).toEqual([
      ['processing_started', 'internal'],
      ['reply_submitted', 'internal'],
      ['sent_back', 'internal'],
      ['processing_started', 'internal'],
      ['reply_submitted', 'internal'],
      ['reply_published', 'public'],
    ]);
    expect((await tasksOf(db, c.caseId)).slice(3)).toEqual([
      ['process', 'done', 'reply'],
      ['approve', 'done', 'send_back'],
      ['process', 'done', 'reply'],
      ['approve', 'done', 'approve'],
    ]);
    expect((await notifications(c.caseId)).filter((l) => l.startsWith('task_assigned'))).toEqual([
      'task_assigned → 18073.officer',
      'task_assigned → 18073.officer',
    ]);
  });
});

describe('rating and review', () => {
  it('an unsatisfied rating goes to a supervisor, who reopens the case to the same unit; the next rating closes it', async () => {
    const c = await start();
    const thanhSen = await unitIdOf(db, '18073');
    const { resolutionDeadline } = await c.acceptAndAssign(people, '18073');
    await c.replyAndApprove(people, '18073');
    let state = await c.rate(2, 'Rác vẫn còn');
    expect(state).toMatchObject({
      status: 'responded',
      step: 'review',
      ratingDue: null,
      openTask: { step: 'review', role: 'supervisor', unitId: null },
    });
    expect(await caseRecord(db, c.caseId)).toMatchObject({ status: 'responded', step: 'review' });

    state = await c.complete(
      'review',
      'reopen',
      { comment: 'Đề nghị xử lý dứt điểm điểm tập kết rác' },
      people.supervisor!,
    );
    expect(state).toMatchObject({
      status: 'processing',
      step: 'process',
      reopenCount: 1,
      unitId: thanhSen,
      assigneeId: people['18073.officer'],
      openTask: { step: 'process', assigneeId: people['18073.officer'] },
    });
    // A new round, a new deadline for the unit.
    expect(Date.parse(state.resolutionDeadline!)).toBeGreaterThanOrEqual(Date.parse(resolutionDeadline!));
    expect(await caseRecord(db, c.caseId)).toMatchObject({
      status: 'processing',
      step: 'process',
      reopenCount: 1,
      closedAt: null,
    });

    await c.replyAndApprove(people, '18073');
    state = await c.rate(4);
    expect(state).toMatchObject({ status: 'closed', step: 'close', reopenCount: 1 });
    expect(await c.handle.result()).toMatchObject({ status: 'closed' });
    const row = await caseRecord(db, c.caseId);
    expect(row).toMatchObject({ status: 'closed', step: 'close', reopenCount: 1, unitId: thanhSen });
    expect(row.closedAt).not.toBeNull();
    expect(row.resolutionDeadline?.toISOString()).toBe(state.resolutionDeadline);
    expect(row.ratings.map((r) => [r.round, r.score, r.comment])).toEqual([
      [0, 2, 'Rác vẫn còn'],
      [1, 4, null],
    ]);
    expect((await timelineOf(db, c.caseId)).slice(7)).toEqual([
      ['reply_published', 'public'],
      ['rated', 'public'],
      ['review_started', 'internal'],
      ['reopened', 'public'],
      ['processing_started', 'internal'],
      ['reply_submitted', 'internal'],
      ['reply_published', 'public'],
      ['rated', 'public'],
      ['closed', 'public'],
    ]);
    expect((await tasksOf(db, c.caseId)).slice(5)).toEqual([
      ['review', 'done', 'reopen'],
      ['process', 'done', 'reply'],
      ['approve', 'done', 'approve'],
    ]);
    expect((await notifications(c.caseId)).filter((l) => l.includes('supervisor'))).toEqual(['new_task → supervisor']);
  });

  it('a supervisor may close the case after an unsatisfied rating', async () => {
    const c = await start();
    await c.acceptAndAssign(people, '18073');
    await c.replyAndApprove(people, '18073');
    await c.rate(1);
    const state = await c.complete(
      'review',
      'close',
      { comment: 'Đã xử lý đúng quy định, phản ánh không có cơ sở' },
      people.supervisor!,
    );
    expect(state).toMatchObject({ status: 'closed', step: 'close', reopenCount: 0, openTask: null });
    const row = await caseRecord(db, c.caseId);
    expect(row).toMatchObject({ status: 'closed', reopenCount: 0 });
    expect(row.timeline.slice(-3).map((e) => [e.kind, e.visibility, e.actorId])).toEqual([
      ['rated', 'public', null],
      ['review_started', 'internal', null],
      ['closed', 'public', people.supervisor],
    ]);
    expect(row.ratings.map((r) => r.score)).toEqual([1]);
  });
});

describe('the worst case', () => {
  it('two returns, two extension requests, a send-back and a reopen stay far below the history limits', async () => {
    const c = await start();
    const unit = await unitIdOf(db, '18100');
    await c.complete('verify', 'accept', {}, people.operator!);
    await c.complete('accept', 'return', { reason: TEXT.reason }, people['18073.officer']!);
    await c.complete('accept', 'return', { reason: TEXT.reason }, people['SNNMT.officer']!);
    await c.complete('route', 'route', { unitId: unit }, people.operator!);
    await c.complete('accept', 'accept', {}, people['18100.officer']!);
    await c.complete('assign', 'assign', { assigneeId: people['18100.officer'] }, people['18100.leader']!);
    await c.complete(
      'process',
      'request_extension',
      { workingDays: 3, reason: 'Cần khảo sát thêm' },
      people['18100.officer']!,
    );
    await c.complete('extension', 'grant', { workingDays: 3 }, people['18100.leader']!);
    await c.complete(
      'process',
      'request_extension',
      { workingDays: 3, reason: 'Cần khảo sát thêm nữa' },
      people['18100.officer']!,
    );
    await c.complete('extension', 'deny', { reason: 'Đã gia hạn một lần' }, people['18100.leader']!);
    await c.complete('process', 'reply', proof(), people['18100.officer']!);
    await c.complete('approve', 'send_back', { comment: TEXT.comment }, people['18100.leader']!);
    await c.replyAndApprove(people, '18100');
    await c.rate(2);
    await c.complete('review', 'reopen', { comment: 'Đề nghị xử lý dứt điểm' }, people.supervisor!);
    await c.replyAndApprove(people, '18100');
    const state = await c.rate(4);
    expect(state).toMatchObject({ status: 'closed', unitId: unit, reopenCount: 1 });
    await c.handle.result();

    const row = await caseRecord(db, c.caseId);
    expect(row).toMatchObject({ status: 'closed', unitId: unit, assigneeId: people['18100.officer'], reopenCount: 1 });
    expect(row.tasks.map((t) => t.step)).toEqual([
      'verify',
      'accept',
      'accept',
      'route',
      'accept',
      'assign',
      'process',
      'extension',
      'process',
      'extension',
      'process',
      'approve',
      'process',
      'approve',
      'review',
      'process',
      'approve',
    ]);
    expect(row.tasks.every((t) => t.state === 'done')).toBe(true);
    expect(row.timeline.map((e) => e.seq)).toEqual(row.timeline.map((_, i) => i));
    const { events } = await c.handle.fetchHistory();
    // Temporal warns at 10,240 events and fails a run at 51,200.
    expect(events!.length).toBeLessThan(1_500);
  });
});
