/**
 * `npm start` itself: from nothing to healthy (embedded PostgreSQL, Temporal dev server, worker,
 * API), then Ctrl-C, after which no process it started is left; a second start keeps the data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parsePayloadKeys } from '../platform/config';
import { freePort } from '../scripts/lib/services.mjs';
import { eventually } from './support/eventually';

const root = path.resolve(__dirname, '..');
const dataDir = mkdtempSync(path.join(process.env.TEST_WORK_DIR ?? os.tmpdir(), 'bootstrap-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Every process whose ancestry leads to `pid` (children were detached into their own groups). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent) continue;
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Grandchildren (esbuild under tsx, say) may outlive their parent by a moment, never longer. */
async function noneAlive(pids: number[]): Promise<void> {
  await eventually(async () => expect(pids.filter(alive)).toEqual([]), { timeoutMs: 5_000 });
}

async function startPlatform(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  delete env.APP_SECRET;
  delete env.TEMPORAL_PAYLOAD_KEYS;
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not up in time:\n${output}`)), 150_000);
    child.stdout!.on('data', () => output.includes('The platform is up') && (clearTimeout(timer), resolve()));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`npm start exited with ${code}:\n${output}`))));
  });
  return { child, output: () => output };
}

async function interrupt(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

it('comes up healthy, stops every process on Ctrl-C, and keeps the data on the next start', async () => {
  const port = await freePort();
  const first = await startPlatform(port);
  expect(first.output()).toMatch(/\[1\] Install dependencies: done/);
  expect(first.output()).toMatch(/Start PostgreSQL \(embedded\): done .*new cluster/);
  const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
  expect(health).toEqual({ status: 'ok', db: 'ok', temporal: 'ok', worker: 'ok' });

  const created = await fetch(`http://127.0.0.1:${port}/api/v1/reports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      categoryCode: 'do-thi',
      description: 'Vỉa hè bị lấn chiếm để bán hàng',
      location: { address: 'Phường Thành Sen' },
    }),
  });
  expect(created.status).toBe(201);
  const { trackingCode } = (await created.json()) as { trackingCode: string };
  // Temporal payloads are encrypted with a key npm start generated and keeps with the secret.
  const localSettings = () => JSON.parse(readFileSync(path.join(dataDir, 'local.json'), 'utf8'));
  const payloadKeys = localSettings().temporalPayloadKeys as string;
  expect(parsePayloadKeys(payloadKeys)).toHaveLength(1);

  const started = descendants(first.child.pid!);
  expect(started.length).toBeGreaterThanOrEqual(4); // PostgreSQL, Temporal, worker, API (and their helpers)
  expect(await interrupt(first.child)).toBe(0);
  await noneAlive(started);

  const second = await startPlatform(port);
  try {
    expect(second.output()).toMatch(/Start PostgreSQL \(embedded\): done .*existing data/);
    const view = await fetch(`http://127.0.0.1:${port}/api/v1/reports/${trackingCode}`);
    expect(view.status).toBe(200);
    expect(localSettings().temporalPayloadKeys).toBe(payloadKeys);
  } finally {
    const again = descendants(second.child.pid!);
    expect(await interrupt(second.child)).toBe(0);
    await noneAlive(again);
  }
}, 300_000);
