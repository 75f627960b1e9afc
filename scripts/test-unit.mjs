#!/usr/bin/env node
// `npm run test:unit`: the inner loop (under a minute on a 2-core machine). The unit tests beside
// their modules and the case workflow with in-memory activities on Temporal's time-skipping test
// server (jest.unit.config.js): no database, no Temporal dev server, no build. Arguments go to
// Jest: `npm run test:unit -- workflows`. `npm test` runs these suites too, with everything else.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClient } from './lib/database.mjs';
import { ensureDependencies } from './lib/dependencies.mjs';
import { createProgress, reportFailure } from './lib/progress.mjs';
import { findTemporalTestServer, TEMPORAL_TEST_SERVER_HINT } from './lib/temporal-test-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const progress = createProgress('Phản ánh hiện trường: unit tests');
  await progress.step('Install dependencies', () => ensureDependencies(root), 'run `npm ci` to see the whole error.');
  // The modules import the Prisma client's types and enums; no database is contacted.
  await progress.step('Generate the Prisma client', () => generateClient(root, 'postgresql://unit@127.0.0.1/unit'));
  const testServer = await progress.step(
    'Find the Temporal test server',
    () => findTemporalTestServer(root),
    TEMPORAL_TEST_SERVER_HINT,
  );
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    TEMPORAL_TEST_SERVER: testServer.path,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  };
  process.stdout.write('\n');
  // Both cores: these suites share nothing (each workflow test has its own test server).
  const args = ['node_modules/jest/bin/jest.js', '--config', 'jest.unit.config.js', '--maxWorkers=2', '--colors'];
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [...args, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
    child.on('close', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
  });
  process.stdout.write(`\nnpm run test:unit: ${code ? 'FAILED' : 'passed'} in ${progress.elapsed()}\n`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    reportFailure(error);
    process.exit(1);
  },
);
