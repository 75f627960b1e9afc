/**
 * A report that comes with a point and no commune code (the citizen API, Open311) has its commune
 * located at receipt and stored on the case, so everything that reads the case's commune works
 * for it: the urgent alert to the area's officials, routing, the back office's commune filter, the
 * public feed and Open311's commune_code. HTTP → API → Temporal → worker → PostgreSQL.
 *
 * The commune, its People's Committee (with a leader and an officer) and its routing rule are made
 * here, with a boundary (a small square around 18.25, 105.75, well inside Hà Tĩnh, where no other
 * suite reports) before the worker first reads the boundaries; they are removed afterwards, cases
 * first.
 * While they exist they look like seeded ones to suites that read every unit (an English name, a
 * leader and an officer with the demo password), and the unit's code sorts below every seeded one.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { locateCommune } from '../activities/locate-commune';
import { createApp } from '../api/app';
import { hashPassword } from '../platform/passwords';
import { CaseDriver, notificationsOf } from './support/case-driver';
import { walkCase } from './support/case-walk';
import { square } from './support/geo';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;
const as = officialSessions(() => app, config.DEMO_PASSWORD);

const suffix = randomUUID().slice(0, 6).toUpperCase();
const COMMUNE = { code: `P${suffix}`, name: `Xã Điểm Thử ${suffix}` };
const NEIGHBOUR = { code: `Q${suffix}`, name: `Xã Bên Cạnh ${suffix}` };
const UNIT = `00-P${suffix}`;
const OFFICIALS = [`${UNIT}.leader`, `${UNIT}.officer`];
const POINT = { lat: 18.25, lng: 105.75 };
const DESCRIPTION = 'Cây đổ chắn ngang đường liên xã, xe không qua được';
let unitId: string;

beforeAll(async () => {
  await db.commune.create({ data: { ...COMMUNE, kind: 'commune', boundary: square(POINT.lat, POINT.lng, 0.005) } });
  const unit = await db.unit.create({
    data: {
      code: UNIT,
      name: `UBND ${COMMUNE.name}`,
      nameEn: `${COMMUNE.code} Commune People's Committee`,
      kind: 'commune',
      communeCodes: [COMMUNE.code],
    },
  });
  unitId = unit.id;
  for (const username of OFFICIALS) {
    await db.user.create({
      data: {
        username,
        name: username,
        passwordHash: await hashPassword(config.DEMO_PASSWORD),
        memberships: { create: { unitId, role: username.endsWith('.leader') ? 'leader' : 'officer' } },
      },
    });
  }
  await db.routingRule.create({
    data: { name: `Xã ${suffix}`, priority: 1000, categoryCodes: [], communeCodes: [COMMUNE.code], unitId },
  });
  worker = await startWorker(config, await bundleWorkflows());
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
});
afterAll(async () => {
  await worker?.stop();
  await db.case.deleteMany({ where: { description: DESCRIPTION } });
  await db.routingRule.deleteMany({ where: { unitId } });
  await db.user.deleteMany({ where: { username: { in: OFFICIALS } } });
  await db.unit.deleteMany({ where: { code: UNIT } });
  await db.commune.deleteMany({ where: { code: { in: [COMMUNE.code, NEIGHBOUR.code] } } });
  await api.close();
});

/** An urgent point-only report through the citizen API; its case, once the verify task is open. */
async function reportThroughCitizenApi(): Promise<CaseDriver> {
  const created = await request(app)
    .post('/api/v1/reports')
    .send({ categoryCode: 'moi-truong', description: DESCRIPTION, location: POINT, level: 'urgent' })
    .expect(201);
  const c = CaseDriver.attach(api.deps.temporal, created.body.id, created.body.trackingCode);
  await c.quiet();
  return c;
}

/** The same through Open311, where a partner sends lat/long and no attribute[commune_code]. */
async function reportThroughOpen311(): Promise<CaseDriver> {
  const created = await request(app)
    .post('/open311/v2/requests.json')
    .type('form')
    .send({
      api_key: 'demo-open311-key',
      service_code: 'moi-truong',
      lat: String(POINT.lat + 0.001),
      long: String(POINT.lng - 0.001),
      description: DESCRIPTION,
      'attribute[level]': 'urgent',
    })
    .expect(200);
  const trackingCode = created.body[0].service_request_id as string;
  const row = await db.case.findUniqueOrThrow({ where: { trackingCode }, select: { id: true } });
  const c = CaseDriver.attach(api.deps.temporal, row.id, trackingCode);
  await c.quiet();
  return c;
}

