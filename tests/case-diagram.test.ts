/**
 * A case's process in the back office: where it stands on the regulation's diagram
 * (GET /api/admin/cases/{id}/diagram, any official who may read the case) and its workflow's
 * history, readable and exported (GET .../history, .../history.json: the IOC's supervisors and
 * admins), with the reporter's personal data masked.
 */
import request from 'supertest';
import { CaseDriver, officials, unitIdOf } from './support/case-driver';
import { walkCase } from './support/case-walk';
import { GENEROUS_LOGIN_LIMIT, platformSuite } from './support/platform-suite';

const { config, api, db, app, as } = platformSuite({
  config: { TEMPORAL_UI_URL: 'http://temporal-ui.test:8080/' },
  app: { loginRateLimit: GENEROUS_LOGIN_LIMIT },
});
let people: Record<string, string> = {};

/** The reporter, and a description that repeats the phone number in another spelling. */
const REPORTER = { name: 'Trần Thị Bích Ngọc', phone: '0987 654 321', email: 'bich.ngoc@example.vn' };
const DESCRIPTION = 'Rác thải đổ trộm cạnh chợ, cần xử lý gấp; gọi 0987.654.321 nếu cần';
const IN_CLEAR = [REPORTER.name, REPORTER.phone, REPORTER.email, '0987654321', '0987.654.321'];

const get = async (path: string, username: string, status: number) =>
  request(app)
    .get(path)
    .set('Cookie', await as(username))
    .expect(status);

beforeAll(async () => {
  people = await officials(db, ['operator', 'supervisor', '18073.officer', 'SNNMT.officer', 'SNNMT.leader', 'admin']);
});

