/**
 * `npm start`'s supervisor (scripts/lib/supervisor.mjs, as scripts/start.mjs uses it) over the
 * real worker and API processes, on this test's database and Temporal: during a burst of citizen
 * reports, the worker and then the API are killed with SIGKILL. Each is started again after its
 * back-off, and every report arrives exactly once: the clients retry with the same
 * Idempotency-Key until they get their answer, as the portal's outbox does.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, startNodeService } from '../scripts/lib/services.mjs';
import { superviseService, type SupervisedService } from '../scripts/lib/supervisor.mjs';
import { eventually } from './support/eventually';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const { db } = api.deps;
const root = path.resolve(__dirname, '..');
const REPORTS = 24;
const marker = `supervisor-${randomUUID().slice(0, 8)}`;
const said: string[] = [];
const services: Record<'worker' | 'api', SupervisedService | undefined> = { worker: undefined, api: undefined };
let base: string;

function supervise(name: 'worker' | 'api', script: string, env: NodeJS.ProcessEnv): SupervisedService {
  const logFile = path.join(process.env.TEST_WORK_DIR ?? os.tmpdir(), `${config.TEMPORAL_TASK_QUEUE}-${name}.log`);
  const service = superviseService({
    name,
    start: () => startNodeService({ name, script, cwd: root, env, logFile, echo: false, readyTimeoutMs: 90_000 }),
    log: (line) => said.push(line),
  });
  services[name] = service;
  return service;
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
    LOG_LEVEL: 'silent',
    // Other suites deliver their own outbox rows meanwhile; one test address sends every report.
    NOTIFY_DISPATCHER: 'false',
    REPORT_RATE_LIMIT_PER_HOUR: '100000',
  };
  await Promise.all([supervise('worker', 'worker/main.ts', env).ready, supervise('api', 'api/main.ts', env).ready]);
}, 120_000);

afterAll(async () => {
  await Promise.all(Object.values(services).map((s) => s?.stop(5_000)));
  await api.close();
});

class Refused extends Error {}

/** A citizen's phone: the same report under the same key until the API answers 201. */
async function report(i: number): Promise<{ id: string; attempts: number }> {
  const body = JSON.stringify({
    categoryCode: 'moi-truong',
    description: `Rác thải đổ trộm gần chợ Thành Sen, lần ${i} (${marker})`,
    location: { lat: 18.3428, lng: 105.9057, communeCode: '18073' },
  });
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${base}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `${marker}-${i}` },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      if (response.status === 201) return { id: ((await response.json()) as { id: string }).id, attempts: attempt };
      // 503 (Temporal or the worker not there yet) and 429 are worth another try; the rest is a bug.
      if (response.status !== 503 && response.status !== 429)
        throw new Refused(`report ${i}: ${response.status} ${await response.text()}`);
    } catch (error) {
      if (error instanceof Refused) throw error;
      // Connection refused or reset, or no answer in time: the API is down or restarting.
    }
    await sleep(300);
  }
}

/** Resolves when the supervised service has been started again and is ready. */
function restarted(service: SupervisedService): Promise<number> {
  return new Promise((resolve) => {
    const off = service.onRestarted((n) => {
      off();
      resolve(n);
    });
  });
}

it('starts a killed worker and a killed API again, and every report of the burst arrives exactly once', async () => {
  const worker = services.worker!;
  const apiService = services.api!;
  const started = Date.now();
  // Two waves of reports, one every 150 ms; each kill lands 800 ms into a wave.
  const wave = (from: number) =>
    Promise.all(Array.from({ length: REPORTS / 2 }, (_, k) => sleep(k * 150).then(() => report(from + k))));

  const first = wave(0);
  await sleep(800);
  const workerBack = restarted(worker);
  worker.child.kill('SIGKILL');
  await workerBack;

  const second = wave(REPORTS / 2);
  await sleep(800);
  const apiBack = restarted(apiService);
  apiService.child.kill('SIGKILL');
  await apiBack;

  const results = [...(await first), ...(await second)];
  const ids = results.map((r) => r.id);
  expect(new Set(ids).size).toBe(REPORTS);
  // The API's death was felt: clients of the second wave had to send again.
  expect(results.slice(REPORTS / 2).some((r) => r.attempts > 1)).toBe(true);
  expect(said.join('\n')).toMatch(/The worker stopped unexpectedly \(SIGKILL\); starting it again in 1 s/);
  expect(said.join('\n')).toMatch(/The worker is running again \(restart 1\)/);
  expect(said.join('\n')).toMatch(/The api stopped unexpectedly \(SIGKILL\); starting it again in 1 s/);
  expect(said.join('\n')).toMatch(/The api is running again \(restart 1\)/);

  // Exactly once: one case per report, each received once and moved on to verification.
  await eventually(
    async () => {
      const cases = await db.case.findMany({
        where: { description: { contains: marker } },
        select: { id: true, status: true, timeline: { select: { kind: true } } },
      });
      expect(cases.map((c) => c.id).sort()).toEqual([...ids].sort());
      for (const c of cases) {
        expect(c.status).toBe('verifying');
        expect(c.timeline.filter((e) => e.kind === 'received')).toHaveLength(1);
        expect(c.timeline.filter((e) => e.kind === 'verification_started')).toHaveLength(1);
      }
    },
    { timeoutMs: 60_000 },
  );
  console.log(`burst of ${REPORTS} reports with two kills: ${Date.now() - started} ms`);
}, 150_000);
