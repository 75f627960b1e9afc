/**
 * A throw-away platform for one benchmark, set up as `npm test` sets up its environment and run as
 * `npm start` runs the services (the same scripts/lib helpers): a fresh database (an embedded
 * PostgreSQL, or a new database on DATABASE_URL's server), migrated and seeded with the demo
 * officials; a Temporal dev server in memory on a free port; the real worker and API as separate
 * processes with NODE_ENV=production, so the CPU time and memory of each can be read from /proc.
 * Everything is torn down by stop(), also on Ctrl-C and on a failure.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { applyMigrations, generateClient, seed } from '../../scripts/lib/database.mjs';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from '../../scripts/lib/postgres.mjs';
import { freePort, startNodeService, type NodeService } from '../../scripts/lib/services.mjs';
import { findTemporalCli } from '../../scripts/lib/temporal-cli.mjs';
import { startTemporalDevServer } from '../../scripts/lib/temporal-server.mjs';
import { parsePayloadKeys } from '../../platform/config';
import { createDb, type Db } from '../../platform/db';
import { createTemporalClient } from '../../platform/temporal';
import type { Processes } from './measure';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface Stack {
  /** http://127.0.0.1:<port> of the API. */
  baseUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** A Temporal client with the services' payload key, for the baselines and history reads. */
  temporal: Client;
  db: Db;
  /** The root process of each part, for CPU (its whole tree) and RSS. */
  pids: { api: number; worker: number; temporal: number; postgres?: number; floor?: number };
  /** The floor worker's task queue (bench/floor), when `floor` was asked for. */
  floorTaskQueue?: string;
  processes: Processes;
  /** Where the services' logs are kept (.tmp/bench/<name>/). */
  logDir: string;
  step<T>(what: string, action: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** The benchmark's name: its logs go to .tmp/bench/<name>/. */
  name: string;
  /** Extra environment for the worker and the API. */
  env?: Record<string, string>;
  /**
   * Also start the floor's worker (bench/floor/worker.ts): a workflow with no platform code on
   * the same Temporal server, the least any case could cost.
   */
  floor?: boolean;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Runs `action`, saying what it does and how long it took. */
async function step<T>(what: string, action: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  process.stdout.write(`  ${what} … `);
  try {
    const result = await action();
    process.stdout.write(`${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    return result;
  } catch (error) {
    process.stdout.write(`FAILED after ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    throw error;
  }
}

/** The last lines of a log, for a failure's message. */
function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const cleanups: { what: string; run: () => Promise<void> | void }[] = [];
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      say('Tearing the stack down …');
      while (cleanups.length) {
        const cleanup = cleanups.pop()!;
        try {
          await cleanup.run();
        } catch (error) {
          say(`  ${cleanup.what}: ${(error as Error).message}`);
        }
      }
    })());
  const onSignal = (signal: string) => {
    say(`\n${signal}: stopping`);
    void stop().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const logDir = path.join(ROOT, '.tmp', 'bench', options.name);
    rmSync(logDir, { recursive: true, force: true });
    mkdirSync(logDir, { recursive: true });
    const workDir = mkdtempSync(path.join(os.tmpdir(), `field-report-bench-${options.name}-`));
    cleanups.push({ what: 'work directory', run: () => rmSync(workDir, { recursive: true, force: true }) });
    say(`Setting up a throw-away stack (logs in ${path.relative(ROOT, logDir)}/):`);

    const cli = await step('Find the Temporal CLI', () => findTemporalCli(ROOT));

    let adminUrl = process.env.DATABASE_URL;
    let postgresPid: number | undefined;
    if (!adminUrl) {
      adminUrl = await step('Start an embedded PostgreSQL', async () => {
        const postgres = await startEmbeddedPostgres({
          root: ROOT,
          dataDir: path.join(workDir, 'postgres'),
          port: await freePort(),
          logFile: path.join(logDir, 'postgres.log'),
        });
        cleanups.push({ what: 'PostgreSQL', run: () => postgres.stop() });
        postgresPid = postgres.child.pid;
        return postgres.url('postgres');
      });
    }
    const database = `field_report_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await step(`Create database ${database}`, () => ensureDatabase(ROOT, adminUrl, database));
    if (process.env.DATABASE_URL)
      cleanups.push({ what: 'database', run: () => dropDatabase(ROOT, adminUrl, database) });
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    const databaseUrl = url.toString();

    await step('Generate the Prisma client', () => generateClient(ROOT, databaseUrl));
    await step('Apply database migrations', () => applyMigrations(ROOT, databaseUrl));
    const appSecret = randomBytes(32).toString('base64url');
    const payloadKeys = `bench1:${randomBytes(32).toString('base64')}`;
    await step('Seed (with the demo officials)', () =>
      seed(ROOT, {
        ...process.env,
        NODE_ENV: 'development',
        DEMO_MODE: 'true',
        DATABASE_URL: databaseUrl,
        APP_SECRET: appSecret,
        LOG_LEVEL: 'silent',
      }),
    );

    const temporalServer = await step('Start a Temporal dev server (in memory)', async () =>
      startTemporalDevServer({
        root: ROOT,
        cli: cli.path,
        port: await freePort(),
        dbFile: null,
        logFile: path.join(logDir, 'temporal.log'),
      }),
    );
    cleanups.push({ what: 'Temporal', run: () => temporalServer.stop() });

    const port = await freePort();
    const taskQueue = 'field-reports';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // As in production, except that the demo officials (seeded above) can log in.
      NODE_ENV: 'production',
      DEMO_MODE: 'false',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalServer.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      TEMPORAL_PAYLOAD_KEYS: payloadKeys,
      APP_SECRET: appSecret,
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: path.join(workDir, 'data'),
      // Per-request logs would be read by this process (the pipe) and tax the load generator.
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      // One address sends every request here: the per-address limits would stop the benchmark.
      REPORT_RATE_LIMIT_PER_HOUR: '100000000',
      CITIZEN_ACTION_RATE_LIMIT_PER_HOUR: '100000000',
      ...options.env,
    };
    const floorTaskQueue = options.floor ? 'floor' : undefined;
    const services: Partial<Record<'worker' | 'api' | 'floor', NodeService>> = {};
    for (const [name, script] of [
      ['worker', 'worker/main.ts'],
      ['api', 'api/main.ts'],
      ...(floorTaskQueue ? ([['floor', 'bench/floor/worker.ts']] as const) : []),
    ] as const) {
      const logFile = path.join(logDir, `${name}.log`);
      await step(`Start the ${name}`, async () => {
        const service = startNodeService({
          name,
          script,
          cwd: ROOT,
          env: name === 'floor' ? { ...env, BENCH_FLOOR_TASK_QUEUE: floorTaskQueue } : env,
          nodeArgs: serviceNodeArgs(name),
          logFile,
          echo: false,
          readyTimeoutMs: 180_000,
        });
        cleanups.push({ what: name, run: () => service.stop(30_000) });
        try {
          await service.ready;
        } catch (error) {
          throw new Error(`${(error as Error).message}\n--- ${logFile} ---\n${tail(logFile)}`);
        }
        services[name] = service;
      });
    }
    const baseUrl = `http://127.0.0.1:${port}`;
    await step('Wait until /healthz is green', () => waitForHealth(`${baseUrl}/healthz`));

    const { client: temporal, connection } = createTemporalClient({
      address: temporalServer.address,
      namespace: 'default',
      payloadKeys: parsePayloadKeys(payloadKeys),
    });
    cleanups.push({ what: 'Temporal client', run: () => connection.close() });
    const { db } = createDb({ url: databaseUrl, poolSize: 4 });
    cleanups.push({ what: 'database client', run: () => db.$disconnect() });

    const pids = {
      api: services.api!.child.pid!,
      worker: services.worker!.child.pid!,
      temporal: temporalServer.child.pid!,
      ...(postgresPid && { postgres: postgresPid }),
      ...(services.floor && { floor: services.floor.child.pid! }),
    };
    return {
      baseUrl,
      databaseUrl,
      temporalAddress: temporalServer.address,
      taskQueue,
      floorTaskQueue,
      temporal,
      db,
      pids,
      processes: { ...pids },
      logDir,
      step,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      last = await response.text();
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`not healthy after 120 s: ${last}`);
}

/** Runs a benchmark's body on a fresh stack and always tears the stack down. */
export async function withStack<T>(options: StackOptions, body: (stack: Stack) => Promise<T>): Promise<T> {
  const stack = await startStack(options);
  try {
    return await body(stack);
  } finally {
    await stack.stop();
  }
}

/**
 * Node options for one service only: BENCH_WORKER_NODE_ARGS / BENCH_API_NODE_ARGS / BENCH_FLOOR_NODE_ARGS, e.g.
 * `--cpu-prof --cpu-prof-dir=.tmp/profiles` to see where its CPU goes (bench/README.md, "Profiling").
 */
function serviceNodeArgs(name: 'worker' | 'api' | 'floor'): string[] {
  return (process.env[`BENCH_${name.toUpperCase()}_NODE_ARGS`] ?? '').split(/\s+/).filter(Boolean);
}
