/**
 * The IOC's intake (POST /api/admin/intake): an operator records a hotline call, a walk-in, a
 * letter or an email on a citizen's behalf. The case goes through the same workflow as a
 * citizen's report, with its channel and the official who took it; the caller's phone gets the
 * tracking code by SMS; a retry is the same case; only the IOC's roles may.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { createDispatcher } from '../notifications/dispatcher';
import { createHttpGatewaySender } from '../notifications/http-gateway-sender';
import { eventually } from './support/eventually';
import { jpegWithGps } from './support/media';
import { startGatewaySink } from './support/notification-sinks';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;
const as = officialSessions(() => app, config.DEMO_PASSWORD);

const call = {
  channel: 'hotline',
  categoryCode: 'moi-truong',
  description: 'Người gọi báo rác thải đổ trộm ven đường gần chợ Thành Sen',
  location: { lat: 18.3431, lng: 105.9061, address: 'Đường Hà Huy Tập', communeCode: '18073' },
  reporter: { name: 'Trần Văn Gọi', phone: '0987 654 321' },
};

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await api.close();
});

/** The intake request of a signed-in official (`cookie` from `as(username)`). */
const intake = (cookie: string, key = `intake-${randomUUID()}`) =>
  request(app).post('/api/admin/intake').set('Cookie', cookie).set('Idempotency-Key', key);

describe("an operator records a citizen's call", () => {
  it('starts the case workflow with the channel, names the operator, and texts the tracking code', async () => {
    const operator = await db.user.findUniqueOrThrow({ where: { username: 'operator' } });
    const answer = await intake(await as('operator'))
      .field('report', JSON.stringify(call))
      .attach('media', await jpegWithGps(), { filename: 'anh-nguoi-dan.jpg', contentType: 'image/jpeg' })
      .expect(201);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      trackingCode: expect.stringMatching(/^HT-\d{4}-[2-9A-Z]{4}$/),
      status: 'received',
      channel: 'hotline',
    });
    expect(answer.headers.location).toBe(`/api/admin/cases/${answer.body.id}`);
    expect(JSON.stringify(answer.body)).not.toContain('citizenToken');

    // The workflow owns it and moves it on, as any report.
    const stored = await eventually(async () => {
      const row = await db.case.findUniqueOrThrow({
        where: { id: answer.body.id },
        include: { timeline: { orderBy: { seq: 'asc' } }, media: true },
      });
      expect(row.status).toBe('verifying');
      return row;
    });
    expect(stored).toMatchObject({
      channel: 'hotline',
      confidential: true,
      reporterName: 'Trần Văn Gọi',
      reporterPhone: '0987 654 321',
      communeCode: '18073',
    });
    expect(stored.media).toHaveLength(1);
    expect(stored.timeline[0]).toMatchObject({ seq: 0, kind: 'received', actorId: operator.id });

    // The audit log names who recorded it, and from which channel.
    const audit = await db.auditLog.findMany({ where: { caseId: answer.body.id, action: 'case_recorded' } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorKind: 'official',
        actorId: operator.id,
        subjectType: 'Case',
        subjectId: answer.body.id,
        details: { channel: 'hotline', trackingCode: answer.body.trackingCode, files: 1 },
      }),
    ]);

    // The back office's timeline shows the operator on the receipt.
    const timeline = await request(app)
      .get(`/api/admin/cases/${answer.body.id}/timeline`)
      .set('Cookie', await as('operator'))
      .expect(200);
    expect(timeline.body[0]).toMatchObject({ kind: 'received', actorName: operator.name });

    // The public view names nobody: no operator, no caller.
    const view = await request(app).get(`/api/v1/reports/${answer.body.trackingCode}`).expect(200);
    const text = JSON.stringify(view.body);
    for (const secret of [operator.id, operator.name, 'Trần Văn Gọi', '0987']) expect(text).not.toContain(secret);

    // The caller's phone gets the tracking code by SMS, once.
    const rows = await eventually(async () => {
      const found = await db.notification.findMany({ where: { caseId: answer.body.id, recipientKind: 'citizen' } });
      expect(found).toHaveLength(1);
      return found;
    });
    expect(rows[0]).toMatchObject({ event: 'case_received', channel: 'sms', recipient: '0987654321' });
    const sink = await startGatewaySink();
    try {
      const dispatcher = createDispatcher(
        { db, senders: { sms: createHttpGatewaySender({ url: sink.url }) } },
        { keyPrefixes: [answer.body.id] },
      );
      while ((await dispatcher.runOnce()) > 0);
    } finally {
      await sink.close();
    }
    expect(sink.received.map((r) => r.body.to)).toEqual(['0987654321']);
    expect(sink.received[0]!.body.text).toContain(answer.body.trackingCode);
    expect(sink.received[0]!.body.text).toContain(`/track/${answer.body.trackingCode}`);
  });

  it('answers a retry with the same case, recorded and audited once', async () => {
    const key = `retry-${randomUUID()}`;
    const body = { ...call, channel: 'walk_in', reporter: { name: 'Lê Thị Đến' } };
    const first = await intake(await as('supervisor'), key)
      .send(body)
      .expect(201);
    const again = await intake(await as('supervisor'), key)
      .send(body)
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(await db.case.count({ where: { id: first.body.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { caseId: first.body.id, action: 'case_recorded' } })).toBe(1);
    // The same key with another report is refused, not merged.
    const other = await intake(await as('supervisor'), key)
      .send({ ...body, description: 'Một cuộc gọi khác hẳn về đèn đường hỏng' })
      .expect(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Another official's same key is their own report.
    const admins = await intake(await as('admin'), key)
      .send(body)
      .expect(201);
    expect(admins.body.id).not.toBe(first.body.id);
    expect((await db.case.findUniqueOrThrow({ where: { id: admins.body.id } })).channel).toBe('walk_in');
  });

  it('records a letter with an address only, the caller confidential unless they agree', async () => {
    const letter = {
      channel: 'letter',
      categoryCode: 'moi-truong',
      description: 'Thư phản ánh về mùi hôi từ bãi rác thôn 3',
      location: { address: 'Thôn 3, xã Thạch Hạ' },
      confidential: false,
      reporter: { name: 'Nguyễn Thị Thư', email: 'thu@example.vn' },
    };
    const answer = await intake(await as('operator'))
      .send(letter)
      .expect(201);
    const row = await db.case.findUniqueOrThrow({ where: { id: answer.body.id } });
    expect(row).toMatchObject({ channel: 'letter', lat: null, address: 'Thôn 3, xã Thạch Hạ', confidential: false });
  });
});

