#!/usr/bin/env node
// `npm start`: brings the whole platform up on this machine, from a fresh clone, and keeps it
// running until Ctrl-C. Zero dependencies until step 1 has installed them.
//   1 dependencies  2 back office build  3 portal build  4 Temporal CLI  5 PostgreSQL  6 database
//   7 Temporal  8 worker + API (started again with a back-off if either dies)
// Data survive restarts under .data/; DATABASE_URL and TEMPORAL_ADDRESS point at real servers.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APPS, buildApp } from './lib/app-build.mjs';
import { applyMigrations, generateClient, seed } from './lib/database.mjs';
import { ensureDependencies } from './lib/dependencies.mjs';
import { createProgress, reportFailure } from './lib/progress.mjs';
import { ensureDatabase, startEmbeddedPostgres } from './lib/postgres.mjs';
import { freePort, isFree, startNodeService } from './lib/services.mjs';
import { superviseService } from './lib/supervisor.mjs';
import { findTemporalCli, TEMPORAL_CLI_HINT } from './lib/temporal-cli.mjs';
import { startTemporalDevServer } from './lib/temporal-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// DATA_DIR lets a second instance (or a test of this script) keep its own state.
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');
const logDir = path.join(dataDir, 'logs');
const running = []; // started services, stopped in reverse order
let stopping;

function readJson(file, fallback) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : fallback;
}

/** Ports and the secret are chosen once and kept, so a restart finds everything where it was. */
function localSettings() {
  const file = path.join(dataDir, 'local.json');
  const settings = readJson(file, {});
  settings.appSecret ??= randomBytes(32).toString('base64url');
  // Temporal payloads are encrypted (platform/payload-codec.ts); this machine's key, kept with the secret.
  settings.temporalPayloadKeys ??= `local1:${randomBytes(32).toString('base64')}`;
  // Web Push's VAPID pair (RFC 8292): browsers' subscriptions are bound to the public key, so it is kept.
  settings.webPushVapid ??= vapidKeyPair();
  return { settings, save: () => writeFileSync(file, JSON.stringify(settings, null, 2), { mode: 0o600 }) };
}

/** A P-256 key pair as web-push and browsers take it: the public key uncompressed, both base64url. */
function vapidKeyPair() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = privateKey.export({ format: 'jwk' });
  const raw = (value) => Buffer.from(value, 'base64url');
  return {
    publicKey: Buffer.concat([Buffer.from([4]), raw(jwk.x), raw(jwk.y)]).toString('base64url'),
    privateKey: jwk.d,
  };
}

