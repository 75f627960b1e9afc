/**
 * A search matches the text as typed (issue 14): `%`, `_` and `\` are characters, not LIKE
 * wildcards, in every back-office search (`filter={"q":...}`) and in login names.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
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
