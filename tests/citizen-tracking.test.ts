/**
 * Tracking a report (GET /api/v1/reports/{trackingCode}): the public view anyone with the code
 * sees, and the reporter's view with their X-Citizen-Token, through the real chain.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { REPORT } from './support/case-driver';
import { CitizenCases, QUESTION, REPLY } from './support/citizen-cases';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
const cases = new CitizenCases(api.deps, config);
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  app = createApp(api.deps);
});
afterAll(async () => {
  await worker.stop();
  await api.close();
});

/** The reporter's identity must never reach the public. */
function expectNoPersonalData(body: unknown): void {
  const json = JSON.stringify(body);
  expect(json).not.toContain(REPORT.reporter!.name!);
  expect(json).not.toContain('0912');
  expect(json).not.toContain('"reporter"');
}

describe('the public view of a report', () => {
  it("shows the report's description and place once the operations centre has screened it, its files once published", async () => {
    const c = await cases.report();
    await cases.addMedia(c, 'report');
    const people = await cases.people('18073');
    await c.driver.complete('verify', 'accept', {}, people.operator!);
    await c.driver.settled((s) => s.step === 'accept');
    const screened = await request(app).get(`/api/v1/reports/${c.trackingCode}`).expect(200);
    expect(screened.body).toMatchObject({
      status: 'awaiting_acceptance',
      description: REPORT.description,
      location: { address: REPORT.location.address },
    });
    expect(screened.body.media).toEqual([]);
    expectNoPersonalData(screened.body);
  });

  it('shows the status in Vietnamese or English, and nothing of the report before it is screened', async () => {
    const c = await cases.report();
    await cases.addMedia(c, 'report');
    const vi = await request(app).get(`/api/v1/reports/${c.trackingCode}`).expect(200);
    expect(vi.headers['cache-control']).toBe('no-cache');
    expect(vi.body).toMatchObject({
      trackingCode: c.trackingCode,
      status: 'verifying',
      step: 'verify',
      statusLabel: 'Đang xác minh',
      category: { code: 'moi-truong', name: 'Môi trường' },
      unit: null,
      deadline: expect.any(String),
      createdAt: expect.any(String),
      publishedAt: null,
      media: [],
      rating: null,
    });
    expect(vi.body).not.toHaveProperty('description');
    expect(vi.body).not.toHaveProperty('location');
    expect(vi.body).not.toHaveProperty('reply');
    expect(vi.body.timeline).toEqual([
      expect.objectContaining({
        kind: 'received',
        label: 'Tiếp nhận phản ánh',
        status: 'received',
        visibility: 'public',
      }),
      expect.objectContaining({
        kind: 'verification_started',
        label: 'Bắt đầu xác minh',
        statusLabel: 'Đang xác minh',
      }),
    ]);
    expectNoPersonalData(vi.body);

    const en = await request(app)
      .get(`/api/v1/reports/${c.trackingCode.toLowerCase()}`)
      .set('Accept-Language', 'en-US,en;q=0.9')
      .expect(200);
    expect(en.body).toMatchObject({
      statusLabel: 'Being verified',
      category: { name: 'Environment' },
      timeline: [expect.objectContaining({ label: 'Report received' }), expect.anything()],
    });
  });

  it('counts public views, one at a time and all of them', async () => {
    const c = await cases.report();
    const views = await Promise.all(
      Array.from({ length: 5 }, () => request(app).get(`/api/v1/reports/${c.trackingCode}`).expect(200)),
    );
    expect(views.map((v) => v.body.viewCount).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).viewCount).toBe(5);
    // The reporter's own look is not a public view.
    const own = await request(app).get(`/api/v1/reports/${c.trackingCode}`).set('X-Citizen-Token', c.token).expect(200);
    expect(own.body.viewCount).toBe(5);
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).viewCount).toBe(5);
  });

  it('shows the published result: the unit, its deadline, the reply and the files, still without the reporter', async () => {
    const c = await cases.report();
    const photo = await cases.addMedia(c, 'report');
    const answerFile = await cases.addMedia(c, 'info');
    const { proofId } = await cases.publish(c, '18073');
    const row = await db.case.findUniqueOrThrow({ where: { id: c.id }, include: { unit: true } });

    const view = await request(app).get(`/api/v1/reports/${c.trackingCode}`).expect(200);
    expect(view.body).toMatchObject({
      status: 'responded',
      step: 'rate',
      statusLabel: 'Đã trả lời',
      unit: { id: row.unitId, code: '18073', name: row.unit!.name },
      deadline: row.resolutionDeadline!.toISOString(),
      publishedAt: row.publishedAt!.toISOString(),
      description: REPORT.description,
      location: {
        lat: 18.3428,
        lng: 105.9057,
        address: 'Đường Hà Huy Tập',
        commune: { code: '18073', name: 'Thành Sen' },
      },
      reply: { text: REPLY, publishedAt: expect.any(String) },
    });
    expect(view.body.media).toEqual([
      {
        id: photo.id,
        purpose: 'report',
        kind: 'photo',
        contentType: 'image/jpeg',
        url: `/api/v1/media/${photo.id}`,
        thumbnailUrl: `/api/v1/media/${photo.id}/thumbnail`,
      },
      expect.objectContaining({ id: proofId, purpose: 'proof', url: `/api/v1/media/${proofId}` }),
    ]);
    expect(view.body.media.map((m: { id: string }) => m.id)).not.toContain(answerFile.id);
    const kinds = view.body.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['received', 'verification_started', 'verified', 'routed', 'accepted', 'reply_published']);
    const published = view.body.timeline.at(-1);
    expect(published).toMatchObject({ label: 'Công bố kết quả xử lý', note: REPLY });
    expectNoPersonalData(view.body);
  });

  it('answers an unknown tracking code with 404 in the contract shape', async () => {
    const missing = await request(app).get('/api/v1/reports/HT-2601-ZZZZ').expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });
});

