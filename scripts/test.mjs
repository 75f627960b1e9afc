#!/usr/bin/env node
// `npm test`: the same set-up as `npm start`, for a throw-away environment (its own database
// and an in-memory Temporal dev server on free ports, removed afterwards), the type check and
// the linter (run during the set-up), then every Jest suite. Arguments go to Jest: `npm test -- tests/health`.
// With DATABASE_URL set, a fresh database is created on that server and dropped at the end.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APPS, buildApp } from './lib/app-build.mjs';
import { CHROMIUM_HINT, findChromium } from './lib/chromium.mjs';
import { applyMigrations, generateClient, seed } from './lib/database.mjs';
import { ensureDependencies } from './lib/dependencies.mjs';
import { createProgress, reportFailure } from './lib/progress.mjs';
import { run } from './lib/run.mjs';
import { copyDatabase, dropDatabase, dropDatabasesStartingWith, ensureDatabase, startEmbeddedPostgres } from './lib/postgres.mjs';
import { freePort } from './lib/services.mjs';
import { findTemporalCli, TEMPORAL_CLI_HINT } from './lib/temporal-cli.mjs';
import { findTemporalTestServer, TEMPORAL_TEST_SERVER_HINT } from './lib/temporal-test-server.mjs';
import { findSchemathesis, SCHEMATHESIS_HINT } from './lib/schemathesis.mjs';
import { startTemporalDevServer } from './lib/temporal-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cleanups = [];

