/**
 * What the back office gives a unit's officers and leaders, for every role of a commune (18073)
 * and a department (SXD): never the reporter's personal data, in any response of any GET
 * endpoint, and nothing of another unit's case (lists leave it out, direct access is 404).
 *
 * The GET endpoints are read from the Express router behind /api/admin, so a new endpoint is
 * covered the day it is added: `/cases/:id…` is called with the cases, `/tasks/:id` with their
 * tasks, any other `/x/:id` with the ids its list `/x` answers. Only the notification stream
 * (server-sent events: a response that never ends) is left out.
 */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import type { ReportCommand } from '../domain/report-command';
import { CitizenCases, REPLY, type CitizenCase } from './support/citizen-cases';
import { officials, unitIdOf } from './support/case-driver';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import { officialSessions } from './support/official-sessions';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;
const as = officialSessions(() => app, config.DEMO_PASSWORD);

/** Left out, with the reason: the stream never ends (tests/notifications-api.test.ts reads it). */
const NOT_CALLED = new Set(['/notifications/stream']);

interface Reporter {
  name: string;
  phone: string;
  email: string;
}
const REPORTERS: Record<'thanhSen' | 'sxd' | 'tranPhu', Reporter> = {
  thanhSen: { name: 'Đỗ Minh Khang', phone: '0977 135 246', email: 'khang.do@example.vn' },
  sxd: { name: 'Vương Thị Lan', phone: '0966 802 413', email: 'lan.vuong@example.vn' },
  tranPhu: { name: 'Hoàng Văn Tùng', phone: '0944 517 390', email: 'tung.hoang@example.vn' },
};
const cases = {} as Record<keyof typeof REPORTERS, CitizenCase>;

/** Every way the reporter's data could leak into a JSON text. */
function personalData(): string[] {
  return Object.values(REPORTERS).flatMap((r) => [
    r.name,
    r.phone,
    r.phone.replace(/\s/g, ''),
    r.email,
    JSON.stringify(r.name).slice(1, -1), // as JSON escapes it
  ]);
}

function expectNoPersonalData(what: string, text: string): void {
  for (const value of personalData()) {
    if (text.includes(value)) throw new Error(`${what} contains the reporter's "${value}": ${text.slice(0, 500)}`);
  }
}

interface RouterLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

function getPaths(stack: RouterLayer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) return layer.route.methods.get && typeof layer.route.path === 'string' ? [layer.route.path] : [];
    return layer.handle?.stack ? getPaths(layer.handle.stack) : [];
  });
}

/** The GET paths of the back-office API (relative to /api/admin), from the app's router. */
function adminGetPaths(): string[] {
  const top = (app as unknown as { router: { stack: RouterLayer[] } }).router.stack;
  const admin = top.find(
    (layer) => layer.handle?.stack && getPaths(layer.handle.stack).includes('/cases/:id/timeline'),
  );
  if (!admin?.handle?.stack) throw new Error('the /api/admin router was not found');
  return [...new Set(getPaths(admin.handle.stack))];
}

const report = (key: keyof typeof REPORTERS, rest: Partial<ReportCommand>): Partial<ReportCommand> => ({
  ...rest,
  reporter: { ...REPORTERS[key] },
});

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  const citizens = new CitizenCases(api.deps, config);

  // Thành Sen (18073): routed by its commune, replied with proof, waiting for the leader's approval.
  const thanhSen = await citizens.report(report('thanhSen', {}));
  // A phone's file name may be the reporter's own name: personal data too.
  await citizens.addMedia(thanhSen, 'report', `${REPORTERS.thanhSen.name}.jpg`);
  await citizens.addMedia(thanhSen, 'info', `${REPORTERS.thanhSen.email}.heic`);
  await citizens.toProcess(thanhSen, '18073');
  const proof = await citizens.addMedia(thanhSen, 'proof');
  const people = await officials(db, ['operator', '18073.officer', 'SXD.officer', 'SXD.leader', '18100.officer']);
  await thanhSen.driver.complete(
    'process',
    'reply',
    { reply: REPLY, attachmentIds: [proof.id] },
    people['18073.officer']!,
  );
  await thanhSen.driver.quiet((s) => s.openTask?.step === 'approve');

  // The department of construction (SXD): routed by hand by the operator, accepted, assigned.
  const sxd = await citizens.report(
    report('sxd', { categoryCode: 'khac', location: { address: 'Cầu Cày, đoạn giáp ranh hai phường' } }),
  );
  await citizens.addMedia(sxd, 'report', `Ảnh của ${REPORTERS.sxd.name}.jpg`);
  await sxd.driver.complete('verify', 'accept', {}, people.operator!);
  await sxd.driver.complete('route', 'route', { unitId: await unitIdOf(db, 'SXD') }, people.operator!);
  await sxd.driver.complete('accept', 'accept', {}, people['SXD.officer']!);
  await sxd.driver.complete('assign', 'assign', { assigneeId: people['SXD.officer'] }, people['SXD.leader']!);
  await sxd.driver.quiet((s) => s.openTask?.step === 'process');

  // Trần Phú (18100): another commune's case, being processed.
  const tranPhu = await citizens.report(
    report('tranPhu', { location: { address: 'Đường Trần Phú', communeCode: '18100' } }),
  );
  await citizens.addMedia(tranPhu, 'report');
  await citizens.toProcess(tranPhu, '18100');
  await tranPhu.driver.quiet((s) => s.openTask?.step === 'process');

  Object.assign(cases, { thanhSen, sxd, tranPhu });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await api.close();
});

