/**
 * The API serves the built back office at /admin: index.html for every app path (the SPA's
 * router takes over), never cached; hashed assets cached for a year; a missing asset is a 404;
 * without a build, a 503 page that says how to build it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { errorHandler } from '../api/middleware/error-handler';
import { adminAppRoutes } from '../api/routes/admin-app';

const dir = mkdtempSync(path.join(process.env.TEST_WORK_DIR ?? os.tmpdir(), 'admin-dist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function appServing(distDir: string) {
  const app = express();
  app.use('/admin', adminAppRoutes({ dir: distDir }));
  app.use(errorHandler);
  return app;
}

describe('/admin', () => {
  const dist = path.join(dir, 'dist');
  beforeAll(() => {
    mkdirSync(path.join(dist, 'assets'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="vi"><div id="root"></div></html>');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  });

  it('answers index.html, not cached, for the app and any path under it', async () => {
    for (const url of ['/admin', '/admin/', '/admin/cases/123/show', '/admin/change-password']) {
      const response = await request(appServing(dist)).get(url).expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('id="root"');
    }
  });

  it('caches hashed assets for a year and answers 404 for a missing one', async () => {
    const asset = await request(appServing(dist)).get('/admin/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await request(appServing(dist)).get('/admin/assets/gone-000.js').expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('says how to build the back office when there is no build', async () => {
    const response = await request(appServing(path.join(dir, 'nothing')))
      .get('/admin/')
      .expect(503);
    expect(response.text).toContain('npm run build:admin');
  });
});
