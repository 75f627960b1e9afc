/**
 * Bad text gets a clear 4xx at every edge, never a 500 or a stuck case (issue 14): a NUL, a
 * U+0001 or a lone surrogate in any route's path, query or body (JSON, multipart, Open311's
 * forms) is refused with 422 (Open311: 400) naming the field; accepted text is stored in NFC.
 * Every route of the app's router is tried, so a route added tomorrow is covered by this test.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import { routeTable, type AppRoute } from './support/route-table';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;
const as = officialSessions(() => app, config.DEMO_PASSWORD);

/** The same bad characters as a URL carries them and as JSON does. */
const BAD = [
  { name: 'NUL', url: '%00', text: '\u0000', code: 'control_character' },
  { name: 'U+0001', url: '%01', text: '\u0001', code: 'control_character' },
  { name: 'a lone surrogate', url: '%ED%A0%80', text: '\ud800', code: 'invalid_unicode' },
] as const;

const REPORT = {
  categoryCode: 'moi-truong',
  description: 'Rác thải đổ trộm ven đường gần chợ Thành Sen',
  location: { lat: 18.3428, lng: 105.9057, communeCode: '18073' },
};

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  const generous = { limit: 100_000, windowMs: 60_000 };
  app = createApp({
    ...api.deps,
    loginRateLimit: generous,
    citizenRateLimits: { reports: generous, citizenActions: generous },
  });
});

afterAll(async () => {
  await worker.stop();
  await api.close();
});

/** The answer a refused input must get on this route: Open311 speaks its own spec (400). */
function refusal(route: AppRoute): number {
  return route.path.startsWith('/open311/') ? 400 : 422;
}

/** A concrete URL for a route pattern, each parameter (`:id`, `{*path}`) set to `value`. */
function urlOf(route: AppRoute, value: string): string {
  return route.path.replace(/\{\*\w+\}/g, value).replace(/:\w+/g, value);
}

function send(route: AppRoute, url: string) {
  const agent = request(app);
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
  return agent[method](url);
}

