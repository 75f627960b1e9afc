/**
 * The reporter's actions (POST /api/v1/reports/{trackingCode}/rating|info|withdraw): the token
 * is checked, the body explained field by field, and the case's workflow has the last word
 * through its Updates, through the real chain.
 */
import net from 'node:net';
import request from 'supertest';
import { createApp } from '../api/app';
import { CitizenCases, QUESTION } from './support/citizen-cases';
import { apiDependencies } from './support/platform';
import { platformSuite } from './support/platform-suite';

const { config, api, db, app } = platformSuite();
const cases = new CitizenCases(api.deps, config);

const post = (trackingCode: string, action: string, token?: string) => {
  const req = request(app).post(`/api/v1/reports/${trackingCode}/${action}`);
  return token ? req.set('X-Citizen-Token', token) : req;
};

describe('every action needs the case’s token', () => {
  it.each(['rating', 'info', 'withdraw'])('%s: 401 without a token, 403 with another case’s', async (action) => {
    const c = await cases.report();
    const other = await cases.report();
    const missing = await post(c.trackingCode, action).send({ score: 5, answer: 'x' }).expect(401);
    expect(missing.body.error).toEqual({
      code: 'CITIZEN_TOKEN_REQUIRED',
      message:
        'Cần mã bí mật của người phản ánh (header X-Citizen-Token) hoặc đăng nhập bằng số điện thoại đã gửi phản ánh để thực hiện thao tác này.',
    });
    const english = await post(c.trackingCode, action).set('Accept-Language', 'en').send({}).expect(401);
    expect(english.body.error.message).toBe(
      "This needs the reporter's secret token (header X-Citizen-Token), or signing in with the phone number the report belongs to.",
    );
    const wrong = await post(c.trackingCode, action, other.token).send({}).expect(403);
    expect(wrong.body.error.code).toBe('CITIZEN_TOKEN_INVALID');
    await post('HT-2601-ZZZZ', action, c.token).send({}).expect(404);
    // Nothing reached the workflow.
    expect((await c.driver.state()).status).toBe('verifying');
  });
});

describe('rating the published result', () => {
  it('is refused with 409 before the result is published', async () => {
    const c = await cases.report();
    const early = await post(c.trackingCode, 'rating', c.token)
      .set('Accept-Language', 'en')
      .send({ score: 5 })
      .expect(409);
    expect(early.body.error).toEqual({
      code: 'NOT_ALLOWED_NOW',
      message: 'This cannot be done in the current state of the report.',
    });
  });

  it('explains a bad rating field by field, in Vietnamese or English', async () => {
    const c = await cases.report();
    const vi = await post(c.trackingCode, 'rating', c.token).send({ score: 6, comment: 'x'.repeat(2_001), stars: 5 });
    expect(vi.status).toBe(422);
    expect(vi.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
      fields: {
        score: { code: 'too_big', message: 'Giá trị không được vượt quá 5.' },
        comment: { code: 'too_long', message: 'Tối đa 2000 ký tự.' },
        stars: { code: 'unknown_field', message: 'Trường không được hỗ trợ.' },
      },
    });
    const en = await post(c.trackingCode, 'rating', c.token)
      .set('Accept-Language', 'en')
      .send({ score: '5' })
      .expect(422);
    expect(en.body.error.fields).toEqual({ score: { code: 'invalid_type', message: 'Wrong type of value.' } });
    const none = await post(c.trackingCode, 'rating', c.token).set('Accept-Language', 'en').expect(422);
    expect(none.body.error.fields.score).toEqual({ code: 'required', message: 'This field is required.' });
  });

  it('stores the rating, closes a satisfied case, and answers a retry with the same key without a second rating', async () => {
    const c = await cases.report();
    await cases.publish(c, '18073');
    const rated = await post(c.trackingCode, 'rating', c.token)
      .set('Idempotency-Key', 'rate-1')
      .send({ score: 5, comment: '  Xử lý nhanh, cảm ơn!  ' })
      .expect(200);
    expect(rated.headers['cache-control']).toBe('no-store');
    expect(rated.body).toMatchObject({
      trackingCode: c.trackingCode,
      status: 'closed',
      statusLabel: 'Đã hoàn thành',
      rating: { score: 5, comment: 'Xử lý nhanh, cảm ơn!', round: 0 },
      reporter: { name: 'Nguyễn Văn A' },
      allowedActions: [],
    });
    expect(rated.body.timeline.map((e: { kind: string }) => e.kind).slice(-2)).toEqual(['rated', 'closed']);
    const stored = await db.rating.findMany({ where: { caseId: c.id } });
    expect(stored).toEqual([expect.objectContaining({ round: 0, score: 5, comment: 'Xử lý nhanh, cảm ơn!' })]);

    // The public sees the score, not the reporter's words.
    const publicView = await request(app).get(`/api/v1/reports/${c.trackingCode}`).expect(200);
    expect(publicView.body.rating).toEqual({ score: 5, round: 0, createdAt: expect.any(String) });

    const retry = await post(c.trackingCode, 'rating', c.token)
      .set('Idempotency-Key', 'rate-1')
      .send({ score: 5, comment: 'Xử lý nhanh, cảm ơn!' });
    // Temporal answers an Update id it has seen from the first result, even once the case has ended.
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ status: 'closed', rating: { score: 5 } });
    expect(await db.rating.count({ where: { caseId: c.id } })).toBe(1);
    await post(c.trackingCode, 'rating', c.token).send({ score: 1 }).expect(409);
  });

  it('sends an unsatisfied rating to a supervisor’s review', async () => {
    const c = await cases.report();
    await cases.publish(c, '18073');
    const rated = await post(c.trackingCode, 'rating', c.token).send({ score: 1 }).expect(200);
    expect(rated.body).toMatchObject({ step: 'review', rating: { score: 1 } });
    expect(await db.task.count({ where: { caseId: c.id, step: 'review', state: 'open' } })).toBe(1);
  });
});

