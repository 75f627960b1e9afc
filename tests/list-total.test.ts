/**
 * Lists' totals past a limit (issue 17, platform/list-total.ts): counted exactly up to the limit,
 * past it the planner's estimate of the same filtered query, flagged as estimated; the back
 * office's lists say so with `X-Total-Count-Estimated: true`, the feed with `totalEstimated`.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { EXACT_TOTAL_LIMIT, listTotal, totalSeenByPage } from '../platform/list-total';
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

  it('takes the estimate without counting when it passes the limit', async () => {
    const counted: Record<'builder' | 'db', number> = { builder: 0, db: 0 };
    const result = await listTotal(
      db,
      (client, take) => {
        counted[client === db ? 'db' : 'builder'] += 1;
        return client.commune.count({ take });
      },
      5,
    );
    expect(result.estimated).toBe(true);
    // Built once for its plan, never run on the application's client.
    expect(counted).toEqual({ builder: 1, db: 0 });
  });

  it('counts when the planner guesses below the limit, and flags what the count passes', async () => {
    // The plan is asked of a query that matches nothing (a guess of a row or so), the count
    // runs on every commune: as when the planner underestimates a filter.
    const result = await listTotal(
      db,
      (client, take) => client.commune.count({ ...(client !== db && { where: { code: 'none' } }), take }),
      3,
    );
    expect(result).toEqual({ total: 4, estimated: true });
  });

  it('is made exact by a last page, whatever the estimate said', () => {
    const estimate = { total: 15_000, estimated: true };
    expect(totalSeenByPage(estimate, { skip: 0, take: 25, rows: 3 })).toEqual({ total: 3, estimated: false });
    expect(totalSeenByPage(estimate, { skip: 50, take: 25, rows: 10 })).toEqual({ total: 60, estimated: false });
    expect(totalSeenByPage(estimate, { skip: 0, take: 25, rows: 0 })).toEqual({ total: 0, estimated: false });
    // Past the end a page says nothing of the total; a full page only that there are as many.
    expect(totalSeenByPage(estimate, { skip: 20_000, take: 25, rows: 0 })).toEqual(estimate);
    expect(totalSeenByPage({ total: 10, estimated: true }, { skip: 25, take: 25, rows: 25 })).toEqual({
      total: 50,
      estimated: true,
    });
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
