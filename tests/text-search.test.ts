/**
 * A search matches the text as typed (issue 14): `%`, `_` and `\` are characters, not LIKE
 * wildcards, in every back-office search (`filter={"q":...}`) and in login names.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { capture } from '../bench/lists/measure';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
let app: Express;
const as = officialSessions(() => app, config.DEMO_PASSWORD);

/** Every back-office list whose filter takes `q`. */
const SEARCHABLE = [
  'cases',
  'units',
  'users',
  'categories',
  'communes',
  'routing-rules',
  'templates',
  'api-keys',
  'announcements',
];

beforeAll(() => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
});
afterAll(async () => {
  await api.close();
});

describe('back-office searches', () => {
  it.each(['%', '_', '\\', 'a%', '\\%'])('find only rows that hold %p as typed, on every list', async (q) => {
    const cookie = await as('admin');
    for (const resource of SEARCHABLE) {
      const response = await request(app)
        .get(`/api/admin/${resource}`)
        .query({ filter: JSON.stringify({ q }), range: '[0,499]' })
        .set('Cookie', cookie);
      expect({ resource, status: response.status }).toEqual({ resource, status: 200 });
      for (const row of response.body as object[]) {
        // The whole row stands in for the searched columns: a row without the text cannot match.
        expect({ resource, row: JSON.stringify(row).toLowerCase().includes(JSON.stringify(q).slice(1, -1)) }).toEqual({
          resource,
          row: true,
        });
      }
    }
  });

  it('still finds a word, whatever its case', async () => {
    const response = await request(app)
      .get('/api/admin/users')
      .query({ filter: JSON.stringify({ q: 'ADMIN' }) })
      .set('Cookie', await as('admin'))
      .expect(200);
    expect(response.body.map((u: { username: string }) => u.username)).toContain('admin');
  });
});

describe('login names', () => {
  it('are matched as typed: "%" is no account, "ADMIN" is admin', async () => {
    const wildcard = await request(app)
      .post('/api/auth/login')
      .send({ username: '%', password: config.DEMO_PASSWORD })
      .expect(401);
    expect(wildcard.body.error.code).toBe('INVALID_CREDENTIALS');
    await request(app).post('/api/auth/login').send({ username: 'a_min', password: config.DEMO_PASSWORD }).expect(401);
    await request(app).post('/api/auth/login').send({ username: 'ADMIN', password: config.DEMO_PASSWORD }).expect(200);
  });
});

describe('Vietnamese text search on cases (pg_trgm + unaccent)', () => {
  const id = randomUUID();
  const trackingCode = `TS-${id.slice(0, 8).toUpperCase()}`;
  const { db } = api.deps;

  beforeAll(async () => {
    await db.case.create({
      data: {
        id,
        trackingCode,
        requestFingerprint: 'text-search',
        categoryCode: 'giao-thong',
        description: 'Mặt đường Hà Huy Tập bị sụt lún, nhiều ổ gà',
        address: 'Đường Xô Viết Nghệ Tĩnh, phường Thành Sen',
        status: 'processing',
        step: 'process',
        receivedAt: new Date(),
      },
    });
  });
  afterAll(async () => {
    await db.case.deleteMany({ where: { id } });
  });

  const search = async (q: string) => {
    const response = await request(app)
      .get('/api/admin/cases')
      .query({ filter: JSON.stringify({ q }), range: '[0,499]' })
      .set('Cookie', await as('operator'))
      .expect(200);
    return (response.body as { id: string }[]).map((c) => c.id);
  };

  it.each(['duong ha huy tap', 'DUONG HA HUY TAP', 'đường Hà Huy Tập', 'sut lun', 'o ga', 'xo viet nghe tinh', 'Thanh Sen'])(
    'finds accented text from %p',
    async (q) => {
      expect(await search(q)).toContain(id);
    },
  );

  it('matches the description and the address each, never across them', async () => {
    expect(await search('o ga duong xo viet')).not.toContain(id);
  });

  it('does not find what the text does not hold, and keeps LIKE wildcards literal', async () => {
    expect(await search('duong ha huy tap 2')).not.toContain(id);
    expect(await search('duong%tap')).not.toContain(id);
    expect(await search('h_ huy')).not.toContain(id);
  });

  it('still finds a case by its tracking code, whatever its case', async () => {
    expect(await search(trackingCode.toLowerCase())).toContain(id);
  });

  it("sends a query the trigram index serves (the planner uses it when a scan of the table is dearer)", async () => {
    const sent = await capture(() => search('duong ha huy tap'));
    const list = sent.find((q) => /"searchText"/.test(q.text) && !/COUNT\(/i.test(q.text));
    expect(list).toBeDefined();
    // The test database holds a few cases: a sequential scan would win there, as it should. With
    // it priced out, a plan on Case_searchText_idx exists only if the query's shape matches the
    // index's expression (column and operator class).
    const client = await api.deps.pool.connect();
    let plan: string;
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      await client.query('SET LOCAL enable_indexscan = off'); // nor walking the createdAt order
      const { rows } = await client.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN ${list!.text}`, values: list!.values });
      plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(plan).toContain('Case_searchText_idx');
  });
});
