/**
 * The OpenAPI document is true: real answers of every documented operation, success and failure,
 * validate against it; and the readable page at /api/docs loads without any CDN.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { openText } from '../notifications/sealed-text';
import { REPORT } from './support/case-driver';
import { CitizenCases, type CitizenCase } from './support/citizen-cases';
import { jpegWithGps } from './support/media';
import { documentedOperations, expectDocumented } from './support/openapi-validator';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;
let cases: CitizenCases;
const exercised = new Set<string>();

/** Sends the request and checks its answer against the document. */
async function call(
  method: 'get' | 'post' | 'put' | 'delete',
  url: string,
  documented: string,
  setup: (r: request.Test) => request.Test = (r) => r,
) {
  const response = await setup(request(app)[method](url));
  expectDocumented(method, documented, response.status, response.status === 204 ? undefined : response.body);
  exercised.add(`${method.toUpperCase()} ${documented}`);
  return response;
}

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  const generous = { limit: 1_000, windowMs: 60_000 };
  app = createApp({
    ...api.deps,
    loginRateLimit: generous,
    citizenRateLimits: { reports: generous, citizenActions: generous },
  });
  cases = new CitizenCases(api.deps, config);
});
afterAll(async () => {
  await worker.stop();
  await api.close();
});

describe('the OpenAPI document', () => {
  it('refuses an answer that differs from it (the check can fail)', () => {
    expect(() => expectDocumented('get', '/api/v1/categories', 200, [{ code: 'moi-truong' }])).toThrow(
      /does not match/,
    );
    expect(() =>
      expectDocumented('get', '/api/v1/communes', 200, [
        { code: '18073', name: 'Thành Sen', kind: 'ward', fullName: 'Phường Thành Sen', extra: 1 },
      ]),
    ).toThrow(/additional/);
    expect(() => expectDocumented('get', '/api/v1/communes', 418, [])).toThrow(/does not document status 418/);
  });

  it('is served, and the API page loads from our own assets', async () => {
    const served = await request(app).get('/api/openapi.json').expect(200);
    expect(served.body.openapi).toBe('3.1.0');
    const page = await request(app).get('/api/docs').expect(200);
    expect(page.text).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/); // no inline script under our CSP
    await request(app)
      .get('/api/docs/assets/swagger-ui-bundle.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    await request(app).get('/api/docs/start.js').expect(200);
  });

  it("describes the report intake, tracking and the reporter's actions as they answer", async () => {
    const created = await call('post', '/api/v1/reports', '/api/v1/reports', (r) => r.send(REPORT));
    expect(created.status).toBe(201);
    const invalid = await call('post', '/api/v1/reports', '/api/v1/reports', (r) => r.send({ description: 'x' }));
    expect(invalid.status).toBe(422);

    const code = created.body.trackingCode as string;
    await call('get', `/api/v1/reports/${code}`, '/api/v1/reports/{trackingCode}');
    const own = await call('get', `/api/v1/reports/${code}`, '/api/v1/reports/{trackingCode}', (r) =>
      r.set('X-Citizen-Token', created.body.citizenToken),
    );
    expect(own.body.reporter).toBeDefined();
    expect(
      (
        await call('get', `/api/v1/reports/${code}`, '/api/v1/reports/{trackingCode}', (r) =>
          r.set('X-Citizen-Token', 'wrong'),
        )
      ).status,
    ).toBe(403);
    expect((await call('get', '/api/v1/reports/HT-0000-ZZZZ', '/api/v1/reports/{trackingCode}')).status).toBe(404);

    const published = await cases.report();
    await cases.publish(published, '18073');
    const token = (r: request.Test) => r.set('X-Citizen-Token', published.token);
    expect(
      (
        await call(
          'post',
          `/api/v1/reports/${published.trackingCode}/withdraw`,
          '/api/v1/reports/{trackingCode}/withdraw',
          (r) => token(r).send({}),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await call(
          'post',
          `/api/v1/reports/${published.trackingCode}/info`,
          '/api/v1/reports/{trackingCode}/info',
          (r) => token(r).send({ answer: 'Số 12' }),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await call(
          'post',
          `/api/v1/reports/${published.trackingCode}/rating`,
          '/api/v1/reports/{trackingCode}/rating',
          (r) => r.send({ score: 5 }),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await call(
          'post',
          `/api/v1/reports/${published.trackingCode}/rating`,
          '/api/v1/reports/{trackingCode}/rating',
          (r) => token(r).send({ score: 9 }),
        )
      ).status,
    ).toBe(422);
    const rated = await call(
      'post',
      `/api/v1/reports/${published.trackingCode}/rating`,
      '/api/v1/reports/{trackingCode}/rating',
      (r) => token(r).send({ score: 4, comment: 'Tốt' }),
    );
    expect(rated.status).toBe(200);

    const feed = await call('get', `/api/v1/reports?pageSize=5&communeCode=18073`, '/api/v1/reports');
    expect(feed.body.items.length).toBeGreaterThan(0);
    expect((await call('get', '/api/v1/reports?bbox=1,2', '/api/v1/reports')).status).toBe(422);

    const withdrawable = await cases.report();
    expect(
      (
        await call(
          'post',
          `/api/v1/reports/${withdrawable.trackingCode}/withdraw`,
          '/api/v1/reports/{trackingCode}/withdraw',
          (r) => r.set('X-Citizen-Token', withdrawable.token).send({ reason: 'Đã tự xử lý' }),
        )
      ).status,
    ).toBe(200);
    const asked = await cases.report();
    await cases.requestInfo(asked);
    const upload = (c: CitizenCase, key: string) =>
      call('post', `/api/v1/reports/${c.trackingCode}/media`, '/api/v1/reports/{trackingCode}/media', (r) =>
        r.set('X-Citizen-Token', c.token).set('Idempotency-Key', key).attach('file', photo, 'hien-truong.jpg'),
      );
    const photo = await jpegWithGps(320, 240);
    expect((await upload(published, 'openapi-file-0')).status).toBe(409);
    const file = await upload(asked, 'openapi-file-1');
    expect(file.status).toBe(201);
    expect((await upload(asked, 'openapi-file-1')).status).toBe(200);
    expect(
      (
        await call('post', `/api/v1/reports/${asked.trackingCode}/info`, '/api/v1/reports/{trackingCode}/info', (r) =>
          r.set('X-Citizen-Token', asked.token).send({ answer: 'Trước số nhà 12', mediaIds: [file.body.id] }),
        )
      ).status,
    ).toBe(200);
  });

  it("describes the reference data, the officials' login and health as they answer", async () => {
    for (const path of ['/api/v1/categories', '/api/v1/units', '/api/v1/communes', '/api/v1/announcements']) {
      expect((await call('get', path, path)).status).toBe(200);
    }
    expect((await call('get', '/api/v1/announcements?kind=nonsense', '/api/v1/announcements')).status).toBe(422);
    expect((await call('get', '/api/v1/statistics', '/api/v1/statistics')).status).toBe(200);
    expect((await call('get', '/api/v1/statistics?from=2026-13-01', '/api/v1/statistics')).status).toBe(422);
    // The commune's 200 is validated in tests/map-api.test.ts, which gives a commune a boundary.
    expect((await call('get', '/api/v1/communes/locate?lat=0&lng=0', '/api/v1/communes/locate')).status).toBe(404);
    expect((await call('get', '/api/v1/communes/locate?lat=north', '/api/v1/communes/locate')).status).toBe(422);
    expect((await call('get', '/api/v1/map-settings', '/api/v1/map-settings')).status).toBe(200);
    const icon = await call('get', '/api/v1/icons/traffic.svg', '/api/v1/icons/{name}.svg');
    expect([icon.status, icon.headers['content-type']]).toEqual([200, 'image/svg+xml; charset=utf-8']);
    expect((await call('get', '/api/v1/icons/no_such_icon.svg', '/api/v1/icons/{name}.svg')).status).toBe(404);
    const subscribed = await call('post', '/api/v1/subscriptions', '/api/v1/subscriptions', (r) =>
      r.send({ channel: 'email', address: `openapi-${Date.now()}@example.vn`, communeCodes: ['18073'] }),
    );
    expect(subscribed.status).toBe(202);
    expect(
      (
        await call('post', '/api/v1/subscriptions', '/api/v1/subscriptions', (r) =>
          r.send({ channel: 'pigeon', address: 'x' }),
        )
      ).status,
    ).toBe(422);
    expect(
      (await call('post', '/api/v1/subscriptions/unsubscribe?token=nope', '/api/v1/subscriptions/unsubscribe')).status,
    ).toBe(404);
    expect((await call('get', '/api/v1/push/public-key', '/api/v1/push/public-key')).status).toBe(200);
    const confirmation = await api.deps.db.notification.findFirstOrThrow({
      where: { event: 'subscription_confirm', recipient: { startsWith: 'openapi-' } },
      orderBy: { createdAt: 'desc' },
    });
    const token = /[?&]token=([^\s&]+)/.exec(confirmation.body)![1]!;
    const manage = `/api/v1/subscriptions/manage?token=${token}`;
    expect((await call('get', manage, '/api/v1/subscriptions/manage')).status).toBe(200);
    const changed = await call('put', manage, '/api/v1/subscriptions/manage', (r) =>
      r.send({ communeCodes: ['18073'], topics: ['announcements', 'report_resolved'] }),
    );
    expect([changed.status, changed.body.topics]).toEqual([200, ['announcements', 'report_resolved']]);
    expect(
      (
        await call('put', manage, '/api/v1/subscriptions/manage', (r) =>
          r.send({ communeCodes: ['00000'], topics: ['announcements'] }),
        )
      ).status,
    ).toBe(422);
    expect(
      (await call('put', '/api/v1/subscriptions/manage?token=nope', '/api/v1/subscriptions/manage', (r) => r.send({})))
        .status,
    ).toBe(404);
    const login = await call('post', '/api/auth/login', '/api/auth/login', (r) =>
      r.send({ username: '18073.leader', password: config.DEMO_PASSWORD }),
    );
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
    await call('get', '/api/auth/me', '/api/auth/me', (r) => r.set('Cookie', cookie));
    expect(
      (
        await call('post', '/api/auth/password', '/api/auth/password', (r) =>
          r.set('Cookie', cookie).send({ currentPassword: 'sai', newPassword: 'mật khẩu mới dài' }),
        )
      ).status,
    ).toBe(422);
    expect((await call('post', '/api/auth/logout', '/api/auth/logout', (r) => r.set('Cookie', cookie))).status).toBe(
      204,
    );
    expect((await call('get', '/api/auth/me', '/api/auth/me', (r) => r.set('Cookie', cookie))).status).toBe(401);
    expect(
      (await call('post', '/api/auth/login', '/api/auth/login', (r) => r.send({ username: 'khong.co', password: 'x' })))
        .status,
    ).toBe(401);
    expect((await call('get', '/healthz', '/healthz')).status).toBe(200);
  });

  it('describes the duplicate hints and "me too" as they answer', async () => {
    // A screened, open report of our own to find and follow.
    const id = randomUUID();
    const trackingCode = `HT-2026-${randomUUID()
      .slice(0, 4)
      .toUpperCase()
      .replace(/[^2-9A-HJKMNP-TV-Z]/g, 'Z')}`;
    const point = { lat: 18.31 + Math.random() / 100, lng: 105.61 + Math.random() / 100 };
    await api.deps.db.case.create({
      data: {
        id,
        trackingCode,
        requestFingerprint: 'test',
        categoryCode: 'giao-thong',
        description: 'Ổ gà giữa đường',
        status: 'routing',
        step: 'route',
        receivedAt: new Date(),
        ...point,
      },
    });
    await api.deps.db.caseTimelineEntry.create({
      data: { caseId: id, seq: 1, kind: 'verified', visibility: 'public', at: new Date() },
    });
    const nearby = `/api/v1/reports/nearby?lat=${point.lat}&lng=${point.lng}&category=giao-thong`;
    const found = await call('get', nearby, '/api/v1/reports/nearby');
    expect(found.body.map((r: { trackingCode: string }) => r.trackingCode)).toEqual([trackingCode]);
    expect((await call('get', '/api/v1/reports/nearby?lat=north', '/api/v1/reports/nearby')).status).toBe(422);
    const meToo = (code: string, body: object) =>
      call('post', `/api/v1/reports/${code}/me-too`, '/api/v1/reports/{trackingCode}/me-too', (r) => r.send(body));
    const follower = randomUUID().replaceAll('-', '');
    expect((await meToo(trackingCode, { follower })).status).toBe(201);
    expect((await meToo(trackingCode, { follower })).status).toBe(200);
    expect((await meToo('HT-2026-ZZZZ', { follower })).status).toBe(404);
    expect((await meToo(trackingCode, { follower: 'x' })).status).toBe(422);
  });

  it("describes the citizens' accounts as they answer", async () => {
    const signIn = async () => {
      const phone = `094${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
      const otp = (body: object) => call('post', '/api/v1/citizen/otp', '/api/v1/citizen/otp', (r) => r.send(body));
      expect((await otp({ phone })).status).toBe(202);
      expect((await otp({ phone })).status).toBe(429);
      expect((await otp({ phone: '0239 3855 555' })).status).toBe(422);
      const sms = await api.deps.db.notification.findFirstOrThrow({ where: { recipient: `+84${phone.slice(1)}` } });
      const code = /\d{6}/.exec(openText(config.APP_SECRET, sms.body))![0];
      const session = (body: object) =>
        call('post', '/api/v1/citizen/session', '/api/v1/citizen/session', (r) => r.send(body));
      expect((await session({ phone, code: code === '000000' ? '111111' : '000000' })).status).toBe(401);
      expect((await session({ phone, code: 'abc' })).status).toBe(422);
      const signedIn = await session({ phone, code });
      expect(signedIn.status).toBe(201);
      return ([] as string[]).concat(signedIn.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
    };
    const a = await signIn();
    const b = await signIn();
    const withA = (r: request.Test) => r.set('Cookie', a);
    expect((await call('get', '/api/v1/citizen/session', '/api/v1/citizen/session', withA)).status).toBe(200);
    expect((await call('get', '/api/v1/citizen/session', '/api/v1/citizen/session')).status).toBe(401);

    const c = await cases.report();
    const claim = (cookie: string | undefined, body: object) =>
      call('post', '/api/v1/citizen/claims', '/api/v1/citizen/claims', (r) =>
        (cookie ? r.set('Cookie', cookie) : r).send(body),
      );
    const proof = { trackingCode: c.trackingCode, citizenToken: c.token };
    expect((await claim(a, proof)).status).toBe(201);
    expect((await claim(a, proof)).status).toBe(200);
    expect((await claim(b, proof)).status).toBe(409);
    expect((await claim(b, { ...proof, citizenToken: 'x' })).status).toBe(403);
    expect((await claim(b, { ...proof, trackingCode: 'HT-2601-ZZZZ' })).status).toBe(404);
    expect((await claim(b, { trackingCode: c.trackingCode })).status).toBe(422);
    expect((await claim(undefined, proof)).status).toBe(401);

    const reports = await call('get', '/api/v1/citizen/reports?pageSize=5', '/api/v1/citizen/reports', withA);
    expect(reports.body.items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([c.trackingCode]);
    expect((await call('get', '/api/v1/citizen/reports?pageSize=0', '/api/v1/citizen/reports', withA)).status).toBe(
      422,
    );
    expect((await call('get', '/api/v1/citizen/reports', '/api/v1/citizen/reports')).status).toBe(401);
    expect((await call('delete', '/api/v1/citizen/session', '/api/v1/citizen/session', withA)).status).toBe(204);
  });

  it('answers a documented path asked with another method with 405 and the methods it takes', async () => {
    const refused = await request(app).delete('/api/v1/categories').expect(405);
    expect(refused.headers.allow).toBe('GET, HEAD');
    expect(refused.body.error.code).toBe('METHOD_NOT_ALLOWED');
    const options = await request(app).options('/api/admin/communes/boundaries').expect(204);
    expect(options.headers.allow).toBe('POST, OPTIONS');
  });

  it('answers a back-office list filtered by an id that cannot exist with an empty page, not a 500', async () => {
    const login = await request(app)
      .post('/api/auth/login')
      .send({ username: 'admin', password: config.DEMO_PASSWORD });
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
    for (const resource of ['cases', 'tasks']) {
      const page = await request(app)
        .get(`/api/admin/${resource}`)
        .query({ filter: JSON.stringify({ id: '' }) })
        .set('Cookie', cookie);
      expect([resource, page.status, page.body]).toEqual([resource, 200, []]);
    }
  });

  // The back office and Open311 are exercised against the document by schemathesis
  // (tests/openapi-schemathesis.test.ts); the subscription pages answer HTML.
  it('has had every documented JSON operation of the citizens, the login and health exercised above', () => {
    const untested = documentedOperations().filter(
      (op) =>
        !exercised.has(op) &&
        op !== 'GET /api/v1/media/{id}' &&
        !/^\w+ \/(api\/admin|open311)\//.test(op) &&
        !/^GET \/api\/v1\/subscriptions\//.test(op),
    );
    expect(untested).toEqual([]);
  });
});
