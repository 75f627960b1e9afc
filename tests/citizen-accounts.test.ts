/**
 * Citizens' accounts across devices (issue 16), through the real chain: a one-time code by SMS
 * (the outbox, the dispatcher, an SMS gateway), its limits (per phone, per address), its expiry
 * and its tries; the code never in the database in clear; sessions; "my reports"; claiming a
 * report made before signing in (idempotent, 409 for another account's); and isolation: citizen
 * B neither sees nor acts on citizen A's reports, while A acts on them without the case's token.
 */
import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../api/app';
import { CITIZEN_SESSION_COOKIE } from '../api/services/citizen-accounts/citizen-sessions';
import { sendersFromConfig } from '../notifications/channels';
import { createDispatcher } from '../notifications/dispatcher';
import { openText } from '../notifications/sealed-text';
import { CitizenCases } from './support/citizen-cases';
import { eventually } from './support/eventually';
import { startGatewaySink } from './support/notification-sinks';
import { platformSuite } from './support/platform-suite';

const generous = { limit: 1_000, windowMs: 60_000 };
const { config, api, db, app } = platformSuite({
  app: { citizenRateLimits: { reports: generous, citizenActions: generous, citizenSignIn: generous } },
});
const cases = new CitizenCases(api.deps, config);

/** A fresh mobile number for each test (091 + 7 digits), as a citizen would type it. */
function newPhone(): { typed: string; e164: string } {
  const rest = String(randomInt(0, 10_000_000)).padStart(7, '0');
  return { typed: `091 ${rest.slice(0, 3)} ${rest.slice(3)}`, e164: `+8491${rest}` };
}

/** The code of the latest SMS to this phone, as the SMS sender opens it. */
async function codeSentTo(e164: string): Promise<string> {
  const sms = await db.notification.findFirstOrThrow({
    where: { recipient: e164, event: 'citizen_sign_in_code' },
    orderBy: { createdAt: 'desc' },
  });
  return /\d{6}/.exec(openText(config.APP_SECRET, sms.body))![0];
}

/** Signs in with a fresh phone; the Cookie header of the session. */
async function signIn(phone = newPhone()): Promise<{ cookie: string; phone: typeof phone }> {
  await request(app).post('/api/v1/citizen/otp').send({ phone: phone.typed }).expect(202);
  const res = await request(app)
    .post('/api/v1/citizen/session')
    .send({ phone: phone.typed, code: await codeSentTo(phone.e164) })
    .expect(201);
  const cookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith(`${CITIZEN_SESSION_COOKIE}=`))!;
  return { cookie: cookie.split(';')[0]!, phone };
}

