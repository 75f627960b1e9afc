/**
 * What the portal's maps read from the API: the commune of a point (GET /api/v1/communes/locate),
 * the tile server and starting view (GET /api/v1/map-settings), and the Content-Security-Policy
 * that lets the tile server's images in and nothing else.
 *
 * Boundaries are given, for the time of this file, to two seeded wards no other suite uses
 * (Hoành Sơn 18832, and 18652 beside it), as tiny squares around 18.20, 105.50 where no other
 * suite puts a report; they are restored afterwards. The app below has its own database client,
 * so findCommuneOfPoint's one-minute cache is empty until the first request, made after they exist.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { loadConfig } from '../platform/config';
import { Prisma } from '../prisma/generated/client';
import { expectDocumented } from './support/openapi-validator';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;

const LOCATED = '18832';
const NEIGHBOUR = '18652';
/** A square of 0.002° (about 200 m) whose west edge is at `west`. */
const square = (west: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, 18.199],
      [west + 0.002, 18.199],
      [west + 0.002, 18.201],
      [west, 18.201],
      [west, 18.199],
    ],
  ],
});
let previous: { code: string; boundary: Prisma.JsonValue }[] = [];

beforeAll(async () => {
  previous = await db.commune.findMany({
    where: { code: { in: [LOCATED, NEIGHBOUR] } },
    select: { code: true, boundary: true },
  });
  await db.commune.update({ where: { code: LOCATED }, data: { boundary: square(105.499) } });
  // Shares the edge at longitude 105.501.
  await db.commune.update({ where: { code: NEIGHBOUR }, data: { boundary: square(105.501) } });
  app = createApp(api.deps);
});
afterAll(async () => {
  for (const { code, boundary } of previous)
    await db.commune.update({ where: { code }, data: { boundary: boundary ?? Prisma.DbNull } });
  await api.close();
});

/** Every answer is also checked against the OpenAPI document (tests/openapi.test.ts has no boundary for a 200). */
async function locate(query: string, status: number, language = 'vi') {
  const answer = await request(app).get(`/api/v1/communes/locate${query}`).set('Accept-Language', language);
  expect(answer.status).toBe(status);
  expectDocumented('get', '/api/v1/communes/locate', answer.status, answer.body);
  return answer;
}

describe('GET /api/v1/communes/locate', () => {
  it('answers the one commune whose boundary contains the point, named in the asked language', async () => {
    const vi = await locate('?lat=18.2&lng=105.5', 200);
    expect(vi.body).toEqual({
      commune: { code: LOCATED, name: 'Hoành Sơn', kind: 'ward', fullName: 'Phường Hoành Sơn' },
    });
    expect(vi.headers['cache-control']).toBe('public, max-age=300');
    const en = await locate('?lat=18.2005&lng=105.4995', 200, 'en');
    expect(en.body.commune).toMatchObject({ code: LOCATED, fullName: 'Hoành Sơn Ward' });
    expect((await locate('?lat=18.2&lng=105.502', 200)).body.commune.code).toBe(NEIGHBOUR);
  });

  it('answers 404 COMMUNE_NOT_LOCATED outside every boundary and on a border, in Vietnamese or English', async () => {
    const outside = await locate('?lat=18.21&lng=105.5', 404);
    expect(outside.body.error.code).toBe('COMMUNE_NOT_LOCATED');
    expect(outside.body.error.message).toMatch(/^Không xác định được một xã, phường duy nhất/);
    expect(outside.headers['cache-control']).toBeUndefined();
    const border = await locate('?lat=18.2&lng=105.501', 404, 'en');
    expect(border.body.error).toEqual({
      code: 'COMMUNE_NOT_LOCATED',
      message: expect.stringMatching(/^No single commune or ward contains this point/),
    });
  });

  it('answers 422 VALIDATION_FAILED for missing, empty or impossible coordinates', async () => {
    const missing = await locate('?lat=18.2', 422);
    expect(missing.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
      fields: { lng: { code: 'required', message: 'Trường này là bắt buộc.' } },
    });
    const wrong = await locate('?lat=&lng=abc', 422, 'en');
    expect(wrong.body.error.message).toBe('Some of the data sent is not valid. Please check the marked fields.');
    expect(Object.keys(wrong.body.error.fields).sort()).toEqual(['lat', 'lng']);
    const far = await locate('?lat=91&lng=105.5', 422, 'en');
    expect(far.body.error.fields.lat).toEqual({ code: 'too_big', message: 'Must be at most 90.' });
    const extra = await locate('?lat=18.2&lng=105.5&zoom=3', 422);
    expect(extra.body.error.fields.zoom.code).toBe('unknown_field');
  });
});