describe("the reporter's view", () => {
  it('adds the personal data, the entries meant for the reporter and their own files, and audits the read', async () => {
    const c = await cases.report({ reporter: { name: 'Trần Thị B', phone: '0987 654 321', email: 'b@example.vn' } });
    const photo = await cases.addMedia(c, 'report');
    await cases.requestInfo(c);

    const publicView = await request(app).get(`/api/v1/reports/${c.trackingCode}`).expect(200);
    expect(publicView.body.status).toBe('info_requested');
    expect(publicView.body.timeline.map((e: { kind: string }) => e.kind)).not.toContain('info_requested');
    expect(JSON.stringify(publicView.body)).not.toContain('Trần Thị B');
    expect(JSON.stringify(publicView.body)).not.toContain(QUESTION);

    const own = await request(app)
      .get(`/api/v1/reports/${c.trackingCode}`)
      .set('X-Citizen-Token', c.token)
      .set('X-Request-Id', `tracking-${c.id}`)
      .expect(200);
    expect(own.headers['cache-control']).toBe('no-store');
    expect(own.body).toMatchObject({
      status: 'info_requested',
      statusLabel: 'Chờ bổ sung thông tin',
      reporter: { name: 'Trần Thị B', phone: '0987 654 321', email: 'b@example.vn', confidential: true },
      description: REPORT.description,
      allowedActions: ['info', 'withdraw'],
      media: [expect.objectContaining({ id: photo.id, purpose: 'report' })],
    });
    expect(own.body.timeline.at(-1)).toMatchObject({
      kind: 'info_requested',
      label: 'Yêu cầu bổ sung thông tin',
      visibility: 'reporter',
      note: QUESTION,
    });

    const audit = await db.auditLog.findMany({ where: { caseId: c.id, action: 'read_personal_data' } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorKind: 'citizen',
        subjectType: 'Case',
        subjectId: c.id,
        requestId: `tracking-${c.id}`,
      }),
    ]);
  });

  it('refuses a token that does not belong to the case with 403, rather than showing the public view', async () => {
    const c = await cases.report();
    const other = await cases.report();
    const wrong = await request(app)
      .get(`/api/v1/reports/${c.trackingCode}`)
      .set('X-Citizen-Token', other.token)
      .expect(403);
    expect(wrong.body.error).toEqual({
      code: 'CITIZEN_TOKEN_INVALID',
      message: 'Mã bí mật không đúng với phản ánh này.',
    });
    const garbage = await request(app)
      .get(`/api/v1/reports/${c.trackingCode}`)
      .set('X-Citizen-Token', 'not-a-token')
      .set('Accept-Language', 'en')
      .expect(403);
    expect(garbage.body.error.message).toBe('The secret token does not match this report.');
    expect(await db.auditLog.count({ where: { caseId: c.id, action: 'read_personal_data' } })).toBe(0);
  });
});