describe('a sign-in code', () => {
  it('goes by SMS through the outbox, and is kept nowhere in clear', async () => {
    const gateway = await startGatewaySink();
    const phone = newPhone();
    const sent = await request(app).post('/api/v1/citizen/otp').send({ phone: phone.typed }).expect(202);
    expect(sent.body).toEqual({ phone: phone.e164, expiresAt: expect.any(String), resendAfterSeconds: 60 });
    const validFor = new Date(sent.body.expiresAt).getTime() - Date.now();
    expect(validFor).toBeGreaterThan(4 * 60_000);
    expect(validFor).toBeLessThanOrEqual(5 * 60_000);
    // The workers' dispatcher, for this message only (other suites share the outbox).
    const queued = await db.notification.findFirstOrThrow({ where: { recipient: phone.e164 } });
    const dispatcher = createDispatcher(
      { db, senders: sendersFromConfig({ ...config, SMS_GATEWAY_URL: gateway.url }, db) },
      { keyPrefixes: [queued.dedupeKey], pollMs: 50 },
    );
    try {
      dispatcher.start();
      const sms = await eventually(async () => {
        const found = gateway.received.find((r) => r.body.to === phone.e164);
        if (!found) throw new Error('no SMS yet');
        return found;
      });
      const code = /Mã đăng nhập (\d{6}), hiệu lực 5 phút/.exec(sms.body.text)?.[1];
      expect(code).toMatch(/^\d{6}$/);

      // The database holds an HMAC of the code and a sealed SMS text, not the code.
      const otp = await db.citizenOtp.findFirstOrThrow({ where: { phone: phone.e164 } });
      const outbox = await db.notification.findFirstOrThrow({ where: { recipient: phone.e164 } });
      expect(JSON.stringify(otp)).not.toContain(code);
      expect(outbox.body).toMatch(/^sealed:v1:/);
      expect(JSON.stringify(outbox)).not.toContain(code);
      expect(outbox.state).toBe('sent');
    } finally {
      await dispatcher.stop();
      await gateway.close();
    }
  });

  it('reads the Vietnamese ways of writing a mobile number as one phone, and refuses others', async () => {
    const phone = newPhone();
    const digits = phone.e164.slice(1); // 8491…
    await request(app).post('/api/v1/citizen/otp').send({ phone: digits }).expect(202);
    // The same phone: within the minute, refused.
    await request(app).post('/api/v1/citizen/otp').send({ phone: phone.typed }).expect(429);
    const fixedLine = await request(app)
      .post('/api/v1/citizen/otp')
      .set('Accept-Language', 'en')
      .send({ phone: '0239 3855 555' })
      .expect(422);
    expect(fixedLine.body.error.fields.phone).toEqual({
      code: 'invalid_phone',
      message: 'A Vietnamese mobile number is needed, e.g. 0912 345 678.',
    });
    await request(app).post('/api/v1/citizen/otp').send({ phone: '+33 6 12 34 56 78' }).expect(422);
    await request(app).post('/api/v1/citizen/otp').send({ phone: '0912\u0000345678' }).expect(422);
  });

  it('is sent once a minute to a phone, five times an hour', async () => {
    const phone = newPhone();
    await request(app).post('/api/v1/citizen/otp').send({ phone: phone.typed }).expect(202);
    const soon = await request(app).post('/api/v1/citizen/otp').send({ phone: phone.typed }).expect(429);
    expect(soon.body.error.code).toBe('OTP_TOO_SOON');
    expect(Number(soon.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(soon.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(soon.body.error.message).toMatch(/^Mã vừa được gửi .* sau \d+ giây\.$/);

    // Without the minute between codes (a second app), the hour's five still hold.
    const quick = createApp({ ...api.deps, signInCodeLimits: { minIntervalMs: 0, perPhonePerHour: 5 } });
    const other = newPhone();
    const sends = [];
    for (let i = 0; i < 6; i += 1)
      sends.push((await request(quick).post('/api/v1/citizen/otp').send({ phone: other.typed })).status);
    expect(sends).toEqual([202, 202, 202, 202, 202, 429]);
    expect(await db.citizenOtp.count({ where: { phone: other.e164 } })).toBe(5);
    expect(await db.notification.count({ where: { recipient: other.e164 } })).toBe(5);
  });

  it('is limited per client address too, whatever the phone', async () => {
    const strict = createApp({ ...api.deps, citizenRateLimits: { citizenSignIn: { limit: 2, windowMs: 60_000 } } });
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await request(strict).post('/api/v1/citizen/otp').send({ phone: newPhone().typed })).status);
    expect(statuses).toEqual([202, 202, 429]);
  });

  it('is void after five wrong tries, even for the right code then', async () => {
    const phone = newPhone();
    await request(app).post('/api/v1/citizen/otp').send({ phone: phone.typed }).expect(202);
    const code = await codeSentTo(phone.e164);
    const wrong = code === '000000' ? '111111' : '000000';
    const left = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await request(app)
        .post('/api/v1/citizen/session')
        .send({ phone: phone.typed, code: wrong })
        .expect(401);
      expect(res.body.error.code).toBe('OTP_INVALID');
      left.push(res.body.error.message);
    }
    expect(left[0]).toBe('Mã không đúng. Còn 4 lần thử.');
    expect(left[4]).toBe('Mã không đúng. Mã này đã bị huỷ do nhập sai quá nhiều lần; vui lòng yêu cầu mã mới.');
    const late = await request(app).post('/api/v1/citizen/session').send({ phone: phone.typed, code }).expect(401);
    expect(late.body.error.code).toBe('OTP_EXPIRED');
    expect(await db.citizen.findUnique({ where: { phone: phone.e164 } })).toBeNull();
  });

  it('expires after five minutes, and serves once', async () => {
    const phone = newPhone();
    await request(app).post('/api/v1/citizen/otp').send({ phone: phone.typed }).expect(202);
    const code = await codeSentTo(phone.e164);
    await db.citizenOtp.updateMany({ where: { phone: phone.e164 }, data: { expiresAt: new Date(Date.now() - 1) } });
    const expired = await request(app)
      .post('/api/v1/citizen/session')
      .set('Accept-Language', 'en')
      .send({ phone: phone.typed, code })
      .expect(401);
    expect(expired.body.error).toEqual({
      code: 'OTP_EXPIRED',
      message: 'There is no valid code for this number (expired, used or void). Please ask for a new one.',
    });

    const again = newPhone();
    await request(app).post('/api/v1/citizen/otp').send({ phone: again.typed }).expect(202);
    const fresh = await codeSentTo(again.e164);
    await request(app).post('/api/v1/citizen/session').send({ phone: again.typed, code: fresh }).expect(201);
    const twice = await request(app).post('/api/v1/citizen/session').send({ phone: again.typed, code: fresh });
    expect([twice.status, twice.body.error.code]).toEqual([401, 'OTP_EXPIRED']);
  });
});

