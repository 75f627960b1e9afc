/**
 * GET /api/v1/icons/{name}.svg: a category's Material Symbols icon as SVG, long cached with an
 * ETag, under a CSP that lets the SVG run nothing; a name that is not one (or a path that tries
 * to leave the icons' folder) is a 404 in the caller's language, and reads no file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { errorHandler, notFoundHandler } from '../api/middleware/error-handler';
import { iconRoutes } from '../api/routes/icons';
import { ICONS_DIR } from '../api/services/get-icon';
import { SEED_CATEGORIES } from '../prisma/seed/categories';

const app = express();
app.use('/api/v1', iconRoutes());
app.use(notFoundHandler);
app.use(errorHandler);

describe('GET /api/v1/icons/{name}.svg', () => {
  it('serves the icon of every seeded category as SVG, cached a month, with its own strict CSP', async () => {
    for (const { icon } of SEED_CATEGORIES) {
      const response = await request(app).get(`/api/v1/icons/${icon}.svg`).expect(200);
      expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(response.headers['cache-control']).toBe('public, max-age=2592000, immutable');
      expect(response.headers['content-security-policy']).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      );
      expect(response.headers.etag).toMatch(/^"[\w-]{27}"$/);
      expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
      // superagent reads image/* as bytes.
      const svg = (response.body as Buffer).toString('utf8');
      expect(svg).toBe(readFileSync(path.join(ICONS_DIR, `${icon}.svg`), 'utf8'));
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 -960 960 960"/);
    }
  });

  it('answers 304 to a browser that has the same icon', async () => {
    const first = await request(app).get('/api/v1/icons/eco.svg').expect(200);
    const again = await request(app).get('/api/v1/icons/eco.svg').set('If-None-Match', first.headers.etag!).expect(304);
    expect(again.headers.etag).toBe(first.headers.etag);
    const other = await request(app).get('/api/v1/icons/traffic.svg').expect(200);
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it('answers 404 with a clear message, in Vietnamese or English, for an unknown name', async () => {
    const vi = await request(app).get('/api/v1/icons/khong_co_that.svg').expect(404);
    expect(vi.body.error.code).toBe('NOT_FOUND');
    expect(vi.body.error.fields.name).toEqual({
      code: 'unknown_icon',
      message: expect.stringContaining('Không có biểu tượng Material Symbols nào tên "khong_co_that"'),
    });
    const en = await request(app).get('/api/v1/icons/khong_co_that.svg').set('Accept-Language', 'en').expect(404);
    expect(en.body.error.fields.name.message).toContain('There is no Material Symbols icon named "khong_co_that"');
  });

  it('refuses names that are not names, so no path leaves the icons folder', async () => {
    const attempts = [
      '/api/v1/icons/..%2F..%2Fpackage.svg',
      '/api/v1/icons/..%2F..%2F..%2F..%2Fpackage.json%00.svg',
      '/api/v1/icons/%2Fetc%2Fpasswd.svg',
      '/api/v1/icons/Traffic.svg',
      '/api/v1/icons/traffic.svg.svg',
      '/api/v1/icons/traffic%20.svg',
      `/api/v1/icons/${'a'.repeat(65)}.svg`,
      '/api/v1/icons/../../package.json',
      '/api/v1/icons/traffic',
    ];
    for (const url of attempts) {
      const response = await request(app).get(url);
      expect([url, response.status]).toEqual([url, 404]);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });
});