describe('who may, and what is refused', () => {
  it('is for the IOC only: a unit officer or leader gets 403, nobody signed in 401, nothing stored', async () => {
    const before = await db.case.count();
    for (const username of ['18073.officer', '18073.leader']) {
      const refused = await intake(await as(username))
        .send(call)
        .expect(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
    await request(app).post('/api/admin/intake').send(call).expect(401);
    expect(await db.case.count()).toBe(before);
  });

  it('explains a wrong channel or a missing category field by field, in Vietnamese or English', async () => {
    const vi = await intake(await as('operator'))
      .send({ ...call, channel: 'fax', categoryCode: undefined, description: 'ngắn' })
      .expect(422);
    expect(vi.body.error.code).toBe('VALIDATION_FAILED');
    expect(vi.body.error.fields).toMatchObject({
      channel: { code: 'invalid_choice' },
      categoryCode: { code: 'required', message: 'Trường này là bắt buộc.' },
      description: { code: 'too_short' },
    });
    expect(vi.body.error.fields.channel.message).toContain('hotline, walk_in, letter, email');
    const en = await intake(await as('operator'))
      .set('Accept-Language', 'en')
      .send({ ...call, channel: undefined })
      .expect(422);
    expect(en.body.error.message).toBe('Some of the data sent is not valid. Please check the marked fields.');
    expect(en.body.error.fields.channel.message).toBe('This field is required.');
    // A point outside the province, and a control character, are refused as for citizens.
    const outside = await intake(await as('operator'))
      .send({ ...call, location: { lat: 21.03, lng: 105.85 } })
      .expect(422);
    expect(outside.body.error.fields['location.lat'].code).toBe('outside_province');
    const control = await intake(await as('operator'))
      .send({ ...call, reporter: { name: 'Trần\u0000Văn' } })
      .expect(422);
    expect(control.body.error.code).toBe('VALIDATION_FAILED');
  });
});