async function stopAll(reason) {
  stopping ??= (async () => {
    process.stdout.write(`\nStopping (${reason}) …\n`);
    for (const service of running.reverse()) {
      try {
        await service.stop();
        process.stdout.write(`  stopped ${service.name}\n`);
      } catch (error) {
        process.stdout.write(`  ${service.name} did not stop cleanly: ${error.message}\n`);
      }
    }
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stopAll(signal).then(() => process.exit(0)));
}

async function main() {
  mkdirSync(logDir, { recursive: true });
  const progress = createProgress('Phản ánh hiện trường: starting the platform');
  const { settings, save } = localSettings();
  // Kept at once: the secrets and the VAPID pair must survive a restart even when no local
  // service (whose ports are saved later) is started.
  save();
  const port = Number(process.env.PORT ?? 3000);

  await progress.step(
    'Install dependencies',
    () => ensureDependencies(root),
    'run `npm ci` to see the whole error; the npm registry must be reachable.',
  );

  await progress.step('Build the back office', () => buildApp(root, APPS.admin), APPS.admin.hint);
  await progress.step("Build the citizens' portal", () => buildApp(root, APPS.portal), APPS.portal.hint);

  if (!(await isFree(port))) {
    throw Object.assign(new Error(`port ${port} is in use`), {
      hint: `stop what uses it, or choose another port: PORT=3100 npm start`,
    });
  }

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let temporalCli;
  if (!temporalAddress) {
    temporalCli = await progress.step('Find the Temporal CLI', () => findTemporalCli(root), TEMPORAL_CLI_HINT);
  }

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    databaseUrl = await progress.step(
      'Start PostgreSQL (embedded)',
      async (note) => {
        settings.postgresPort = await freePort(settings.postgresPort ?? 54329);
        save();
        const postgres = await startEmbeddedPostgres({
          root,
          dataDir: path.join(dataDir, 'postgres'),
          port: settings.postgresPort,
          logFile: path.join(logDir, 'postgres.log'),
        });
        running.push({ name: 'PostgreSQL', stop: () => postgres.stop() });
        const database = await ensureDatabase(root, postgres.url('postgres'), 'field_report');
        note(
          `127.0.0.1:${settings.postgresPort}, ${postgres.initialised ? 'new cluster' : 'existing data'}, database ${database}`,
        );
        return postgres.url('field_report');
      },
      'see .data/logs/postgres.log; or set DATABASE_URL to a PostgreSQL you run.',
    );
  }

  await progress.step(
    'Generate the Prisma client',
    () => generateClient(root, databaseUrl),
    'run `npx prisma generate` with DATABASE_URL set to see the whole error.',
  );
  await progress.step(
    'Apply database migrations',
    () => applyMigrations(root, databaseUrl),
    'run `npx prisma migrate status` with DATABASE_URL set to see which migration fails.',
  );

  const serviceEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    DATABASE_URL: databaseUrl,
    APP_SECRET: process.env.APP_SECRET ?? settings.appSecret,
    TEMPORAL_PAYLOAD_KEYS: process.env.TEMPORAL_PAYLOAD_KEYS ?? settings.temporalPayloadKeys,
    ...(!process.env.WEB_PUSH_VAPID_PUBLIC_KEY && {
      WEB_PUSH_VAPID_PUBLIC_KEY: settings.webPushVapid.publicKey,
      WEB_PUSH_VAPID_PRIVATE_KEY: settings.webPushVapid.privateKey,
    }),
    PORT: String(port),
  };
  await progress.step(
    "Seed Hà Tĩnh's configuration",
    () => seed(root, serviceEnv),
    'run `npx tsx prisma/seed.ts` to see the whole error.',
  );

  let temporalUi;
  if (!temporalAddress) {
    const temporal = await progress.step(
      'Start the Temporal dev server',
      async (note) => {
        settings.temporalPort = await freePort(settings.temporalPort ?? 7233);
        settings.temporalUiPort = await freePort(settings.temporalUiPort ?? 8233);
        save();
        const server = await startTemporalDevServer({
          root,
          cli: temporalCli.path,
          port: settings.temporalPort,
          uiPort: settings.temporalUiPort,
          dbFile: path.join(dataDir, 'temporal.sqlite'),
          logFile: path.join(logDir, 'temporal.log'),
        });
        running.push({ name: 'Temporal', stop: () => server.stop() });
        note(server.address);
        return server;
      },
      'see .data/logs/temporal.log; or set TEMPORAL_ADDRESS to a running Temporal server.',
    );
    temporalAddress = temporal.address;
    temporalUi = temporal.uiUrl;
  }
  serviceEnv.TEMPORAL_ADDRESS = temporalAddress;
  if (temporalUi) serviceEnv.TEMPORAL_UI_URL ??= temporalUi;

  for (const [name, script] of [
    ['worker', 'worker/main.ts'],
    ['api', 'api/main.ts'],
  ]) {
    await progress.step(
      `Start the ${name}`,
      async () => {
        const logFile = path.join(logDir, `${name}.log`);
        // From its first readiness on, a dead worker or API is started again (scripts/lib/supervisor.mjs).
        const service = superviseService({
          name,
          start: () => startNodeService({ name, script, cwd: root, env: serviceEnv, logFile }),
          log: (line) => {
            process.stderr.write(`\n${line}; see ${path.relative(root, logFile)}\n`);
            appendFileSync(logFile, `${new Date().toISOString()} npm start: ${line}\n`);
          },
        });
        running.push(service);
        await service.ready;
      },
      `see .data/logs/${name}.log.`,
    );
  }

  await progress.step(
    'Wait until healthy',
    () => waitForHealth(`http://127.0.0.1:${port}/healthz`),
    `open http://127.0.0.1:${port}/healthz to see which part is not ready.`,
  );

  const url = `http://localhost:${port}`;
  // Only what this checkout has: the back office, the portal and demo accounts arrive with their parts.
  const lines = [
    `  API            ${url}/api/v1   (health ${url}/healthz, metrics ${url}/metrics)`,
    existsSync(path.join(root, 'admin', 'index.html')) && `  Back office    ${url}/admin`,
    existsSync(path.join(root, 'portal', 'index.html')) && `  Citizen portal ${url}/`,
    `  Temporal UI    ${temporalUi ?? "(external Temporal: see your cluster's UI)"}`,
    existsSync(path.join(root, 'prisma', 'seed.ts')) &&
      `  Demo logins    admin, supervisor, operator, <unit code>.leader, <unit code>.officer\n` +
        `                 (e.g. 18073.leader for phường Thành Sen); password: ${process.env.DEMO_PASSWORD ?? 'demo1234'}`,
  ].filter(Boolean);
  process.stdout.write(
    `\nThe platform is up (${progress.elapsed()}).\n${lines.join('\n')}\n` +
      `A worker or API that stops is started again. Data and logs are kept in ${path.relative(root, dataDir) || '.'}/.\n` +
      `Press Ctrl-C to stop.\n`,
  );
}

async function waitForHealth(url) {
  const deadline = Date.now() + 120_000;
  let last;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      last = await response.json();
      if (response.ok) return { note: 'db, temporal and worker ok' };
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`not healthy after 120 s: ${JSON.stringify(last)}`);
}

main().catch(async (error) => {
  reportFailure(error);
  await stopAll('start-up failed');
  process.exit(1);
});
