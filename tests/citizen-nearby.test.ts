/**
 * Duplicate hints: GET /api/v1/reports/nearby shows the open, screened reports of the same
 * category near a point (public data only, nearest first, distance in metres), and POST
 * /api/v1/reports/{code}/me-too lets a citizen follow one instead of reporting it again: counted
 * once per device, shown on the back office's case page, refused for what is not public or closed.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
const as = officialSessions(() => app, config.DEMO_PASSWORD);
// A point of our own, away from where other suites report.
const origin = { lat: 18.12 + Math.random() / 100, lng: 105.75 + Math.random() / 100 };
const at = (north: number, east: number) => ({
  lat: origin.lat + north / 111_195,
  lng: origin.lng + east / (111_195 * Math.cos((origin.lat * Math.PI) / 180)),
});
const code = () =>
  `TN-${randomUUID()
    .slice(0, 4)
    .toUpperCase()
    .replace(/[^2-9A-HJKMNP-TV-Z]/g, 'Z')}`;
const ids = {
  near: randomUUID(),
  far: randomUUID(),
  other: randomUUID(),
  closed: randomUUID(),
  unscreened: randomUUID(),
};
const codes: Record<keyof typeof ids, string> = {} as never;

beforeAll(async () => {
  app = createApp({
    ...api.deps,
    loginRateLimit: { limit: 10_000, windowMs: 60_000 },
    citizenRateLimits: { citizenActions: { limit: 10_000, windowMs: 60_000 } },
  });
  const base = {
    requestFingerprint: 'test',
    categoryCode: 'giao-thong',
    description: 'Ổ gà lớn giữa đường, xe máy dễ ngã',
    status: 'routing' as const,
    step: 'route' as const,
    receivedAt: new Date(),
    reporterName: 'Người Bí Mật',
    reporterPhone: '0900 999 888',
  };
  const rows = {
    near: { ...at(8, 0) },
    far: { ...at(400, 0) },
    other: { ...at(5, 5), categoryCode: 'moi-truong' },
    closed: { ...at(3, 0), status: 'closed' as const, step: 'close' as const },
    unscreened: { ...at(2, 0), status: 'verifying' as const, step: 'verify' as const },
  };
  for (const [name, extra] of Object.entries(rows) as [keyof typeof ids, object][]) {
    codes[name] = `HT-2026-${code().slice(3)}`;
    await db.case.create({ data: { ...base, ...extra, id: ids[name], trackingCode: codes[name] } });
    if (name !== 'unscreened')
      await db.caseTimelineEntry.create({
        data: { caseId: ids[name], seq: 1, kind: 'verified', visibility: 'public', at: new Date() },
      });
  }
});

afterAll(async () => {
  await db.case.deleteMany({ where: { id: { in: Object.values(ids) } } });
  await api.close();
});

const nearby = (query: Record<string, string | number>) => request(app).get('/api/v1/reports/nearby').query(query);

describe('duplicate hints while reporting', () => {
  it('shows the open screened reports of the category within 150 m, with distance and status, no personal data', async () => {
    const answer = await nearby({ ...origin, category: 'giao-thong' }).expect(200);
    expect(answer.body).toEqual([
      {
        trackingCode: codes.near,
        status: 'routing',
        statusLabel: expect.any(String),
        distanceMeters: 8,
        description: 'Ổ gà lớn giữa đường, xe máy dễ ngã',
        address: null,
        receivedAt: expect.any(String),
        thumbnailUrl: null,
        meTooCount: 0,
      },
    ]);
    expect(JSON.stringify(answer.body)).not.toMatch(/Người Bí Mật|0900/);
    const en = await nearby({ ...origin, category: 'giao-thong' })
      .set('Accept-Language', 'en')
      .expect(200);
    expect(en.body[0].statusLabel).not.toBe(answer.body[0].statusLabel);
    // Another category there: only its own.
    const other = await nearby({ ...origin, category: 'moi-truong' }).expect(200);
    expect(other.body.map((r: { trackingCode: string }) => r.trackingCode)).toEqual([codes.other]);
  });

  it('explains a bad query field by field', async () => {
    const answer = await nearby({ lat: 'north', category: 'Giao Thông' }).expect(422);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(answer.body.error.fields).sort()).toEqual(['category', 'lat', 'lng']);
  });
});

describe('"me too"', () => {
  const follow = (trackingCode: string, follower: string) =>
    request(app).post(`/api/v1/reports/${trackingCode}/me-too`).send({ follower });

  it('counts one per device, whatever the retries, and shows the count in the hint and the back office', async () => {
    const device = randomUUID().replaceAll('-', '');
    const first = await follow(codes.near, device).expect(201);
    expect(first.body).toEqual({ trackingCode: codes.near, meTooCount: 1, counted: true });
    const again = await follow(codes.near.toLowerCase(), device).expect(200);
    expect(again.body).toEqual({ trackingCode: codes.near, meTooCount: 1, counted: false });
    await follow(codes.near, randomUUID().replaceAll('-', '')).expect(201);
    // The key is not stored as sent.
    const stored = await db.caseMeToo.findMany({ where: { caseId: ids.near } });
    expect(stored).toHaveLength(2);
    expect(stored.map((s) => s.follower)).not.toContain(device);

    const hint = await nearby({ ...origin, category: 'giao-thong' }).expect(200);
    expect(hint.body[0].meTooCount).toBe(2);
    const page = await request(app)
      .get(`/api/admin/cases/${ids.near}`)
      .set('Cookie', await as('operator'))
      .expect(200);
    expect(page.body.meTooCount).toBe(2);
  });

  it('refuses what the public cannot see yet (404), a closed report (409) and a malformed key (422)', async () => {
    const device = randomUUID().replaceAll('-', '');
    expect((await follow(codes.unscreened, device).expect(404)).body.error.code).toBe('NOT_FOUND');
    await follow('HT-2026-ZZZZ', device).expect(404);
    expect((await follow(codes.closed, device).expect(409)).body.error.code).toBe('WRONG_STATE');
    const bad = await follow(codes.near, 'short').set('Accept-Language', 'en').expect(422);
    expect(bad.body.error.fields.follower.code).toBeDefined();
    expect(await db.caseMeToo.count({ where: { caseId: { in: [ids.unscreened, ids.closed] } } })).toBe(0);
  });
});
