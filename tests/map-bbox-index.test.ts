/**
 * The public map's bounding box (GET /api/v1/reports?bbox=...) is served by Case_lat_lng_idx
 * (issue 17): the feed's query keeps the shape the index answers, ranges on lat and lng.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { capture } from '../bench/lists/measure';
import { apiDependencies, testConfig } from './support/platform';

const api = apiDependencies(testConfig());
let app: Express;

beforeAll(() => {
  app = createApp(api.deps);
});
afterAll(async () => {
  await api.close();
});

it('sends a bbox query the (lat, lng) index serves', async () => {
  const sent = await capture(() =>
    request(app).get('/api/v1/reports?bbox=105.9,18.3,106.0,18.4&pageSize=100').expect(200),
  );
  const page = sent.find((q) => /"lat" >= /.test(q.text) && !/COUNT\(/i.test(q.text));
  expect(page).toBeDefined();
  // The test database holds few cases: a sequential scan or the publication order would win
  // there (either index holding publishedAt: the feed's own, or a category's feed order, whose
  // second column answers "publishedAt IS NOT NULL" on so few rows). With those priced out, a plan on Case_lat_lng_idx exists only if the query's shape
  // matches the index.
  const client = await api.deps.pool.connect();
  let plan: string;
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL enable_seqscan = off');
    await client.query('DROP INDEX "Case_publishedAt_id_idx"'); // rolled back below
    await client.query('DROP INDEX "Case_categoryCode_publishedAt_id_idx"');
    const { rows } = await client.query<{ 'QUERY PLAN': string }>({
      text: `EXPLAIN ${page!.text}`,
      values: page!.values,
    });
    plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
  expect(plan).toMatch(/Index Cond: \(\(lat >= .*lng <= /s);
  expect(plan).toContain('Case_lat_lng_idx');
});
