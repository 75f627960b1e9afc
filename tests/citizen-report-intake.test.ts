/**
 * The whole chain, for real: HTTP → API → Temporal → worker → activity → PostgreSQL.
 */
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../api/app';
import { CASE_STATUS } from '../workflows/search-attributes';
import { eventually } from './support/eventually';
import { waitForProjection } from './support/projection';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;

const report = {
  categoryCode: 'moi-truong',
  description: 'Rác thải đổ trộm <b>ven đường</b> gần chợ Thành Sen',
  location: { lat: 18.3428, lng: 105.9057, address: 'Đường Hà Huy Tập', communeCode: '18073' },
  reporter: { name: 'Nguyễn Văn A', phone: '0912 345 678' },
};

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  // This suite is about intake, not abuse protection: many reports from one test address.
  const generous = { limit: 1_000, windowMs: 60_000 };
  app = createApp({ ...api.deps, citizenRateLimits: { reports: generous, citizenActions: generous } });
});

afterAll(async () => {
  await worker.stop();
  await api.close();
});

describe('a citizen reports a problem', () => {
  it('stores the case through its workflow and answers with a tracking code and a secret', async () => {
    const response = await request(app).post('/api/v1/reports').send(report).expect(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      trackingCode: expect.stringMatching(/^HT-\d{4}-[2-9A-Z]{4}$/),
      status: 'received',
      citizenToken: expect.any(String),
    });
    expect(response.headers.location).toBe(`/api/v1/reports/${response.body.trackingCode}`);

    // The workflow moves on to verification right after the receipt.
    await waitForProjection(api.deps, response.body.id, 1);
    const stored = await api.deps.db.case.findUniqueOrThrow({
      where: { id: response.body.id },
      include: { timeline: true },
    });
    expect(stored).toMatchObject({
      status: 'verifying',
      step: 'verify',
      categoryCode: 'moi-truong',
      confidential: true,
    });
    expect(stored.description).toBe('Rác thải đổ trộm ven đường gần chợ Thành Sen'); // HTML stripped
    expect(stored.timeline.map((e) => e.kind).sort()).toEqual(['received', 'verification_started']);

    // The workflow, not the API, owns the case: Temporal has it under the case id.
    await eventually(async () => {
      const described = await api.deps.temporal.workflow.getHandle(response.body.id).describe();
      expect(described.status.name).toBe('RUNNING');
      expect(described.typedSearchAttributes.get(CASE_STATUS)).toBe('verifying');
    });
  });

  it('shows the public view by tracking code, without the reporter', async () => {
    const created = await request(app).post('/api/v1/reports').send(report).expect(201);
    const view = await request(app).get(`/api/v1/reports/${created.body.trackingCode.toLowerCase()}`).expect(200);
    expect(view.body).toMatchObject({ trackingCode: created.body.trackingCode, createdAt: expect.any(String) });
    expect(view.body.timeline[0]).toMatchObject({ kind: 'received', status: 'received' });
    expect(JSON.stringify(view.body)).not.toContain('Nguyễn Văn A');
    expect(JSON.stringify(view.body)).not.toContain('0912');
  });

  it('returns the same case for the same Idempotency-Key sent 20 times at once', async () => {
    const key = `retry-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => request(app).post('/api/v1/reports').set('Idempotency-Key', key).send(report)),
    );
    for (const answer of answers) expect(answer.status).toBe(201);
    const ids = new Set(answers.map((a) => a.body.id));
    const codes = new Set(answers.map((a) => a.body.trackingCode));
    expect(ids.size).toBe(1);
    expect(codes.size).toBe(1);
    const [id] = [...ids];
    expect(await api.deps.db.case.count({ where: { id } })).toBe(1);
    await waitForProjection(api.deps, id!, 1);
    expect(await api.deps.db.caseTimelineEntry.count({ where: { caseId: id } })).toBe(2);
  });

  it('refuses an Idempotency-Key reused for a different report, in Vietnamese by default', async () => {
    const key = `reuse-${Date.now()}`;
    await request(app).post('/api/v1/reports').set('Idempotency-Key', key).send(report).expect(201);
    const answer = await request(app)
      .post('/api/v1/reports')
      .set('Idempotency-Key', key)
      .send({ ...report, description: 'Một phản ánh hoàn toàn khác về đèn đường' })
      .expect(422);
    expect(answer.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(answer.body.error.message).toMatch(/Idempotency-Key/);
    expect(answer.body.error.message).toMatch(/đã được dùng/);
  });

  it('explains bad input field by field, in Vietnamese or English', async () => {
    const vi = await request(app)
      .post('/api/v1/reports')
      .send({ description: 'ngắn', location: { lat: 18.3 } })
      .expect(422);
    expect(vi.body.error.code).toBe('VALIDATION_FAILED');
    expect(vi.body.error.fields).toMatchObject({
      categoryCode: { code: 'required', message: 'Trường này là bắt buộc.' },
      description: { code: 'too_short' },
      'location.lat': { code: 'lat_lng_together' },
    });
    const en = await request(app).post('/api/v1/reports').set('Accept-Language', 'en-GB,en;q=0.9').send({}).expect(422);
    expect(en.body.error.message).toBe('Some of the data sent is not valid. Please check the marked fields.');
    expect(en.body.error.fields.categoryCode.message).toBe('This field is required.');
  });

  it('refuses a category or commune the province does not know, before anything is started', async () => {
    const answer = await request(app)
      .post('/api/v1/reports')
      .set('Idempotency-Key', `unknown-${Date.now()}`)
      .send({ ...report, categoryCode: 'khong-co', location: { ...report.location, communeCode: '99999' } })
      .expect(422);
    expect(answer.body.error.fields).toMatchObject({
      categoryCode: { code: 'unknown_category', message: 'Lĩnh vực không tồn tại hoặc đã ngừng sử dụng.' },
      'location.communeCode': { code: 'unknown_commune' },
    });
    expect(await api.deps.db.case.count({ where: { categoryCode: 'khong-co' } })).toBe(0);
  });

  it('answers malformed JSON and unknown tracking codes with the error shape of the contract', async () => {
    const malformed = await request(app)
      .post('/api/v1/reports')
      .set('Content-Type', 'application/json')
      .send('{"oops"')
      .expect(422);
    expect(malformed.body.error.fields._.code).toBe('invalid_json');
    const missing = await request(app).get('/api/v1/reports/HT-2611-ZZZZ').set('Accept-Language', 'en').expect(404);
    expect(missing.body.error).toEqual({ code: 'NOT_FOUND', message: 'HT-2611-ZZZZ was not found.' });
  });
});