describe('GET /api/v1/map-settings', () => {
  it("answers OpenStreetMap's tiles and Hà Tĩnh by default", async () => {
    const answer = await request(app).get('/api/v1/map-settings').expect(200);
    expectDocumented('get', '/api/v1/map-settings', 200, answer.body);
    expect(answer.body).toEqual({
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      subdomains: 'abc',
      attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
      maxZoom: 19,
      center: [18.34, 105.9],
      zoom: 9,
    });
  });

  it('answers the configured tile server, and refuses a template without {z}, {x}, {y}', async () => {
    const own = testConfig({
      MAP_TILE_URL: 'https://{s}.ban-do.hatinh.gov.vn/{z}/{x}/{y}.png',
      MAP_TILE_SUBDOMAINS: '12',
      MAP_TILE_ATTRIBUTION: '© Sở TN&MT Hà Tĩnh',
      MAP_MAX_ZOOM: '17',
      MAP_CENTER: '18.0, 106.0',
      MAP_ZOOM: '11',
    });
    const answer = await request(createApp({ ...api.deps, config: own }))
      .get('/api/v1/map-settings')
      .expect(200);
    expect(answer.body).toEqual({
      tileUrl: 'https://{s}.ban-do.hatinh.gov.vn/{z}/{x}/{y}.png',
      subdomains: '12',
      attribution: '© Sở TN&MT Hà Tĩnh',
      maxZoom: 17,
      center: [18, 106],
      zoom: 11,
    });
    const env = { DATABASE_URL: 'postgresql://u@h/d', APP_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig({ ...env, MAP_TILE_URL: 'https://tiles.example.vn/{z}.png' })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ ...env, MAP_TILE_URL: 'ftp://tiles.example.vn/{z}/{x}/{y}.png' })).toThrow(
      /MAP_TILE_URL/,
    );
    expect(() => loadConfig({ ...env, MAP_CENTER: '18.3' })).toThrow(/MAP_CENTER must be lat,lng/);
  });
});

describe('the Content-Security-Policy and the tile server', () => {
  const directive = (csp: string, name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `));

  it("allows images from this origin, data: and OpenStreetMap's tile server only", async () => {
    const answer = await request(app).get('/api/v1/map-settings').expect(200);
    const csp = answer.headers['content-security-policy'] as string;
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data: https://tile.openstreetmap.org");
    expect(directive(csp, 'default-src')).toBe("default-src 'self'");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'connect-src')).toBeUndefined(); // default-src: this origin only
  });

  it('expands {s} into each subdomain of the configured tile server', async () => {
    const own = testConfig({ MAP_TILE_URL: 'https://{s}.tiles.example.vn:8443/{z}/{x}/{y}.png' });
    const answer = await request(createApp({ ...api.deps, config: own }))
      .get('/api/v1/map-settings')
      .expect(200);
    expect(directive(answer.headers['content-security-policy'] as string, 'img-src')).toBe(
      "img-src 'self' data: https://a.tiles.example.vn:8443 https://b.tiles.example.vn:8443 https://c.tiles.example.vn:8443",
    );
  });
});