const OFFICIALS = [
  { username: '18073.officer', own: 'thanhSen', others: ['tranPhu', 'sxd'] },
  { username: '18073.leader', own: 'thanhSen', others: ['tranPhu', 'sxd'] },
  { username: 'SXD.officer', own: 'sxd', others: ['tranPhu', 'thanhSen'] },
  { username: 'SXD.leader', own: 'sxd', others: ['tranPhu', 'thanhSen'] },
] as const;

async function taskIdsOf(caseId: string): Promise<string[]> {
  return (await db.task.findMany({ where: { caseId }, select: { id: true } })).map((t) => t.id);
}

describe('the back office and the reporter, for officers and leaders', () => {
  it('reads the GET endpoints from the router, every one of them handled here', () => {
    const paths = adminGetPaths();
    expect(paths).toEqual(
      expect.arrayContaining([
        '/cases',
        '/cases/:id',
        '/cases/:id/timeline',
        '/cases/:id/media',
        '/cases/:id/similar',
        '/cases/:id/routing-suggestion',
        '/cases/:id/diagram',
        '/tasks',
        '/tasks/counts',
        '/tasks/:id',
        '/notifications',
        '/audit-log',
      ]),
    );
    // Only `:id` parameters: a path with another one would need a rule of its own below.
    for (const p of paths) expect(p.replace(/:id\b/g, '')).not.toMatch(/:/);
  });

  it.each(OFFICIALS)(
    '$username: no GET response holds the reporter’s name, phone or email',
    async ({ username, own }) => {
      const cookie = await as(username);
      const caseId = cases[own].id;
      const get = async (url: string) => {
        const response = await request(app).get(`/api/admin${url}`).set('Cookie', cookie);
        expect(response.status).toBeLessThan(500);
        expectNoPersonalData(`${username} GET ${url} (${response.status})`, response.text);
        return response;
      };
      const called: string[] = [];
      for (const p of adminGetPaths()) {
        if (NOT_CALLED.has(p)) continue;
        called.push(p);
        if (p.startsWith('/cases/:id')) {
          const shown = await get(p.replace(':id', caseId));
          // What the case page needs answers; only the IOC's workflow history may be refused.
          if (!/history/.test(p)) expect([p, shown.status]).toEqual([p, 200]);
        } else if (p.startsWith('/tasks/:id')) {
          // The unit's own tasks answer; the IOC's tasks of the case (verify, route) are not theirs.
          const readable = await request(app)
            .get(`/api/admin/tasks?filter=${encodeURIComponent(JSON.stringify({ caseId }))}`)
            .set('Cookie', cookie);
          const ids = (readable.body as { id: string }[]).map((t) => t.id);
          expect(ids.length).toBeGreaterThan(0);
          for (const taskId of await taskIdsOf(caseId)) {
            const status = (await get(p.replace(':id', taskId))).status;
            expect(status).toBe(ids.includes(taskId) ? 200 : 404);
          }
        } else if (p.includes(':id')) {
          const list = await get(p.slice(0, p.indexOf('/:id')));
          const ids = Array.isArray(list.body) ? (list.body as { id: string }[]).slice(0, 5).map((r) => r.id) : [];
          for (const id of ids) await get(p.replace(':id', encodeURIComponent(id)));
        } else {
          await get(p);
        }
      }
      expect(called.length).toBeGreaterThan(10);

      // The lists, filtered to the case and its tasks, and the official's own notifications.
      const filter = (f: unknown) => `filter=${encodeURIComponent(JSON.stringify(f))}`;
      const listed = await get(`/cases?${filter({ id: Object.values(cases).map((c) => c.id) })}`);
      expect(listed.body.map((c: { id: string }) => c.id)).toEqual([caseId]);
      const tasks = await get(`/tasks?${filter({ caseId })}`);
      expect(tasks.body.length).toBeGreaterThan(0);
      const mine = await get(`/notifications?${filter({ mine: true })}`);
      expect(mine.status).toBe(200);
      await get(`/notifications?${filter({ caseId })}`);
      await get(`/audit-log?${filter({ caseId })}`);
      await get(`/cases/${caseId}/similar?radiusMeters=5000&days=365&limit=100`);
      await get('/notifications/unread-count');
    },
    60_000,
  );

  it.each(OFFICIALS)("$username: another unit's case is left out of lists and is 404", async ({ username, others }) => {
    const cookie = await as(username);
    const paths = adminGetPaths();
    for (const other of others) {
      const caseId = cases[other].id;
      const filter = (f: unknown) => `filter=${encodeURIComponent(JSON.stringify(f))}`;
      const listed = await request(app)
        .get(`/api/admin/cases?${filter({ id: [caseId] })}`)
        .set('Cookie', cookie)
        .expect(200);
      expect(listed.body).toEqual([]);
      const tasks = await request(app)
        .get(`/api/admin/tasks?${filter({ caseId })}`)
        .set('Cookie', cookie)
        .expect(200);
      expect(tasks.body).toEqual([]);
      const all = await request(app).get('/api/admin/cases?range=%5B0%2C999%5D').set('Cookie', cookie).expect(200);
      expect(all.body.map((c: { id: string }) => c.id)).not.toContain(caseId);
      const own = cases[OFFICIALS.find((o) => o.username === username)!.own].id;
      const similar = await request(app)
        .get(`/api/admin/cases/${own}/similar?radiusMeters=5000&days=365&limit=100`)
        .set('Cookie', cookie)
        .expect(200);
      expect(similar.body.map((c: { id: string }) => c.id)).not.toContain(caseId);

      // Direct access: every /cases/:id… GET endpoint, its tasks, and the writes on them.
      for (const p of paths.filter((x) => x.startsWith('/cases/:id'))) {
        const response = await request(app)
          .get(`/api/admin${p.replace(':id', caseId)}`)
          .set('Cookie', cookie);
        expect([p, response.status]).toEqual([p, 404]);
        expectNoPersonalData(`${username} GET ${p}`, response.text);
      }
      const upload = await request(app)
        .post(`/api/admin/cases/${caseId}/media`)
        .set('Cookie', cookie)
        .attach('file', Buffer.from('not really a photo'), { filename: 'x.jpg', contentType: 'image/jpeg' });
      expect(upload.status).toBe(404);
      const taskIds = await taskIdsOf(caseId);
      expect(taskIds.length).toBeGreaterThan(0);
      for (const taskId of taskIds) {
        await request(app).get(`/api/admin/tasks/${taskId}`).set('Cookie', cookie).expect(404);
        for (const action of ['claim', 'unclaim']) {
          await request(app).post(`/api/admin/tasks/${taskId}/${action}`).set('Cookie', cookie).expect(404);
        }
        await request(app)
          .post(`/api/admin/tasks/${taskId}/complete`)
          .set('Cookie', cookie)
          .send({ outcome: 'reply', reply: REPLY, attachmentIds: [] })
          .expect(404);
      }
    }
  });
});