async function cleanUp() {
  while (cleanups.length) {
    const cleanup = cleanups.pop();
    try {
      await cleanup();
    } catch (error) {
      process.stderr.write(`clean-up: ${error.message}\n`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cleanUp().then(() => process.exit(130)));

function runVisible(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const progress = createProgress('Phản ánh hiện trường: tests');
  await progress.step('Install dependencies', () => ensureDependencies(root), 'run `npm ci` to see the whole error.');
  const cli = await progress.step('Find the Temporal CLI', () => findTemporalCli(root), TEMPORAL_CLI_HINT);
  // The time-skipping test server, started by the suites that need it (tests/support/time-skipping.ts).
  const testServer = await progress.step(
    'Find the Temporal test server',
    () => findTemporalTestServer(root),
    TEMPORAL_TEST_SERVER_HINT,
  );
  // The API fuzzer run against the running API by tests/openapi-schemathesis.test.ts.
  const schemathesis = await progress.step('Find schemathesis', () => findSchemathesis(root), SCHEMATHESIS_HINT);
  // Before the database exists (prisma generate only reads the schema): the type check needs the client.
  await progress.step('Generate the Prisma client', () => generateClient(root, 'postgresql://generate@127.0.0.1/generate'));
  const jestArgs = process.argv.slice(2);
  // The type check and the linter need nothing the set-up prepares: they run during it, two at a
  // time (two cores), and Jest waits for them, so its timing-sensitive suites do not share the CPU.
  const checks = jestArgs.length === 0 ? startStaticChecks() : undefined;
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'field-report-test-'));
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));

  const database = `field_report_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  let adminUrl = process.env.DATABASE_URL;
  const external = Boolean(adminUrl);
  if (!external) {
    adminUrl = await progress.step('Start a throw-away PostgreSQL (embedded)', async (note) => {
      const port = await freePort();
      const postgres = await startEmbeddedPostgres({
        root,
        dataDir: path.join(workDir, 'postgres'),
        port,
        logFile: path.join(workDir, 'postgres.log'),
      });
      cleanups.push(() => postgres.stop());
      note(`127.0.0.1:${port}`);
      return postgres.url('postgres');
    });
  }
  const databaseUrl = await progress.step(
    `Create database ${database}`,
    async (note) => {
      await ensureDatabase(root, adminUrl, database);
      if (external) {
        cleanups.push(() => dropDatabase(root, adminUrl, database));
        // Its seeded copy and the Jest workers' copies (tests/support/worker-databases.ts), named after it.
        cleanups.push(() => dropDatabasesStartingWith(root, adminUrl, `${database}_`));
      }
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      note(external ? `on ${url.host} (DATABASE_URL)` : 'embedded');
      return url.toString();
    },
    'check that DATABASE_URL names a server where this user may create databases.',
  );

  await progress.step('Apply database migrations', () => applyMigrations(root, databaseUrl));
  const appSecret = randomBytes(32).toString('base64url');
  // A throw-away Temporal payload key: every suite's clients and workers encrypt with it.
  const temporalPayloadKeys = `test1:${randomBytes(32).toString('base64')}`;
  // Seeded as `npm start` seeds, demo accounts included: tests log in as the demo officials.
  await progress.step("Seed Hà Tĩnh's configuration", () =>
    seed(root, {
      ...process.env,
      NODE_ENV: 'test',
      DEMO_MODE: 'true',
      DATABASE_URL: databaseUrl,
      APP_SECRET: appSecret,
      LOG_LEVEL: 'silent',
    }),
  );
  // A copy of the seeded database before any suite writes to it: each Jest worker's database is
  // copied from it (tests/support/worker-databases.ts), and so are the scratch databases some suites
  // need (tests/openapi-schemathesis.test.ts): copied in a second, not migrated and seeded again.
  const seededTemplate = `${database}_seeded`;
  await progress.step('Keep a copy of the seeded database', () => copyDatabase(root, adminUrl, database, seededTemplate));
  const temporal = await progress.step(
    'Start a throw-away Temporal dev server',
    async (note) => {
      const server = await startTemporalDevServer({
        root,
        cli: cli.path,
        port: await freePort(),
        dbFile: null,
        logFile: path.join(workDir, 'temporal.log'),
      });
      cleanups.push(() => server.stop());
      note(server.address);
      return server;
    },
    'see the Temporal log in the test directory.',
  );

  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TEST_SERVER: testServer.path,
    SCHEMATHESIS_CLI: schemathesis.path,
    APP_SECRET: appSecret,
    TEMPORAL_PAYLOAD_KEYS: temporalPayloadKeys,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    TEST_WORK_DIR: workDir,
    TEST_SEEDED_DATABASE: seededTemplate,
  };
  // The browser tests need the built back office and portal and a Chromium; other selections skip the browser.
  await progress.step('Build the back office', () => buildApp(root, APPS.admin), APPS.admin.hint);
  await progress.step("Build the citizens' portal", () => buildApp(root, APPS.portal), APPS.portal.hint);
  if (selectsBrowserTests(jestArgs)) {
    const chromium = await progress.step('Find Chromium (browser tests)', () => findChromium(), CHROMIUM_HINT);
    env.CHROMIUM_PATH = chromium.path;
  }
  if (checks) {
    await progress.step('Type check and lint (started with the set-up)', async () => {
      const { failure } = await checks;
      if (failure) throw failure;
      return { note: 'platform, back office and portal; eslint' };
    });
  }
  process.stdout.write('\n');
  const failed = await runVisible(process.execPath, ['node_modules/jest/bin/jest.js', '--colors', ...jestArgs], env);
  await cleanUp();
  process.stdout.write(`\nnpm test: ${failed ? 'FAILED' : 'passed'} in ${progress.elapsed()}\n`);
  return failed;
}

/** Whether Jest's arguments (path patterns) select a tests/*.browser.test.ts; none selects all. */
function selectsBrowserTests(jestArgs) {
  const patterns = jestArgs.filter((arg) => !arg.startsWith('-'));
  if (patterns.length === 0) return true;
  const browserTests = readdirSync(path.join(root, 'tests')).filter((f) => f.endsWith('.browser.test.ts'));
  return browserTests.some((file) => patterns.some((p) => `tests/${file}`.includes(p) || safeRegExp(p)?.test(`tests/${file}`)));
}

function safeRegExp(pattern) {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function runQuiet(args, env) {
  return run(process.execPath, args, { cwd: root, env });
}

/**
 * The three type checks and the linter, at most two at once; resolves (never rejects, so it can
 * wait unobserved) with the first failure, if any, once all have finished.
 */
function startStaticChecks() {
  const env = { ...process.env, NODE_ENV: 'test' };
  const queue = [
    ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'],
    ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.'],
    ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'admin'],
    ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'portal'],
  ];
  let failure;
  const lane = async () => {
    for (let args = queue.shift(); args; args = queue.shift()) {
      await runQuiet(args, env).catch((error) => {
        failure ??= error;
      });
    }
  };
  return Promise.all([lane(), lane()]).then(() => ({ failure }));
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    reportFailure(error);
    await cleanUp();
    process.exit(1);
  },
);