describe('answering a request for information', () => {
  it('is refused with 409 when no information is awaited', async () => {
    const c = await cases.report();
    const answer = await post(c.trackingCode, 'info', c.token)
      .send({ answer: 'Số 12 ngõ 5 đường Hà Huy Tập' })
      .expect(409);
    expect(answer.body.error.code).toBe('NOT_ALLOWED_NOW');
    expect(answer.body.error.message).toBe('Không thể thực hiện thao tác này ở trạng thái hiện tại của phản ánh.');
  });

  it('explains an empty answer or foreign files, in Vietnamese or English', async () => {
    const c = await cases.report();
    await cases.requestInfo(c);
    const empty = await post(c.trackingCode, 'info', c.token).send({ answer: '   ' }).expect(422);
    expect(empty.body.error.fields.answer).toEqual({ code: 'too_short', message: 'Cần ít nhất 1 ký tự.' });
    const en = await post(c.trackingCode, 'info', c.token)
      .set('Accept-Language', 'en')
      .send({ mediaIds: ['x'] })
      .expect(422);
    expect(en.body.error.fields).toEqual({
      answer: { code: 'required', message: 'This field is required.' },
      'mediaIds.0': { code: 'invalid_format', message: 'Wrong format.' },
    });
    const other = await cases.report();
    const foreign = await cases.addMedia(other, 'info');
    const notOurs = await post(c.trackingCode, 'info', c.token)
      .set('Accept-Language', 'en')
      .send({ answer: 'Số 12 ngõ 5', mediaIds: [foreign.id] })
      .expect(422);
    expect(notOurs.body.error.fields.mediaIds).toEqual({
      code: 'unknown_media',
      message: 'An attached file does not belong to this report.',
    });
    expect((await c.driver.state()).status).toBe('info_requested');
  });

  it('sends the answer with its files, and the case goes back to verification', async () => {
    const c = await cases.report();
    await cases.requestInfo(c);
    const file = await cases.addMedia(c, 'info');
    const answered = await post(c.trackingCode, 'info', c.token)
      .set('Idempotency-Key', 'info-1')
      .send({ answer: 'Số 12 ngõ 5 đường Hà Huy Tập', mediaIds: [file.id] })
      .expect(200);
    expect(answered.body).toMatchObject({ status: 'verifying', step: 'verify', allowedActions: ['withdraw'] });
    expect(
      answered.body.timeline.map((e: { kind: string; note: string | null }) => [e.kind, e.note]).slice(-3),
    ).toEqual([
      ['info_requested', QUESTION],
      ['info_supplied', 'Số 12 ngõ 5 đường Hà Huy Tập'],
      ['verification_started', null],
    ]);
    expect(answered.body.media).toEqual([expect.objectContaining({ id: file.id, purpose: 'info' })]);
    expect(await db.task.count({ where: { caseId: c.id, step: 'verify', state: 'open' } })).toBe(1);

    // A retry with the same key gets the first answer; another answer is refused.
    const retry = await post(c.trackingCode, 'info', c.token)
      .set('Idempotency-Key', 'info-1')
      .send({ answer: 'Số 12 ngõ 5 đường Hà Huy Tập', mediaIds: [file.id] })
      .expect(200);
    expect(retry.body.status).toBe('verifying');
    expect(await db.caseTimelineEntry.count({ where: { caseId: c.id, kind: 'info_supplied' } })).toBe(1);
    await post(c.trackingCode, 'info', c.token).send({ answer: 'Thêm thông tin' }).expect(409);
  });
});

