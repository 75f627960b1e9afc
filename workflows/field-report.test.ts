/**
 * The case workflow in the fast unit tier (`npm run test:unit`): its real code on Temporal's
 * time-skipping test server, with in-memory activities (tests/support/fake-activities.ts) instead
 * of PostgreSQL. Driven only through its public interface (the Updates, the `state` Query, the
 * result), so the tests hold however its internals are organised. This file: the paths a case
 * takes; field-report-updates.test.ts: what each Update accepts and refuses;
 * field-report-deadlines.test.ts: deadlines, the information request's and the rating's windows.
 * What reaches the database is tested in tests/case-workflow*.test.ts and tests/case-deadlines.test.ts.
 */
import { randomUUID } from 'node:crypto';
import type { RoutingDecision } from '../activities/decide-routing';
import { refusalOf, REPORT, TEXT } from '../tests/support/case-driver';
import {
  caseWorkflowUnit,
  events,
  PEOPLE as people,
  toProcessing,
  toRating,
} from '../tests/support/case-workflow-unit';
import { eventually } from '../tests/support/eventually';
import { ROUTED_UNIT, routedToUnit } from '../tests/support/fake-activities';

const DAY = 86_400_000;
/** The unit an operator routes a case to when routing finds none (the first unit returned it). */
const OTHER_UNIT = { id: randomUUID(), code: '18075', name: 'UBND phường Bắc Hà' };
/** Reports of this category find no rule: an operator routes them. */
const UNROUTABLE_CATEGORY = 'khac';
/** The commune the point of a point-only report lies in. */
const COMMUNE_OF_POINT = '18070';

/** Automatic to ROUTED_UNIT, unless the category has no rule or that unit returned the case. */
function routing(input: Parameters<typeof routedToUnit>[0]): RoutingDecision {
  if (input.categoryCode !== UNROUTABLE_CATEGORY && !input.excludeUnitIds?.includes(ROUTED_UNIT.id))
    return routedToUnit(input);
  return {
    kind: 'manual',
    reason: 'no_match',
    candidates: [],
    communeCode: input.communeCode ?? null,
    communeFromPoint: false,
    skippedRuleIds: [],
  };
}

const unit = caseWorkflowUnit(async (env) => ({
  clock: () => env.currentTimeMs(),
  routing,
  communeOfPoint: COMMUNE_OF_POINT,
}));
const { startCase, kinds } = unit;

