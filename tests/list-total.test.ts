/**
 * Lists' totals past a limit (issue 17, platform/list-total.ts): counted exactly up to the limit,
 * past it the planner's estimate of the same filtered query, flagged as estimated; the back
 * office's lists say so with `X-Total-Count-Estimated: true`, the feed with `totalEstimated`.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { EXACT_TOTAL_LIMIT, listTotal } from '../platform/list-total';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const { db } = api.deps;
let app: Express;
const as = officialSessions(() => app, config.DEMO_PASSWORD);

beforeAll(async () => {
  app = createApp(api.deps);
  // Statistics as autovacuum keeps them, for the planner's estimate below.
  await db.$executeRawUnsafe('ANALYZE "Commune"');
});
afterAll(async () => {
  await api.close();
});

describe('listTotal', () => {
  it('counts exactly up to the limit', async () => {
    const exact = await db.commune.count();
    expect(await listTotal(db, (client, take) => client.commune.count({ take }), exact)).toEqual({
      total: exact,
      estimated: false,
    });
  });

  it("past the limit gives the planner's estimate of the filtered rows, flagged, never below what it saw", async () => {
    const wards = await db.commune.count({ where: { kind: 'ward' } });
    const all = await db.commune.count();
    expect(wards).toBeGreaterThan(5);
    const result = await listTotal(db, (client, take) => client.commune.count({ where: { kind: 'ward' }, take }), 5);
    expect(result.estimated).toBe(true);
    expect(result.total).toBeGreaterThanOrEqual(6);
    // The estimate is of the filtered query, not of the table.
    expect(result.total).toBeLessThan(all);
    expect(Math.abs(result.total - wards)).toBeLessThanOrEqual(Math.max(3, wards * 0.5));
  });

  it('takes the limit of 10,000 rows by default', () => {
    expect(EXACT_TOTAL_LIMIT).toBe(10_000);
  });
});

describe('list answers', () => {
  it('carry an exact total and no estimate flag below the limit', async () => {
    const cases = await request(app)
      .get('/api/admin/cases')
      .set('Cookie', await as('operator'))
      .expect(200);
    expect(cases.headers['content-range']).toMatch(/^cases \d+-\d+\/\d+$/);
    expect(cases.headers['x-total-count-estimated']).toBeUndefined();
    expect(cases.headers['access-control-expose-headers']).toContain('X-Total-Count-Estimated');

    const feed = await request(app).get('/api/v1/reports').expect(200);
    expect(feed.body).toMatchObject({ totalEstimated: false });
    expect(feed.body.total).toBe(await db.case.count({ where: { publishedAt: { not: null } } }));
  });
});
