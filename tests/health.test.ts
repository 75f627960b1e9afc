/**
 * /healthz tells operators which part is down: here PostgreSQL stops under a running API, the
 * API answers 503 naming the database, and 200 again once it is back, without a restart.
 * The test runs its own PostgreSQL (the bootstrap's embedded one) so it can stop it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../api/app';
import { startEmbeddedPostgres } from '../scripts/lib/postgres.mjs';
import { freePort } from '../scripts/lib/services.mjs';
import { eventually } from './support/eventually';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const root = path.resolve(__dirname, '..');
const workDir = mkdtempSync(path.join(process.env.TEST_WORK_DIR ?? os.tmpdir(), 'health-'));
let port: number;

const startPostgres = () =>
  startEmbeddedPostgres({ root, dataDir: path.join(workDir, 'pg'), port, logFile: path.join(workDir, 'pg.log') });

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

it('turns 503 naming the database while PostgreSQL is down, and 200 when it is back', async () => {
  port = await freePort();
  let postgres = await startPostgres();
  const config = testConfig({ DATABASE_URL: postgres.url('postgres') });
  const worker = await startWorker(
    testConfig({ TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE }),
    await bundleWorkflows(),
  );
  const api = apiDependencies(config);
  try {
    const app = createApp(api.deps);
    const healthy = await eventually(async () => (await request(app).get('/healthz').expect(200)).body);
    expect(healthy).toEqual({ status: 'ok', db: 'ok', temporal: 'ok', worker: 'ok' });

    await postgres.stop();
    const down = await request(app).get('/healthz').expect(503);
    expect(down.body).toMatchObject({ status: 'unavailable', temporal: 'ok', worker: 'ok' });
    expect(down.body.db).toMatch(/ECONNREFUSED|terminat|connect/i);

    postgres = await startPostgres();
    await eventually(async () => expect((await request(app).get('/healthz')).body).toEqual(healthy));
  } finally {
    await api.close();
    await worker.stop();
    await postgres.stop();
  }
}, 90_000);

it('names the worker when no worker polls the case queue', async () => {
  const config = testConfig();
  const api = apiDependencies(config);
  try {
    const answer = await request(createApp(api.deps)).get('/healthz').expect(503);
    expect(answer.body).toMatchObject({ status: 'unavailable', db: 'ok', temporal: 'ok' });
    expect(answer.body.worker).toContain(config.TEMPORAL_TASK_QUEUE);
  } finally {
    await api.close();
  }
});

it('serves Prometheus metrics', async () => {
  const api = apiDependencies(testConfig());
  try {
    const app = createApp(api.deps);
    await request(app).get('/api/v1/reports/HT-0000-2222');
    const metrics = await request(app).get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/reports\/:trackingCode",status="404"\} 1/,
    );
    expect(metrics.text).toContain('process_cpu_seconds_total');
  } finally {
    await api.close();
  }
});
