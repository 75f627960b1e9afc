/**
 * Officials do their part of a case through /api/admin/tasks: they see only the tasks their role
 * and unit allow, claim them without racing each other, and complete them through the case's
 * workflow, which has the last word; a retried request changes nothing twice.
 */
import request from 'supertest';
import { REPORT } from './support/case-driver';
import { GENEROUS_LOGIN_LIMIT, platformSuite } from './support/platform-suite';

const { db, app, as } = platformSuite({ app: { loginRateLimit: GENEROUS_LOGIN_LIMIT } });

async function newCase(): Promise<string> {
  const created = await request(app).post('/api/v1/reports').send(REPORT).expect(201);
  return created.body.id as string;
}

async function openTask(caseId: string, username = 'operator') {
  const filter = encodeURIComponent(JSON.stringify({ caseId, state: 'open' }));
  for (let i = 0; i < 100; i += 1) {
    const list = await request(app)
      .get(`/api/admin/tasks?filter=${filter}`)
      .set('Cookie', await as(username))
      .expect(200);
    if (list.body.length) return list.body[0];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no open task');
}

describe('tasks in the back office', () => {
  it("shows the operators' verify task to operators only, and lets the workflow answer its completion", async () => {
    const caseId = await newCase();
    const verify = await openTask(caseId);
    expect(verify).toMatchObject({
      caseId,
      step: 'verify',
      state: 'open',
      role: 'operator',
      unitId: null,
      allowedOutcomes: ['accept', 'reject', 'duplicate', 'request_info'],
    });
    await request(app)
      .get(`/api/admin/tasks/${verify.id}`)
      .set('Cookie', await as('18073.officer'))
      .expect(404);
    await request(app)
      .post(`/api/admin/tasks/${verify.id}/complete`)
      .set('Cookie', await as('18073.leader'))
      .send({ outcome: 'accept' })
      .expect(404);

    const done = await request(app)
      .post(`/api/admin/tasks/${verify.id}/complete`)
      .set('Cookie', await as('operator'))
      .set('Idempotency-Key', 'verify-1')
      .send({ outcome: 'accept' })
      .expect(200);
    expect(done.body.case).toMatchObject({ id: caseId, status: 'awaiting_acceptance', step: 'accept' });
    expect(done.body.nextTasks).toEqual([expect.objectContaining({ step: 'accept', role: 'officer', state: 'open' })]);

    // The same request again (a retry): the same answer, no second transition.
    const entries = await db.caseTimelineEntry.count({ where: { caseId } });
    const again = await request(app)
      .post(`/api/admin/tasks/${verify.id}/complete`)
      .set('Cookie', await as('operator'))
      .set('Idempotency-Key', 'verify-1')
      .send({ outcome: 'accept' })
      .expect(200);
    expect(again.body.case.step).toBe('accept');
    expect(await db.caseTimelineEntry.count({ where: { caseId } })).toBe(entries);

    // Another request on the closed task is refused.
    const stale = await request(app)
      .post(`/api/admin/tasks/${verify.id}/complete`)
      .set('Cookie', await as('operator'))
      .set('Accept-Language', 'en')
      .send({ outcome: 'reject', reason: 'Không rõ nội dung' })
      .expect(409);
    expect(stale.body.error).toEqual({
      code: 'TASK_NOT_OPEN',
      message: 'This task has already been completed or is no longer open.',
    });
  });

  it('explains answers that do not fit the step, field by field, before bothering the workflow', async () => {
    const caseId = await newCase();
    const verify = await openTask(caseId);
    const cookie = await as('operator');
    const wrong = await request(app)
      .post(`/api/admin/tasks/${verify.id}/complete`)
      .set('Cookie', cookie)
      .send({ outcome: 'approve' })
      .expect(409);
    expect(wrong.body.error.code).toBe('OUTCOME_NOT_ALLOWED');
    const missing = await request(app)
      .post(`/api/admin/tasks/${verify.id}/complete`)
      .set('Cookie', cookie)
      .send({ outcome: 'reject' })
      .expect(422);
    expect(missing.body.error.fields.reason).toEqual({ code: 'required', message: 'Trường này là bắt buộc.' });
    const unknown = await request(app)
      .post(`/api/admin/tasks/${verify.id}/complete`)
      .set('Cookie', cookie)
      .send({ outcome: 'duplicate', duplicateOf: '00000000-0000-4000-8000-000000000000' })
      .expect(422);
    expect(unknown.body.error.fields.duplicateOf.code).toBe('unknown_case');
    expect(await db.caseTimelineEntry.count({ where: { caseId } })).toBe(2); // received, verification_started
  });

  it("lets the unit's staff claim the unit's task once, and only an official of the unit be assigned", async () => {
    const caseId = await newCase();
    const verify = await openTask(caseId);
    await request(app)
      .post(`/api/admin/tasks/${verify.id}/complete`)
      .set('Cookie', await as('operator'))
      .send({ outcome: 'accept' })
      .expect(200);
    const accept = await openTask(caseId, '18073.officer');
    expect(accept).toMatchObject({ step: 'accept', assigneeId: null });
    await request(app)
      .get(`/api/admin/tasks/${accept.id}`)
      .set('Cookie', await as('18100.officer'))
      .expect(404);

    // The officer and the leader click "claim" at once: one of them gets it.
    const [byOfficer, byLeader] = await Promise.all([
      request(app)
        .post(`/api/admin/tasks/${accept.id}/claim`)
        .set('Cookie', await as('18073.officer')),
      request(app)
        .post(`/api/admin/tasks/${accept.id}/claim`)
        .set('Cookie', await as('18073.leader')),
    ]);
    expect([byOfficer.status, byLeader.status].sort()).toEqual([200, 409]);
    const winner = byOfficer.status === 200 ? byOfficer : byLeader;
    const loser = byOfficer.status === 200 ? byLeader : byOfficer;
    expect(loser.body.error.code).toBe('TASK_TAKEN');
    expect(winner.body.assigneeId).toEqual(expect.any(String));
    const winnerCookie = byOfficer.status === 200 ? await as('18073.officer') : await as('18073.leader');
    await request(app).post(`/api/admin/tasks/${accept.id}/unclaim`).set('Cookie', winnerCookie).expect(200);
    await request(app)
      .post(`/api/admin/tasks/${accept.id}/claim`)
      .set('Cookie', await as('18073.officer'))
      .expect(200);

    const accepted = await request(app)
      .post(`/api/admin/tasks/${accept.id}/complete`)
      .set('Cookie', await as('18073.officer'))
      .send({ outcome: 'accept' })
      .expect(200);
    const assign = accepted.body.nextTasks[0];
    expect(assign).toMatchObject({ step: 'assign', role: 'leader' });
    await request(app)
      .post(`/api/admin/tasks/${assign.id}/complete`)
      .set('Cookie', await as('18073.officer'))
      .send({ outcome: 'assign', assigneeId: assign.id })
      .expect(403);
    const sxdOfficer = await db.user.findUniqueOrThrow({ where: { username: 'SXD.officer' } });
    const outsider = await request(app)
      .post(`/api/admin/tasks/${assign.id}/complete`)
      .set('Cookie', await as('18073.leader'))
      .send({ outcome: 'assign', assigneeId: sxdOfficer.id })
      .expect(422);
    expect(outsider.body.error.fields.assigneeId.code).toBe('not_unit_official');
    const officer = await db.user.findUniqueOrThrow({ where: { username: '18073.officer' } });
    const assigned = await request(app)
      .post(`/api/admin/tasks/${assign.id}/complete`)
      .set('Cookie', await as('18073.leader'))
      .send({ outcome: 'assign', assigneeId: officer.id })
      .expect(200);
    expect(assigned.body.nextTasks).toEqual([expect.objectContaining({ step: 'process', assigneeId: officer.id })]);
    expect(assigned.body.case).toMatchObject({ assigneeId: officer.id, status: 'processing' });
    expect(assigned.body.case.reporter).toBeUndefined();
  });
});