describe("the reporter's file names", () => {
  const namesOf = async (username: string, caseId: string) => {
    const response = await request(app)
      .get(`/api/admin/cases/${caseId}/media`)
      .set('Cookie', await as(username))
      .expect(200);
    return (response.body as { purpose: string; originalName?: string | null }[]).map((m) => [
      m.purpose,
      m.originalName,
    ]);
  };

  it('are shown to the roles that may see the reporter’s identity, and proof keeps its name for all', async () => {
    const caseId = cases.thanhSen.id;
    const proof = await new CitizenCases(api.deps, config).addMedia(
      cases.thanhSen,
      'proof',
      'bien-ban-hien-truong.pdf',
    );
    try {
      for (const username of ['operator', 'supervisor', 'admin']) {
        expect(await namesOf(username, caseId)).toEqual(
          expect.arrayContaining([
            ['report', `${REPORTERS.thanhSen.name}.jpg`],
            ['info', `${REPORTERS.thanhSen.email}.heic`],
            ['proof', 'bien-ban-hien-truong.pdf'],
          ]),
        );
      }
      for (const username of ['18073.officer', '18073.leader']) {
        const names = await namesOf(username, caseId);
        expect(names).toEqual(
          expect.arrayContaining([
            ['report', undefined],
            ['info', undefined],
            ['proof', 'bien-ban-hien-truong.pdf'],
          ]),
        );
      }
    } finally {
      await db.media.delete({ where: { id: proof.id } });
    }
  });
});