const channels: [string, () => Promise<CaseDriver>][] = [
  ['the citizen API', reportThroughCitizenApi],
  ['Open311', reportThroughOpen311],
];

describe.each(channels)('an urgent report with a point only, through %s', (_channel, report) => {
  let c: CaseDriver;
  beforeAll(async () => {
    c = await report();
  });

  it("has its commune stored at receipt, and alerts that commune's officials", async () => {
    const row = await db.case.findUniqueOrThrow({ where: { id: c.caseId }, select: { communeCode: true } });
    expect(row.communeCode).toBe(COMMUNE.code);
    expect(await c.state()).toMatchObject({ communeCode: COMMUNE.code, openTask: { step: 'verify', urgent: true } });
    expect(await notificationsOf(db, c.caseId, OFFICIALS)).toEqual([
      `urgent_report → ${UNIT}.leader`,
      `urgent_report → ${UNIT}.officer`,
    ]);
  });

  it("is found by the back office's commune filter", async () => {
    const filter = encodeURIComponent(JSON.stringify({ communeCode: COMMUNE.code, id: [c.caseId] }));
    const list = await request(app)
      .get(`/api/admin/cases?filter=${filter}`)
      .set('Cookie', await as('operator'))
      .expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: c.caseId, communeCode: COMMUNE.code })]);
  });

  it("is routed by its commune's rule, and shows its commune in the feed and in Open311 once published", async () => {
    await walkCase(c, db, { until: 'accept' });
    expect((await c.state()).unitId).toBe(unitId);
    await walkCase(c, db);

    const feed = await request(app).get(`/api/v1/reports?communeCode=${COMMUNE.code}`).expect(200);
    const item = feed.body.items.find((i: { trackingCode: string }) => i.trackingCode === c.trackingCode);
    expect(item).toMatchObject({ location: { commune: COMMUNE } });

    const open311 = await request(app).get(`/open311/v2/requests/${c.trackingCode}.json?extensions=true`).expect(200);
    expect(open311.body[0]).toMatchObject({
      extended_attributes: { commune_code: COMMUNE.code, commune_name: COMMUNE.name },
    });
  });
});

describe('the locateCommune activity', () => {
  // Read without the one-minute cache: the neighbour below must count at once.
  const locate = (caseId: string, lat: number, lng: number) => locateCommune(db, { caseId, lat, lng }, { ttlMs: 0 });
  const communeOf = async (id: string) =>
    (await db.case.findUniqueOrThrow({ where: { id }, select: { communeCode: true } })).communeCode;

  it('stores nothing on a border of two communes or outside every boundary, and never overwrites a commune', async () => {
    // Shares the east edge of COMMUNE's square, at longitude 105.755.
    await db.commune.create({
      data: { ...NEIGHBOUR, kind: 'commune', boundary: square(POINT.lat, POINT.lng + 0.01, 0.005) },
    });
    const id = randomUUID();
    await db.case.create({
      data: {
        id,
        trackingCode: `HT-TEST-${suffix}`,
        requestFingerprint: 'test',
        categoryCode: 'moi-truong',
        description: DESCRIPTION,
        status: 'received',
        step: 'receive',
        receivedAt: new Date(),
      },
    });

    await expect(locate(id, POINT.lat, POINT.lng + 0.005)).resolves.toBeNull(); // on the shared edge
    await expect(locate(id, POINT.lat + 0.1, POINT.lng)).resolves.toBeNull(); // in no commune
    expect(await communeOf(id)).toBeNull();

    await expect(locate(id, POINT.lat, POINT.lng + 0.01)).resolves.toBe(NEIGHBOUR.code);
    // A retry, or a later point in another commune, keeps the commune stored first.
    await expect(locate(id, POINT.lat, POINT.lng)).resolves.toBe(NEIGHBOUR.code);
    expect(await communeOf(id)).toBe(NEIGHBOUR.code);
  });
});