describe('the case workflow with in-memory activities', () => {
  it('answers the receipt once the report is stored, then opens verification', async () => {
    const c = await startCase();
    expect(c.trackingCode).toMatch(/^HT-2026-/);
    // The receipt is one activity: the report recorded, verify's deadlines computed with it.
    const [stored] = unit.world.callsOf('receiveReport', c.caseId);
    expect(stored!.input[0]).toMatchObject({
      report: { caseId: c.caseId, report: { categoryCode: REPORT.categoryCode } },
      firstStep: { step: 'verify', categoryCode: REPORT.categoryCode },
    });
    for (const older of ['recordReport', 'caseSettings', 'locateCommune', 'notifyReporter', 'scheduleStep'] as const)
      expect(unit.world.callsOf(older, c.caseId)).toHaveLength(0);

    const state = await c.settled((s) => s.openTask?.step === 'verify');
    expect(state).toMatchObject({ status: 'verifying', step: 'verify', trackingCode: c.trackingCode });
    expect(state.openTask).toMatchObject({ role: 'operator', unitId: null, allowedOutcomes: expect.any(Array) });
    await eventually(async () => expect(kinds(c)).toEqual(['verification_started']));
    // The reporter gave a phone number: told of the receipt; the operators of the IOC get the task.
    expect(events(unit.world.reporterNotifications(c.caseId))).toEqual(['case_received']);
    await eventually(async () =>
      expect(unit.world.officialNotifications(c.caseId)).toEqual([
        expect.objectContaining({ event: 'new_task', audience: { unitId: null, roles: ['operator'] } }),
      ]),
    );
  });

  it('walks verify → route → accept → process → approve → respond → rate → close', async () => {
    const c = await startCase();
    const verified = await c.complete('verify', 'accept', {}, people.operator);
    // Routing was automatic: the Update answers with the case waiting at the unit's acceptance.
    expect(verified).toMatchObject({ status: 'awaiting_acceptance', step: 'accept', unitId: ROUTED_UNIT.id });
    expect(unit.world.callsOf('decideRouting', c.caseId)).toHaveLength(0); // decideRouting carries no caseId
    expect(unit.world.calls.filter((call) => call.name === 'decideRouting')).toHaveLength(1);

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
    expect(unit.world.transitions(c.caseId).map((t) => t.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Each transition closes the task the previous one opened.
    const opened = unit.world.transitions(c.caseId).flatMap((t) => (t.openTask ? [t.openTask.id] : []));
    const closed = unit.world.transitions(c.caseId).flatMap((t) => (t.closeTask ? [t.closeTask.id] : []));
    expect(closed).toEqual(opened);
    expect(unit.world.ratings(c.caseId)).toEqual([
      expect.objectContaining({ caseId: c.caseId, round: 0, score: 5, comment: 'Xử lý nhanh' }),
    ]);
    expect(events(unit.world.reporterNotifications(c.caseId))).toEqual([
      'case_received',
      'case_accepted',
      'reply_published',
      'case_closed',
    ]);
    // Notifications are keyed per occurrence: a retried activity never notifies twice.
    const keys = unit.world.officialNotifications(c.caseId).map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('asks the reporter for information, takes the answer, and verifies again', async () => {
    const c = await startCase();
    const asked = await c.complete('verify', 'request_info', { question: TEXT.question }, people.operator);
    expect(asked).toMatchObject({ status: 'info_requested', openTask: null });
    // Due in 5 working days (the settings), computed by the working-time activity.
    const [deadline] = unit.world.calls.filter((call) => call.name === 'workingDeadline');
    expect(deadline!.input[0]).toMatchObject({ amount: 5, unit: 'days' });
    expect(asked.infoRequest).toMatchObject({ question: TEXT.question, due: asked.deadline });
    expect(unit.world.reporterNotifications(c.caseId).at(-1)).toMatchObject({
      event: 'info_requested',
      params: { question: TEXT.question, deadline: asked.deadline },
    });

    const answered = await c.supplyInfo('  Số 17 ngõ 4, gần cổng chợ  ');
    expect(answered).toMatchObject({ status: 'verifying', step: 'verify', infoRequest: null });
    expect(answered.openTask).toMatchObject({ step: 'verify' });
    expect(unit.world.transitions(c.caseId).find((t) => t.kind === 'info_supplied')).toMatchObject({
      note: 'Số 17 ngõ 4, gần cổng chợ', // trimmed
      visibility: 'reporter',
    });
    expect(kinds(c)).toEqual(['verification_started', 'info_requested', 'info_supplied', 'verification_started']);
  });

  it('lets the reporter withdraw before processing starts, and not after', async () => {
    const c = await startCase();
    const open = await c.settled((s) => s.openTask?.step === 'verify');
    const withdrawn = await c.withdraw('Đã tự xử lý');
    expect(withdrawn).toMatchObject({ status: 'withdrawn', step: 'close', openTask: null });
    expect(await c.handle.result()).toMatchObject({ status: 'withdrawn' });
    const last = unit.world.transitions(c.caseId).at(-1)!;
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

  it('lets the reporter withdraw while information is awaited and while the unit has not accepted', async () => {
    const asked = await startCase();
    await asked.complete('verify', 'request_info', { question: TEXT.question }, people.operator);
    const withdrawn = await asked.withdraw();
    expect(withdrawn).toMatchObject({ status: 'withdrawn', infoRequest: null, openTask: null });
    expect(kinds(asked)).toEqual(['verification_started', 'info_requested', 'withdrawn']);
    // No task was open: nothing to cancel; no reason given: no note.
    expect(unit.world.transitions(asked.caseId).at(-1)).toMatchObject({ note: null });
    expect(unit.world.transitions(asked.caseId).at(-1)!.closeTask).toBeUndefined();

    const routed = await startCase();
    await routed.complete('verify', 'accept', {}, people.operator);
    const task = await routed.openTask('accept');
    expect(await routed.withdraw('Không cần nữa')).toMatchObject({ status: 'withdrawn' });
    expect(unit.world.transitions(routed.caseId).at(-1)).toMatchObject({
      kind: 'withdrawn',
      case: { status: 'withdrawn', step: 'close', unitId: ROUTED_UNIT.id },
      closeTask: { id: task, state: 'cancelled' },
    });
    expect(await routed.handle.result()).toMatchObject({ status: 'withdrawn', escalationLevel: 0 });
  });

  it('reopens the case after a poor rating, for a new round with its own deadline', async () => {
    const c = await startCase();
    await toProcessing(c);
    const firstRound = (await c.state()).resolutionDeadline;
    await toRating(c);
    const poor = await c.rate(1, 'Rác vẫn còn');
    expect(poor).toMatchObject({ status: 'responded', step: 'review' });
    expect(poor.openTask).toMatchObject({ step: 'review', role: 'supervisor', unitId: null });

    await unit.env.sleep(DAY); // the new round's deadline counts from the reopening
    const reopened = await c.complete('review', 'reopen', { comment: TEXT.comment }, people.supervisor);
    expect(reopened).toMatchObject({ status: 'processing', step: 'process', reopenCount: 1 });
    expect(Date.parse(reopened.resolutionDeadline!)).toBeGreaterThan(Date.parse(firstRound!));
    expect(reopened.openTask).toMatchObject({ step: 'process', assigneeId: people.officer });

    await toRating(c);
    expect(await c.rate(4)).toMatchObject({ status: 'closed' });
    expect(await c.handle.result()).toMatchObject({ status: 'closed', reopenCount: 1 });
    expect(unit.world.ratings(c.caseId).map((r) => [r.round, r.score])).toEqual([
      [0, 1],
      [1, 4],
    ]);
    expect(kinds(c)).toEqual(
      expect.arrayContaining(['rated', 'review_started', 'reopened', 'processing_started', 'closed']),
    );
    // The reporter is told of each published reply, once per round.
    expect(events(unit.world.reporterNotifications(c.caseId)).filter((e) => e === 'reply_published')).toHaveLength(2);
  });

  it('closes a rejected report and a duplicate at verification, telling the reporter why', async () => {
    const rejected = await startCase();
    const refused = await rejected.complete('verify', 'reject', { reason: TEXT.reason }, people.operator);
    expect(refused).toMatchObject({ status: 'rejected', step: 'close', openTask: null, deadline: null });
    expect(await rejected.handle.result()).toMatchObject({ status: 'rejected' });
    expect(unit.world.transitions(rejected.caseId).at(-1)).toMatchObject({
      kind: 'rejected',
      actorId: people.operator,
      note: TEXT.reason,
      case: { status: 'rejected', closedAt: expect.any(String) },
      closeTask: { state: 'done', outcome: 'reject', completedById: people.operator },
    });
    expect(unit.world.reporterNotifications(rejected.caseId).at(-1)).toMatchObject({
      event: 'case_closed',
      params: { outcome: 'rejected', note: TEXT.reason },
    });

    const original = await startCase();
    const copy = await startCase();
    const duplicate = await copy.complete('verify', 'duplicate', { duplicateOf: original.caseId }, people.operator);
    expect(duplicate).toMatchObject({ status: 'duplicate', step: 'close' });
    expect(unit.world.transitions(copy.caseId).at(-1)).toMatchObject({
      kind: 'duplicate',
      case: { duplicateOfId: original.caseId, closedAt: expect.any(String) },
    });
    expect(unit.world.reporterNotifications(copy.caseId).at(-1)).toMatchObject({
      event: 'case_closed',
      params: { outcome: 'duplicate' },
    });
    // Neither went on to routing.
    expect(kinds(rejected)).toEqual(['verification_started', 'rejected']);
    expect(kinds(copy)).toEqual(['verification_started', 'duplicate']);
  });

  it('alerts the officials of the area of an urgent report, at receipt or once verification raises it', async () => {
    const urgent = await startCase({ level: 'urgent' });
    await urgent.settled((s) => s.openTask?.step === 'verify');
    expect(unit.world.officialNotifications(urgent.caseId)[0]).toMatchObject({
      event: 'urgent_report',
      audience: { areaCommuneCode: REPORT.location.communeCode, roles: ['leader', 'officer'] },
    });
    expect((await urgent.state()).openTask).toMatchObject({ urgent: true });

    const raised = await startCase();
    await raised.complete('verify', 'accept', { level: 'urgent', note: 'Nguy hiểm' }, people.operator);
    expect(await raised.state()).toMatchObject({ level: 'urgent', step: 'accept' });
    expect(events(unit.world.officialNotifications(raised.caseId))).toEqual(['new_task', 'urgent_report', 'new_task']);
    expect(unit.world.transitions(raised.caseId)[1]).toMatchObject({
      kind: 'verified',
      note: 'Nguy hiểm',
      case: { level: 'urgent' },
    });
  });

  it('locates the commune of a report that gives only a point, and alerts that area when urgent', async () => {
    const { lat, lng } = REPORT.location;
    const c = await startCase({ level: 'urgent', location: { lat, lng } });
    const state = await c.settled((s) => s.openTask?.step === 'verify');
    // The receipt located it (activities/receive-report.ts); the case keeps what the receipt found.
    expect(state.communeCode).toBe(COMMUNE_OF_POINT);
    expect(unit.world.officialNotifications(c.caseId)[0]).toMatchObject({
      event: 'urgent_report',
      audience: { areaCommuneCode: COMMUNE_OF_POINT },
    });
    // A report that names its commune keeps it.
    const named = await startCase();
    expect((await named.settled()).communeCode).toBe(REPORT.location.communeCode);
  });

  it('routes again when the unit returns the case, to an operator when no other unit is found', async () => {
    const c = await startCase();
    await c.complete('verify', 'accept', {}, people.operator);
    const returned = await c.complete('accept', 'return', { reason: TEXT.reason }, people.officer);
    // No rule is left once the unit is excluded: an operator routes it.
    expect(returned).toMatchObject({ status: 'routing', step: 'route', unitId: null });
    expect(returned.excludedUnitIds).toEqual([ROUTED_UNIT.id]);
    expect(returned.openTask).toMatchObject({ step: 'route', role: 'operator', unitId: null });
    const decisions = unit.world.calls.flatMap((call) =>
      call.name === 'decideRouting' && call.input[0].description === REPORT.description ? [call.input[0]] : [],
    );
    expect(decisions.at(-1)).toMatchObject({ excludeUnitIds: [ROUTED_UNIT.id] });
    expect(unit.world.officialNotifications(c.caseId)).toContainEqual(
      expect.objectContaining({ event: 'case_returned', audience: { unitId: null, roles: ['operator'] } }),
    );

    const routed = await c.complete('route', 'route', { unitId: OTHER_UNIT.id }, people.operator);
    expect(routed).toMatchObject({ status: 'awaiting_acceptance', step: 'accept', unitId: OTHER_UNIT.id });
    expect(routed.openTask).toMatchObject({ unitId: OTHER_UNIT.id, role: 'officer' });
    expect(kinds(c)).toEqual([
      'verification_started',
      'verified',
      'routed',
      'returned',
      'routing_needs_operator',
      'routed',
    ]);
    // The operator who routed it is the actor of the second routing.
    expect(unit.world.transitions(c.caseId).at(-1)).toMatchObject({ kind: 'routed', actorId: people.operator });
  });

  it('asks an operator to route a report no rule matches', async () => {
    const c = await startCase({ categoryCode: UNROUTABLE_CATEGORY });
    const verified = await c.complete('verify', 'accept', {}, people.operator);
    expect(verified).toMatchObject({ status: 'routing', step: 'route' });
    expect(unit.world.transitions(c.caseId).at(-1)).toMatchObject({
      kind: 'routing_needs_operator',
      note: 'no_match',
      openTask: { step: 'route', role: 'operator' },
    });
  });

  it('decides an extension request: denied, the officer goes on with the same deadline', async () => {
    const c = await startCase();
    const processing = await toProcessing(c);
    const requested = await c.complete(
      'process',
      'request_extension',
      { workingDays: 3, reason: TEXT.reason },
      people.officer,
    );
    expect(requested).toMatchObject({ status: 'processing', step: 'extension' });
    expect(requested.openTask).toMatchObject({ step: 'extension', role: 'leader', unitId: ROUTED_UNIT.id });
    expect(unit.world.officialNotifications(c.caseId).at(-1)).toMatchObject({ event: 'extension_requested' });

    const denied = await c.complete('extension', 'deny', { reason: TEXT.reason }, people.leader);
    expect(denied).toMatchObject({ step: 'process', resolutionDeadline: processing.resolutionDeadline });
    expect(denied.openTask).toMatchObject({ step: 'process', assigneeId: people.officer });
    expect(unit.world.callsOf('extendSchedule', c.caseId)).toHaveLength(0);
    expect(kinds(c).slice(-3)).toEqual(['extension_requested', 'extension_denied', 'processing_started']);
    expect(unit.world.transitions(c.caseId).at(-3)).toMatchObject({
      actorId: people.officer,
      note: `3: ${TEXT.reason}`,
    });
    // The officer who asked is told of the decision.
    expect(unit.world.officialNotifications(c.caseId)).toContainEqual(
      expect.objectContaining({ event: 'extension_decided', audience: { userIds: [people.officer] } }),
    );
  });

  it("sends the reply back to the officer with the leader's comment, then publishes the second one", async () => {
    const c = await startCase();
    await toProcessing(c);
    await c.complete('process', 'reply', { reply: TEXT.reply, attachmentIds: [randomUUID()] }, people.officer);
    const sentBack = await c.complete('approve', 'send_back', { comment: TEXT.comment }, people.leader);
    expect(sentBack).toMatchObject({ status: 'processing', step: 'process' });
    expect(sentBack.openTask).toMatchObject({ step: 'process', assigneeId: people.officer });
    expect(unit.world.transitions(c.caseId).at(-1)).toMatchObject({
      kind: 'processing_started',
      note: TEXT.comment,
    });
    const published = await toRating(c);
    expect(published).toMatchObject({ status: 'responded', step: 'rate' });
    expect(kinds(c).slice(4)).toEqual([
      'processing_started',
      'reply_submitted',
      'sent_back',
      'processing_started',
      'reply_submitted',
      'reply_published',
    ]);
  });

  it('closes the case after a poor rating when the supervisor finds the reply sound', async () => {
    const c = await startCase();
    await toProcessing(c);
    await toRating(c);
    await c.rate(2);
    const closed = await c.complete('review', 'close', { comment: TEXT.comment }, people.supervisor);
    expect(closed).toMatchObject({ status: 'closed', reopenCount: 0 });
    expect(unit.world.transitions(c.caseId).at(-1)).toMatchObject({
      kind: 'closed',
      actorId: people.supervisor,
      note: TEXT.comment,
    });
    expect(unit.world.ratings(c.caseId).map((r) => r.score)).toEqual([2]);
  });
});