describe('a session', () => {
  it('is an httpOnly SameSite=Lax cookie whose token the database keeps only hashed, until sign-out', async () => {
    const phone = newPhone();
    await request(app).post('/api/v1/citizen/otp').send({ phone: phone.typed }).expect(202);
    const res = await request(app)
      .post('/api/v1/citizen/session')
      .send({ phone: phone.typed, code: await codeSentTo(phone.e164) })
      .expect(201);
    expect(res.body).toEqual({ citizen: { phone: phone.e164 }, expiresAt: expect.any(String) });
    const setCookie = [res.headers['set-cookie']].flat().join('\n');
    expect(setCookie).toMatch(
      /citizen_session=[\w-]{43}; Max-Age=\d+; Path=\/api\/v1; Expires=.*; HttpOnly; SameSite=Lax/,
    );
    const cookie = setCookie.split(';')[0]!;
    const token = cookie.split('=')[1]!;
    const stored = await db.citizenSession.findMany({ where: { citizen: { phone: phone.e164 } } });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    const me = await request(app).get('/api/v1/citizen/session').set('Cookie', cookie).expect(200);
    expect(me.body).toEqual({ citizen: { phone: phone.e164 } });
    await request(app).delete('/api/v1/citizen/session').set('Cookie', cookie).expect(204);
    const after = await request(app).get('/api/v1/citizen/session').set('Cookie', cookie).expect(401);
    expect(after.body.error.code).toBe('CITIZEN_SIGN_IN_REQUIRED');
    await request(app).get('/api/v1/citizen/reports').set('Cookie', cookie).expect(401);
    expect((await db.citizenSession.findFirstOrThrow({ where: { id: stored[0]!.id } })).revokedAt).not.toBeNull();
  });

  it('records when it was last used, at most once a minute', async () => {
    const { cookie, phone } = await signIn();
    const session = () => db.citizenSession.findFirstOrThrow({ where: { citizen: { phone: phone.e164 } } });
    const signedIn = await session();
    // Just signed in: using it at once writes nothing.
    await request(app).get('/api/v1/citizen/session').set('Cookie', cookie).expect(200);
    expect((await session()).lastSeenAt).toEqual(signedIn.lastSeenAt);

    const earlier = new Date(Date.now() - 5 * 60_000);
    await db.citizenSession.update({ where: { id: signedIn.id }, data: { lastSeenAt: earlier } });
    const before = Date.now();
    // A page load's parallel requests: one records the visit.
    await Promise.all(
      ['/api/v1/citizen/session', '/api/v1/citizen/reports', '/api/v1/citizen/session'].map((path) =>
        request(app).get(path).set('Cookie', cookie).expect(200),
      ),
    );
    const seen = (await session()).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(seen.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    // Within the minute, using it again writes nothing.
    await request(app).get('/api/v1/citizen/reports').set('Cookie', cookie).expect(200);
    expect((await session()).lastSeenAt).toEqual(seen);
    // A revoked session is not touched.
    await request(app).delete('/api/v1/citizen/session').set('Cookie', cookie).expect(204);
    await db.citizenSession.update({ where: { id: signedIn.id }, data: { lastSeenAt: earlier } });
    await request(app).get('/api/v1/citizen/session').set('Cookie', cookie).expect(401);
    expect((await session()).lastSeenAt).toEqual(earlier);
  });

  it('refuses writes from another site that carry it', async () => {
    const a = await signIn();
    const res = await request(app)
      .post('/api/v1/citizen/claims')
      .set('Cookie', a.cookie)
      .set('Origin', 'https://evil.example')
      .send({ trackingCode: 'HT-2601-ZZZZ', citizenToken: 'x' })
      .expect(403);
    expect(res.body.error.code).toBe('CROSS_ORIGIN_REFUSED');
  });
});

describe('my reports across devices', () => {
  it('claims a report made before signing in: once, idempotently, never from another account', async () => {
    const c = await cases.report();
    const a = await signIn();
    const b = await signIn();
    const claim = (cookie: string, token = c.token) =>
      request(app)
        .post('/api/v1/citizen/claims')
        .set('Cookie', cookie)
        .send({ trackingCode: c.trackingCode, citizenToken: token });

    expect((await claim(a.cookie).expect(201)).body).toEqual({ trackingCode: c.trackingCode, claimed: true });
    expect((await claim(a.cookie).expect(200)).body).toEqual({ trackingCode: c.trackingCode, claimed: false });
    const taken = await claim(b.cookie).set('Accept-Language', 'en').expect(409);
    expect(taken.body.error).toEqual({
      code: 'CLAIMED_BY_ANOTHER_ACCOUNT',
      message: 'This report already belongs to another account; it cannot be added to yours.',
    });
    const other = await cases.report();
    await claim(b.cookie, other.token).expect(403);
    await request(app)
      .post('/api/v1/citizen/claims')
      .send({ trackingCode: c.trackingCode, citizenToken: c.token })
      .expect(401);

    const mine = await request(app).get('/api/v1/citizen/reports').set('Cookie', a.cookie).expect(200);
    expect(mine.body).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        trackingCode: c.trackingCode,
        status: 'verifying',
        statusLabel: expect.any(String),
        allowedActions: ['withdraw'],
      }),
    ]);
    const theirs = await request(app).get('/api/v1/citizen/reports').set('Cookie', b.cookie).expect(200);
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
  });

  it('lets the owner act without the case’s token, and nobody else', async () => {
    const c = await cases.report();
    const a = await signIn();
    const b = await signIn();
    await request(app)
      .post('/api/v1/citizen/claims')
      .set('Cookie', a.cookie)
      .send({ trackingCode: c.trackingCode, citizenToken: c.token })
      .expect(201);

    // B: the public view, and no action.
    const seenByB = await request(app).get(`/api/v1/reports/${c.trackingCode}`).set('Cookie', b.cookie).expect(200);
    expect(seenByB.body.reporter).toBeUndefined();
    expect(seenByB.body.allowedActions).toBeUndefined();
    const refused = await request(app)
      .post(`/api/v1/reports/${c.trackingCode}/withdraw`)
      .set('Cookie', b.cookie)
      .send({})
      .expect(403);
    expect(refused.body.error.code).toBe('CITIZEN_NOT_OWNER');
    expect((await c.driver.state()).status).toBe('verifying');

    // A: the reporter's view, not cached, and the withdrawal goes through.
    const seenByA = await request(app).get(`/api/v1/reports/${c.trackingCode}`).set('Cookie', a.cookie).expect(200);
    expect(seenByA.headers['cache-control']).toBe('no-store');
    expect(seenByA.body.allowedActions).toEqual(['withdraw']);
    const withdrawn = await request(app)
      .post(`/api/v1/reports/${c.trackingCode}/withdraw`)
      .set('Cookie', a.cookie)
      .set('Idempotency-Key', randomUUID())
      .send({ reason: 'Đã tự xử lý được' })
      .expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('links a report made while signed in to the account at creation, once on retry', async () => {
    const a = await signIn();
    const key = randomUUID();
    const report = {
      categoryCode: 'moi-truong',
      description: 'Cống thoát nước bị tắc trước nhà văn hoá tổ dân phố 3',
      location: { lat: 18.3428, lng: 105.9057, address: 'Đường Hà Huy Tập', communeCode: '18073' },
    };
    const first = await request(app)
      .post('/api/v1/reports')
      .set('Cookie', a.cookie)
      .set('Idempotency-Key', key)
      .send(report)
      .expect(201);
    const retry = await request(app)
      .post('/api/v1/reports')
      .set('Cookie', a.cookie)
      .set('Idempotency-Key', key)
      .send(report)
      .expect(201);
    expect(retry.body.trackingCode).toBe(first.body.trackingCode);
    const row = await db.case.findUniqueOrThrow({ where: { id: first.body.id }, include: { citizen: true } });
    expect(row.citizen?.phone).toBe(a.phone.e164);
    const mine = await request(app).get('/api/v1/citizen/reports').set('Cookie', a.cookie).expect(200);
    expect(mine.body.items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([first.body.trackingCode]);

    // Anonymous reporting stays: no cookie, no account.
    const anonymous = await request(app).post('/api/v1/reports').send(report).expect(201);
    expect((await db.case.findUniqueOrThrow({ where: { id: anonymous.body.id } })).citizenId).toBeNull();
  });
});
