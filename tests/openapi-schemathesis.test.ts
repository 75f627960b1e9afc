/**
 * Schemathesis against the running API: every operation of /api/openapi.json is called with
 * data generated from the document (valid and invalid), and every answer is checked with all of
 * schemathesis' checks: no server error, status codes, content types, headers and bodies as
 * documented, valid data accepted, invalid data refused, authentication not ignored.
 *
 * The API runs on its own scratch database (seeded as `npm start` seeds, demo accounts included),
 * since fuzzing writes units, rules and calendars other suites would see. It is signed in as the
 * demo administrator (a session cookie) and as the demo Open311 partner (X-Api-Key). Logging in and
 * out are left out: fuzzing the login would lock the demo accounts, and a logout would end the
 * session every other operation runs in (tests/openapi.test.ts covers both).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../api/app';
import { DEMO_API_KEY } from '../prisma/seed/demo-accounts';
import { applyMigrations, seed } from '../scripts/lib/database.mjs';
import { copyDatabase, dropDatabase, ensureDatabase } from '../scripts/lib/postgres.mjs';
import { findSchemathesis } from '../scripts/lib/schemathesis.mjs';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';

const root = path.resolve(__dirname, '..');
const scratch = `schemathesis_${Date.now()}_${randomBytes(3).toString('hex')}`;
const ARTIFACTS = path.join(root, 'test-artifacts', 'schemathesis');
/** Examples per operation and phase: enough to find what this document used to hide, in about two minutes. */
const MAX_EXAMPLES = Number(process.env.SCHEMATHESIS_MAX_EXAMPLES ?? 5);
const SEED = Number(process.env.SCHEMATHESIS_SEED ?? 311);

let adminUrl: string;
let api: ReturnType<typeof apiDependencies>;
let worker: Awaited<ReturnType<typeof startWorker>>;
let served: Served;

beforeAll(async () => {
  adminUrl = process.env.DATABASE_URL!;
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  // `npm test` kept a copy of the freshly seeded database (seeded as below): copying it takes a
  // second where migrating and seeding take half a minute.
  const seeded = process.env.TEST_SEEDED_DATABASE;
  if (seeded) {
    await copyDatabase(root, adminUrl, seeded, scratch);
  } else {
    await ensureDatabase(root, adminUrl, scratch);
    await applyMigrations(root, url.toString());
    await seed(root, { ...process.env, DATABASE_URL: url.toString(), DEMO_MODE: 'true', LOG_LEVEL: 'silent' });
  }
  const config = testConfig({ DATABASE_URL: url.toString() });
  api = apiDependencies(config);
  worker = await startWorker(config, await bundleWorkflows());
  const generous = { limit: 100_000, windowMs: 60_000 };
  served = await serve(
    createApp({
      ...api.deps,
      loginRateLimit: generous,
      citizenRateLimits: { reports: generous, citizenActions: generous, subscriptions: generous },
    }),
  );
}, 180_000);

afterAll(async () => {
  await served?.close();
  await worker?.stop();
  await api?.close();
  if (adminUrl) await dropDatabase(root, adminUrl, scratch);
});

function runSchemathesis(
  cli: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cli, args, {
      cwd: root,
      env: { ...process.env, ...env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false', COLUMNS: '160' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

describe('schemathesis against the running API', () => {
  it('finds no server error and no answer that differs from the document, in any operation', async () => {
    const cli = (await findSchemathesis(root)).path;
    const login = await request(served.server)
      .post('/api/auth/login')
      .send({ username: 'admin', password: api.deps.config.DEMO_PASSWORD })
      .expect(200);
    const session = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])[0]!
      .split(';')[0]!
      .split('=')[1]!;
    const asAdmin = (r: request.Test) => r.set('Cookie', `fr_session=${session}`);
    const unit = await asAdmin(request(served.server).post('/api/admin/units'))
      .send({ code: 'SCHEMATHESIS', name: 'Đơn vị thử nghiệm', kind: 'other' })
      .expect(201);
    const user = await asAdmin(request(served.server).post('/api/admin/users'))
      .send({
        username: 'schemathesis.target',
        name: 'Tài khoản thử nghiệm',
        memberships: [{ unitId: unit.body.id, role: 'officer' }],
      })
      .expect(201);

    mkdirSync(ARTIFACTS, { recursive: true });
    const { code, output } = await runSchemathesis(
      cli,
      [
        '--config-file',
        path.join(__dirname, 'schemathesis.toml'),
        'run',
        `${served.base}/api/openapi.json`,
        '--checks',
        'all',
        '--phases',
        'examples,coverage,fuzzing',
        '--max-examples',
        String(MAX_EXAMPLES),
        '--seed',
        String(SEED),
        // One worker: hypothesis' source inspection is not thread-safe on Python 3.11 ("AST constructor
        // recursion depth mismatch" with two).
        '--workers',
        '1',
        '--request-timeout',
        '20',
        '--exclude-path',
        '/api/auth/login',
        '--exclude-path',
        '/api/auth/logout',
        '--report',
        'junit',
        '--report-dir',
        ARTIFACTS,
      ],
      {
        SCHEMATHESIS_SESSION: session,
        SCHEMATHESIS_OPEN311_KEY: DEMO_API_KEY,
        SCHEMATHESIS_USER_ID: String(user.body.id),
        SCHEMATHESIS_UNIT_ID: String(unit.body.id),
      },
    );
    writeFileSync(path.join(ARTIFACTS, 'output.txt'), output);
    if (code !== 0) throw new Error(`schemathesis exited with ${code}:\n${output.slice(-20_000)}`);
    expect(output).toMatch(/No issues found|passed/);
    // About 4 minutes on an idle machine (the coverage phase alone sends 3,650 requests); over 10
    // at a load of 28 on two cores.
  }, 1_200_000);
});