describe('every route of the app', () => {
  const routes = () => routeTable(app);

  it('knows the routes it covers (citizens, auth, back office, Open311, portal)', () => {
    const paths = routes().map((r) => `${r.method} ${r.path}`);
    expect(paths.length).toBeGreaterThan(100);
    for (const expected of [
      'POST /api/v1/reports',
      'GET /api/v1/reports/:trackingCode',
      'POST /api/v1/subscriptions',
      'POST /api/auth/login',
      'GET /api/admin/cases',
      'PUT /api/admin/units/:id',
      'POST /open311/v2/:file',
      'GET /{*path}',
    ]) {
      expect(paths).toContain(expected);
    }
  });

  it.each(BAD)('refuses $name in a path, a query string or a JSON body, with a field message', async (bad) => {
    const cookie = await as('admin');
    const failures: string[] = [];
    for (const route of routes()) {
      const expected = refusal(route);
      const attempts: [string, () => request.Test][] = [
        [`query ?q=${bad.url}`, () => send(route, `${urlOf(route, 'x')}?q=${bad.url}`)],
      ];
      if (/[:*]/.test(route.path)) {
        attempts.push([`path ${bad.url}`, () => send(route, urlOf(route, `x${bad.url}`))]);
      }
      if (route.method !== 'GET') {
        const body = { q: `a${bad.text}`, name: `b${bad.text}`, description: `c${bad.text}` };
        attempts.push(['JSON body', () => send(route, urlOf(route, 'x')).send(body)]);
      }
      for (const [what, attempt] of attempts) {
        const response = await attempt().set('Cookie', cookie);
        if (response.status !== expected) {
          failures.push(`${route.method} ${route.path} (${what}): ${response.status} ${response.text.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the field messages', () => {
  it('name the field and the character, in Vietnamese first and in English', async () => {
    const vi = await request(app).get('/api/v1/reports').query({ q: 'đèn\u0000' }).expect(422);
    expect(vi.body.error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
      fields: { q: { code: 'control_character', message: 'Có ký tự điều khiển không được phép (U+0000).' } },
    });
    const en = await request(app)
      .post('/api/v1/reports')
      .set('Accept-Language', 'en')
      .send({ ...REPORT, reporter: { name: 'Nguyễn \ud800' } })
      .expect(422);
    expect(en.body.error.fields).toEqual({
      'reporter.name': {
        code: 'invalid_unicode',
        message: 'Not valid Unicode text (a lone surrogate, or broken UTF-8).',
      },
    });
  });
});

describe('line breaks', () => {
  it('are kept in a description, and refused in a one-line field such as a name', async () => {
    const refused = await request(app)
      .post('/api/v1/reports')
      .send({ ...REPORT, reporter: { name: 'Nguyễn\nVăn A' } })
      .expect(422);
    expect(refused.body.error.fields).toEqual({
      'reporter.name': {
        code: 'line_break',
        message: 'Trường này chỉ có một dòng: không được xuống dòng hay dùng tab.',
      },
    });
    const description = 'Rác thải đổ trộm ven đường.\r\nĐã ba ngày chưa ai dọn.';
    const created = await request(app)
      .post('/api/v1/reports')
      .send({ ...REPORT, description, reporter: { name: 'Nguyễn Văn A' } })
      .expect(201);
    const stored = await db.case.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.description).toBe(description);
    // Open311's forms too (a form's line break is %0D%0A).
    await request(app)
      .post('/open311/v2/requests.json')
      .type('form')
      .send({ api_key: 'demo-open311-key', service_code: 'moi-truong', lat: '18.3428', long: '105.9057', description })
      .expect(200);
  });
});

describe('bodies parsed by their own routes', () => {
  it.each(BAD)('refuses $name in the JSON field of a multipart report', async (bad) => {
    const before = await db.case.count();
    const response = await request(app)
      .post('/api/v1/reports')
      .field('report', JSON.stringify({ ...REPORT, description: `Đèn đường hỏng${bad.text} đã ba ngày` }))
      .expect(422);
    expect(response.body.error.fields).toEqual({ description: expect.objectContaining({ code: bad.code }) });
    expect(await db.case.count()).toBe(before);
  });

  // A lone surrogate cannot travel raw in a multipart field: UTF-8 has no bytes for it (broken
  // bytes arrive as U+FFFD, which is text).
  it.each(BAD.slice(0, 2))('refuses $name in a plain multipart field', async (bad) => {
    const response = await request(app)
      .post('/api/v1/reports')
      .field('report', JSON.stringify(REPORT))
      .field('note', `x${bad.text}`)
      .expect(422);
    expect(response.body.error.fields).toEqual({ note: expect.objectContaining({ code: bad.code }) });
  });

  it.each(BAD)('refuses $name in an Open311 request, form-encoded or JSON, with 400', async (bad) => {
    const submission = {
      api_key: 'demo-open311-key',
      service_code: 'moi-truong',
      lat: '18.3428',
      long: '105.9057',
      description: `Rác thải đổ trộm${bad.text} ven đường`,
    };
    // As a browser's form sends it: "%ED%A0%80" for the lone surrogate.
    const encoded = Object.entries({ ...submission, description: `Rác thải${bad.url}` })
      .map(([name, value]) => `${name}=${name === 'description' ? value : encodeURIComponent(value)}`)
      .join('&');
    const form = await request(app).post('/open311/v2/requests.json').type('form').send(encoded).expect(400);
    expect(form.body).toEqual([{ code: 400, description: expect.stringContaining('description') }]);
    const json = await request(app).post('/open311/v2/requests.json').send(submission).expect(400);
    expect(json.body).toEqual([{ code: 400, description: expect.stringContaining('description') }]);
  });

  it.each(BAD)('refuses $name in a commune boundary import (its own JSON parser)', async (bad) => {
    const response = await request(app)
      .post('/api/admin/communes/boundaries')
      .set('Cookie', await as('admin'))
      .send({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: bad.text } }] })
      .expect(422);
    expect(JSON.stringify(response.body.error.fields)).toContain(bad.code);
  });
});

describe('text is stored as sent, in NFC', () => {
  it('stores a decomposed (NFD) report in NFC, and an NFD or NFC search finds it', async () => {
    const marker = `Ổ gà giữa đường Xô Viết Nghệ Tĩnh ${Date.now()}`;
    const created = await request(app)
      .post('/api/v1/reports')
      .send({ ...REPORT, description: marker.normalize('NFD') })
      .expect(201);
    const stored = await db.case.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.description).toBe(marker.normalize('NFC'));
    const cookie = await as('operator');
    for (const form of ['NFC', 'NFD'] as const) {
      const found = await request(app)
        .get('/api/admin/cases')
        .query({ filter: JSON.stringify({ q: 'đường Xô Viết'.normalize(form) }) })
        .set('Cookie', cookie)
        .expect(200);
      expect(found.body.map((c: { id: string }) => c.id)).toContain(created.body.id);
    }
  });
});