describe('a case returned by one unit and accepted by another, now being processed', () => {
  let c: CaseDriver;

  beforeAll(async () => {
    c = await CaseDriver.start(api.deps.temporal, config.TEMPORAL_TASK_QUEUE, {
      description: DESCRIPTION,
      reporter: REPORTER,
    });
    await c.complete('verify', 'accept', {}, people.operator!);
    // moi-truong in 18073 goes to the ward; returned, to the environment department.
    await c.complete('accept', 'return', { reason: 'Không thuộc thẩm quyền của phường' }, people['18073.officer']!);
    await c.complete('accept', 'accept', {}, people['SNNMT.officer']!);
    await c.complete('assign', 'assign', { assigneeId: people['SNNMT.officer'] }, people['SNNMT.leader']!);
    await c.quiet();
  });

  it('shows where the case has been, where it waits and the decisions it took', async () => {
    const { body } = await get(`/api/admin/cases/${c.caseId}/diagram`, 'SNNMT.officer', 200);
    expect(body.caseId).toBe(c.caseId);
    expect(body.bpmnXml).toContain('<bpmn:userTask id="process"');
    const { elements } = body;
    expect(elements).toMatchObject({
      receive: { state: 'completed' },
      verify: { state: 'completed', outcome: 'accept', visits: 1, overdue: false },
      route_auto: { state: 'completed', visits: 2 },
      route: { state: 'pending' }, // automatic routing placed it both times
      accept: { state: 'completed', outcome: 'accept', visits: 2 },
      assign: { state: 'completed', outcome: 'assign' },
      process: { state: 'active', overdue: false, escalationLevel: 0, visits: 1 },
      process_deadline: { state: 'active' },
      approve: { state: 'pending' },
      rate: { state: 'pending' },
      close: { state: 'pending' },
    });
    expect(elements.process.due).toEqual(expect.any(String));
    expect(elements.process.leftAt).toBeUndefined();
    expect(Date.parse(elements.accept.enteredAt)).toBeLessThanOrEqual(Date.parse(elements.accept.leftAt));
    expect(body.flows).toEqual(['verify_accept', 'route_auto_unit', 'accept_return', 'accept_accept', 'assign_assign']);
  });

  it('marks a step whose deadline passed as overdue, with its escalation', async () => {
    await db.caseTimelineEntry.create({
      data: {
        caseId: c.caseId,
        seq: 900,
        kind: 'overdue',
        visibility: 'internal',
        note: 'process: level 1',
        at: new Date(),
      },
    });
    try {
      const { body } = await get(`/api/admin/cases/${c.caseId}/diagram`, 'operator', 200);
      expect(body.elements).toMatchObject({
        process: { state: 'active', overdue: true, escalationLevel: 1 },
        process_deadline: { state: 'completed' },
        process_overdue: { state: 'completed', escalationLevel: 1 },
        assign: { overdue: false },
      });
    } finally {
      await db.caseTimelineEntry.deleteMany({ where: { caseId: c.caseId, seq: 900 } });
    }
  });

  it('is not found for a unit the case no longer belongs to', async () => {
    await get(`/api/admin/cases/${c.caseId}/diagram`, '18073.officer', 404);
    await get(`/api/admin/cases/${c.caseId}/history`, '18073.officer', 404);
    await get(`/api/admin/cases/${c.caseId}/history.json`, '18073.officer', 404);
  });

  it("shows supervisors the workflow's history: who did what, with the reporter's data masked", async () => {
    const names = await db.user.findMany({
      where: { id: { in: [people.operator!, people['18073.officer']!, people['SNNMT.leader']!] } },
      select: { id: true, name: true },
    });
    const nameOf = Object.fromEntries(names.map((u) => [u.id, u.name]));
    const { body } = await get(`/api/admin/cases/${c.caseId}/history`, 'supervisor', 200);
    expect(body.temporalUiUrl).toBe(`http://temporal-ui.test:8080/namespaces/default/workflows/${c.caseId}`);
    expect(body.events[0]).toMatchObject({
      eventId: '1',
      type: 'WorkflowExecutionStarted',
      name: 'fieldReportWorkflow',
      who: 'citizen',
    });
    expect(body.events[0].summary).toContain('***');
    expect(body.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'WorkflowExecutionUpdateAccepted', name: 'receipt', who: 'citizen' }),
        // A local activity (workflows/case-record.ts) is one marker, named by its type.
        expect.objectContaining({ type: 'MarkerRecorded', name: 'receiveReport', who: 'system', outcome: 'completed' }),
        expect.objectContaining({ type: 'MarkerRecorded', name: 'projectTransition', outcome: 'completed' }),
        expect.objectContaining({
          type: 'WorkflowExecutionUpdateAccepted',
          name: 'completeTask',
          who: nameOf[people.operator!],
          actorId: people.operator,
          outcome: 'accept',
        }),
        expect.objectContaining({
          type: 'WorkflowExecutionUpdateAccepted',
          name: 'completeTask',
          who: nameOf[people['18073.officer']!],
          outcome: 'return',
        }),
        expect.objectContaining({
          type: 'WorkflowExecutionUpdateCompleted',
          name: 'completeTask',
          who: nameOf[people['SNNMT.leader']!],
          outcome: 'completed',
          summary: 'status processing, step process',
        }),
        expect.objectContaining({ type: 'TimerStarted', who: 'system' }),
      ]),
    );
    // The SDK's bookkeeping is left out of the readable history.
    expect(body.events.map((e: { type: string }) => e.type)).not.toContain('WorkflowTaskStarted');
    const text = JSON.stringify(body);
    for (const secret of IN_CLEAR) expect(text).not.toContain(secret);
  });

  it('exports the raw history as a JSON download, masked, and audits the export', async () => {
    const response = await get(`/api/admin/cases/${c.caseId}/history.json`, 'admin', 200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="history-${c.trackingCode}.json"`);
    const history = JSON.parse(response.text) as { events: { eventType: string }[] };
    expect(history.events[0]!.eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
    expect(history.events.some((e) => e.eventType === 'EVENT_TYPE_WORKFLOW_TASK_STARTED')).toBe(true);
    // Payloads stay proto3 JSON (base64 data): decode every one to look for the reporter in clear.
    const decoded: string[] = [];
    JSON.stringify(history, (key, value: unknown) => {
      if (key === 'data' && typeof value === 'string') decoded.push(Buffer.from(value, 'base64').toString('utf8'));
      return value;
    });
    const payloads = decoded.join('\n');
    expect(payloads).toContain(c.caseId);
    expect(payloads).toContain('***');
    for (const secret of IN_CLEAR) expect(payloads).not.toContain(secret);
    expect(await db.auditLog.count({ where: { caseId: c.caseId, action: 'export_history' } })).toBe(1);

    const again = await get(`/api/admin/cases/${c.caseId}/history?format=json`, 'supervisor', 200);
    expect(again.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('refuses the history to officials who may read the case but not its history', async () => {
    for (const username of ['operator', 'SNNMT.officer']) {
      const { body } = await get(`/api/admin/cases/${c.caseId}/history`, username, 403);
      expect(body.error.code).toBe('FORBIDDEN');
      await get(`/api/admin/cases/${c.caseId}/history.json`, username, 403);
    }
  });
});

it('shows a case walked to its end: published, rated, closed', async () => {
  const c = await CaseDriver.start(api.deps.temporal, config.TEMPORAL_TASK_QUEUE);
  const state = await walkCase(c, db, { score: 5 });
  expect(state.status).toBe('closed');
  await c.quiet((s) => s.status === 'closed');
  const { body } = await get(`/api/admin/cases/${c.caseId}/diagram`, 'supervisor', 200);
  expect(body.elements).toMatchObject({
    approve: { state: 'completed', outcome: 'approve' },
    respond: { state: 'completed' },
    rate: { state: 'completed' },
    rate_window: { state: 'pending' },
    review: { state: 'pending' },
    close: { state: 'completed' },
    rejected: { state: 'pending' },
  });
  expect(body.flows).toEqual(expect.arrayContaining(['process_reply', 'approve_approve', 'rate_satisfied']));
  expect(Object.values(body.elements).filter((e) => (e as { state: string }).state === 'active')).toEqual([]);
  expect((await c.state()).unitId).toBe(await unitIdOf(db, '18073'));
});
