/**
 * The API serves the citizens' portal at /: index.html for every page path (the app's router
 * takes over), never cached; hashed assets cached for a year; the service worker, manifest and
 * icons revalidated; a missing asset is a 404; without a build, a 503 page that says how to
 * build it. In the whole app the portal comes last: /api, /admin, /open311 and /healthz keep
 * their own answers.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { errorHandler, notFoundHandler } from '../api/middleware/error-handler';
import { PORTAL_DIST, portalAppRoutes } from '../api/routes/portal-app';
import { apiDependencies, testConfig } from './support/platform';

const dir = mkdtempSync(path.join(process.env.TEST_WORK_DIR ?? os.tmpdir(), 'portal-dist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function appServing(distDir: string) {
  const app = express();
  app.use(portalAppRoutes({ dir: distDir }));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

describe('/ (the portal, on its own)', () => {
  const dist = path.join(dir, 'dist');
  beforeAll(() => {
    mkdirSync(path.join(dist, 'assets'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="vi"><div id="root"></div></html>');
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"x"}');
  });

  it('answers index.html, not cached, for the app and any page path', async () => {
    for (const url of ['/', '/report', '/track/HT-2611-7K3Q', '/feed', '/help', '/some/deep/path']) {
      const response = await request(appServing(dist)).get(url).expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('id="root"');
    }
  });

  it('caches hashed assets for a year and answers 404 for a missing one or a missing file', async () => {
    const asset = await request(appServing(dist)).get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await request(appServing(dist)).get('/assets/gone-000.js').expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    await request(appServing(dist)).get('/missing.png').expect(404);
  });

  it('serves the service worker and the manifest at the root, revalidated every time', async () => {
    const sw = await request(appServing(dist)).get('/sw.js').expect(200);
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const manifest = await request(appServing(dist)).get('/manifest.webmanifest').expect(200);
    expect(manifest.headers['cache-control']).toBe('no-cache');
  });

  it('leaves the API’s paths alone and never serves the build marker', async () => {
    for (const url of ['/api/v1/nothing', '/admin/x', '/open311/v2/x', '/healthz/x']) {
      await request(appServing(dist)).get(url).expect(404);
    }
    writeFileSync(path.join(dist, '.source-hash'), 'abc');
    await request(appServing(dist)).get('/.source-hash').expect(404);
  });

  it('says how to build the portal when there is no build', async () => {
    const response = await request(appServing(path.join(dir, 'nothing')))
      .get('/')
      .expect(503);
    expect(response.text).toContain('npm run build:portal');
    expect(response.text).toContain('1900 9038');
  });
});

describe('/ in the whole application', () => {
  const config = testConfig();
  const api = apiDependencies(config);
  const app = createApp(api.deps);
  afterAll(() => api.close());

  it('serves the built portal at / with the security headers, after every other route', async () => {
    expect(existsSync(path.join(PORTAL_DIST, 'index.html'))).toBe(true); // npm test builds it
    const home = await request(app).get('/').expect(200);
    expect(home.text).toBe(readFileSync(path.join(PORTAL_DIST, 'index.html'), 'utf8'));
    expect(home.headers['content-security-policy']).toContain("script-src 'self'");
    await request(app).get('/track/HT-2611-7K3Q').expect(200);

    // The API keeps its answers: JSON, and its own 404s.
    const categories = await request(app).get('/api/v1/categories').expect(200);
    expect(Array.isArray(categories.body)).toBe(true);
    const unknown = await request(app).get('/api/v1/no-such-thing').expect(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const admin = await request(app)
      .get('/admin/')
      .expect((r) => expect([200, 503]).toContain(r.status));
    expect(admin.text).not.toBe(home.text);
    await request(app).post('/').expect(404);
  });
});