describe('withdrawing a report', () => {
  it('is possible before processing starts, with an optional reason', async () => {
    const c = await cases.report();
    const withdrawn = await post(c.trackingCode, 'withdraw', c.token)
      .set('Idempotency-Key', 'withdraw-1')
      .send({ reason: 'Đã tự giải quyết' })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', statusLabel: 'Đã rút phản ánh', allowedActions: [] });
    expect(withdrawn.body.timeline.at(-1)).toMatchObject({ kind: 'withdrawn', note: 'Đã tự giải quyết' });
    const row = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ status: 'withdrawn', closedAt: expect.any(Date) });
    // The public sees that it was withdrawn, not the reporter's words.
    const publicView = await request(app).get(`/api/v1/reports/${c.trackingCode}`).expect(200);
    expect(publicView.body.timeline.at(-1)).toMatchObject({ kind: 'withdrawn', note: null });
    // The case has ended: a retry changes nothing, another withdrawal is refused.
    const retry = await post(c.trackingCode, 'withdraw', c.token).set('Idempotency-Key', 'withdraw-1').send({});
    expect(retry.status).toBe(200);
    expect(retry.body.status).toBe('withdrawn');
    await post(c.trackingCode, 'withdraw', c.token).send({}).expect(409);
    expect(await db.caseTimelineEntry.count({ where: { caseId: c.id, kind: 'withdrawn' } })).toBe(1);
  });

  it('works without a body, also while information is awaited', async () => {
    const c = await cases.report();
    await cases.requestInfo(c);
    const withdrawn = await post(c.trackingCode, 'withdraw', c.token).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('is refused with 409 once processing has started', async () => {
    const c = await cases.report();
    await cases.toProcess(c, '18073');
    const refused = await post(c.trackingCode, 'withdraw', c.token).send({ reason: 'Muộn rồi' }).expect(409);
    expect(refused.body.error.code).toBe('NOT_ALLOWED_NOW');
    expect((await c.driver.state()).status).toBe('processing');
  });

  it('explains a bad body', async () => {
    const c = await cases.report();
    const bad = await post(c.trackingCode, 'withdraw', c.token)
      .set('Accept-Language', 'en')
      .send({ reason: 'x'.repeat(1_001), why: 'no' })
      .expect(422);
    expect(bad.body.error.fields).toEqual({
      reason: { code: 'too_long', message: 'At most 1000 characters.' },
      why: { code: 'unknown_field', message: 'Unknown field.' },
    });
    expect((await c.driver.state()).status).toBe('verifying');
  });
});

describe('when Temporal cannot be reached', () => {
  it('answers 503 with Retry-After and changes nothing', async () => {
    const c = await cases.report();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const offline = apiDependencies({ ...config, TEMPORAL_ADDRESS: `127.0.0.1:${port}` });
    try {
      const answer = await request(createApp(offline.deps))
        .post(`/api/v1/reports/${c.trackingCode}/withdraw`)
        .set('X-Citizen-Token', c.token)
        .set('Accept-Language', 'en')
        .send({})
        .expect(503);
      expect(answer.headers['retry-after']).toBe('30');
      expect(answer.body.error).toEqual({
        code: 'SERVICE_UNAVAILABLE',
        message:
          'The service is briefly unavailable. Your request was not recorded; please send it again in a few minutes.',
      });
    } finally {
      await offline.close();
    }
    expect((await c.driver.state()).status).toBe('verifying');
  });
});
