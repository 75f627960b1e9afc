/**
 * What the case page shows besides the case: its timeline (internal notes for officials), its
 * files, nearby similar cases for marking duplicates, where routing would send it now, and the
 * inbox's counters; all of it only to officials who may read the case (404 for anyone else).
 * Cases live in two units no other suite uses, so the counters are exact.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import type { Prisma } from '../prisma/generated/client';
import { apiDependencies, testConfig } from './support/platform';
import { officialSessions } from './support/official-sessions';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
const as = officialSessions(() => app, config.DEMO_PASSWORD);
const ids = { a: randomUUID(), b: randomUUID(), c: randomUUID(), d: randomUUID(), e: randomUUID(), f: randomUUID() };
const media = { photo: randomUUID(), proof: randomUUID() };
let ours: { id: string; code: string };
let theirs: { id: string; code: string };
// A point of our own, away from the one other suites report at.
const origin = { lat: 18.05 + Math.random() / 100, lng: 106.2 + Math.random() / 100 };

beforeAll(async () => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  const rare = await db.unit.findMany({
    where: { kind: 'commune', active: true, code: { notIn: ['18073', '18100'] } },
    orderBy: { code: 'desc' },
    take: 2,
  });
  [ours, theirs] = [rare[0]!, rare[1]!];
  const leader = await db.user.findUniqueOrThrow({ where: { username: `${ours.code}.leader` } });
  const officer = await db.user.findUniqueOrThrow({ where: { username: `${ours.code}.officer` } });
  const base = {
    requestFingerprint: 'test',
    categoryCode: 'moi-truong',
    description: 'Rác thải đổ trộm ven kênh',
    status: 'processing' as const,
    step: 'process' as const,
    receivedAt: new Date(),
    reporterName: 'Lê Thị Riêng Tư',
    reporterPhone: '0900 111 222',
    communeCode: ours.code,
    unitId: ours.id,
  };
  const code = () => `TP-${randomUUID().slice(0, 8).toUpperCase()}`;
  const at = (north: number, east: number) => ({
    lat: origin.lat + north / 111_195,
    lng: origin.lng + east / (111_195 * Math.cos((origin.lat * Math.PI) / 180)),
  });
  const sixtyDaysAgo = new Date(Date.now() - 60 * 86_400_000);
  await db.case.createMany({
    data: [
      { ...base, id: ids.a, trackingCode: code(), ...at(0, 0) },
      { ...base, id: ids.b, trackingCode: code(), ...at(100, 0) },
      { ...base, id: ids.c, trackingCode: code(), ...at(0, 200), communeCode: theirs.code, unitId: theirs.id },
      { ...base, id: ids.d, trackingCode: code(), ...at(2000, 0) },
      { ...base, id: ids.e, trackingCode: code(), ...at(0, 0), categoryCode: 'giao-thong' },
      {
        ...base,
        id: ids.f,
        trackingCode: code(),
        ...at(50, 0),
        status: 'closed',
        step: 'close',
        createdAt: sixtyDaysAgo,
        receivedAt: sixtyDaysAgo,
      },
    ],
  });
  const now = Date.now();
  const entries: Prisma.CaseTimelineEntryCreateManyInput[] = [
    {
      caseId: ids.a,
      seq: 1,
      kind: 'received',
      visibility: 'public',
      status: 'received',
      step: 'receive',
      at: new Date(now - 3000),
    },
    {
      caseId: ids.a,
      seq: 2,
      kind: 'returned',
      visibility: 'internal',
      actorId: leader.id,
      note: 'Không thuộc thẩm quyền',
      at: new Date(now - 2000),
    },
    {
      caseId: ids.a,
      seq: 3,
      kind: 'info_requested',
      visibility: 'reporter',
      actorId: officer.id,
      note: 'Xin vị trí',
      at: new Date(now - 1000),
    },
  ];
  await db.caseTimelineEntry.createMany({ data: entries });
  const file = { kind: 'photo' as const, contentType: 'image/jpeg', size: 1234, sha256: 'x'.repeat(64) };
  await db.media.createMany({
    data: [
      { ...file, id: media.photo, caseId: ids.a, purpose: 'report', storageKey: `test/${media.photo}` },
      {
        ...file,
        id: media.proof,
        caseId: ids.a,
        purpose: 'proof',
        storageKey: `test/${media.proof}`,
        uploadedById: officer.id,
      },
    ],
  });
  const task = { caseId: ids.a, role: 'officer' as const, unitId: ours.id };
  await db.task.createMany({
    data: [
      { ...task, seq: 1, step: 'accept', state: 'done', outcome: 'return', completedById: leader.id },
      { ...task, seq: 2, step: 'process', assigneeId: officer.id, due: new Date(now + 86_400_000) },
      { ...task, seq: 3, step: 'process', due: new Date(now - 60_000) },
    ],
  });
});
afterAll(async () => {
  await db.case.deleteMany({ where: { id: { in: Object.values(ids) } } });
  await api.close();
});

describe('the case page in the back office', () => {
  it("shows the case's unit every timeline entry, internal notes included, with the officials' names", async () => {
    const leader = await db.user.findUniqueOrThrow({ where: { username: `${ours.code}.leader` } });
    const timeline = await request(app)
      .get(`/api/admin/cases/${ids.a}/timeline`)
      .set('Cookie', await as(`${ours.code}.officer`))
      .expect(200);
    expect(timeline.headers['content-range']).toBe('timeline 0-2/3');
    expect(timeline.body.map((e: { kind: string }) => e.kind)).toEqual(['received', 'returned', 'info_requested']);
    expect(timeline.body[0]).toMatchObject({ seq: 1, visibility: 'public', actorId: null, actorName: null });
    expect(timeline.body[1]).toMatchObject({ visibility: 'internal', actorId: leader.id, actorName: leader.name });
    await request(app)
      .get(`/api/admin/cases/${ids.a}/timeline`)
      .set('Cookie', await as('operator'))
      .expect(200)
      .then((r) => expect(r.body).toHaveLength(3));
    await request(app)
      .get(`/api/admin/cases/${ids.a}/timeline`)
      .set('Cookie', await as(`${theirs.code}.officer`))
      .expect(404);
  });

  it('lists the case files with their URLs', async () => {
    const listed = await request(app)
      .get(`/api/admin/cases/${ids.a}/media`)
      .set('Cookie', await as(`${ours.code}.leader`))
      .expect(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: media.photo,
          purpose: 'report',
          url: `/api/v1/media/${media.photo}`,
          thumbnailUrl: null,
        }),
        expect.objectContaining({ id: media.proof, purpose: 'proof', url: `/api/v1/media/${media.proof}` }),
      ]),
    );
    expect(listed.body).toHaveLength(2);
    await request(app)
      .get(`/api/admin/cases/${ids.a}/media`)
      .set('Cookie', await as(`${theirs.code}.leader`))
      .expect(404);
  });

  it('finds nearby open or recent cases of the same category, only those the official may read, nearest first', async () => {
    const found = async (username: string, query = '') => {
      const response = await request(app)
        .get(`/api/admin/cases/${ids.a}/similar${query}`)
        .set('Cookie', await as(username))
        .expect(200);
      return response.body as { id: string; distanceMeters: number }[];
    };
    const unit = await found(`${ours.code}.officer`);
    expect(unit.map((c) => c.id)).toEqual([ids.b]);
    expect(unit[0]!.distanceMeters).toBeGreaterThanOrEqual(99);
    expect(unit[0]!.distanceMeters).toBeLessThanOrEqual(101);
    expect(JSON.stringify(unit)).not.toMatch(/Riêng Tư|0900/);

    const ioc = await found('operator');
    expect(ioc.map((c) => c.id)).toEqual([ids.b, ids.c]);
    expect((await found('operator', '?radiusMeters=3000')).map((c) => c.id)).toEqual([ids.b, ids.c, ids.d]);
    expect((await found('operator', '?days=90')).map((c) => c.id)).toEqual([ids.f, ids.b, ids.c]);

    await request(app)
      .get(`/api/admin/cases/${ids.a}/similar?radiusMeters=100000`)
      .set('Cookie', await as('operator'))
      .expect(422);
    await request(app)
      .get(`/api/admin/cases/${ids.a}/similar`)
      .set('Cookie', await as(`${theirs.code}.officer`))
      .expect(404);
  });

  it('suggests where to route the case now, leaving out the unit that returned it', async () => {
    const suggestion = await request(app)
      .get(`/api/admin/cases/${ids.a}/routing-suggestion`)
      .set('Cookie', await as('operator'))
      .expect(200);
    expect(suggestion.body).toMatchObject({
      caseId: ids.a,
      excludedUnitIds: [ours.id],
      decision: {
        kind: 'automatic',
        unitCode: 'SNNMT',
        reasons: [{ code: 'category_matched' }, { code: 'any_commune' }],
      },
    });
    // The same case without the return would go to its commune.
    const fresh = await request(app)
      .get(`/api/admin/cases/${ids.b}/routing-suggestion`)
      .set('Cookie', await as(`${ours.code}.leader`))
      .expect(200);
    expect(fresh.body).toMatchObject({ excludedUnitIds: [], decision: { kind: 'automatic', unitId: ours.id } });
    await request(app)
      .get(`/api/admin/cases/${ids.a}/routing-suggestion`)
      .set('Cookie', await as(`${theirs.code}.leader`))
      .expect(404);
  });

  it("counts the inbox: my tasks, my unit's unclaimed ones, the overdue ones", async () => {
    const counts = await request(app)
      .get('/api/admin/tasks/counts')
      .set('Cookie', await as(`${ours.code}.officer`))
      .expect(200);
    expect(counts.body).toEqual({ mine: 1, unitUnclaimed: 1, overdue: 1 });
    const other = await request(app)
      .get('/api/admin/tasks/counts')
      .set('Cookie', await as(`${theirs.code}.officer`))
      .expect(200);
    expect(other.body).toEqual({ mine: 0, unitUnclaimed: 0, overdue: 0 });
  });
});
