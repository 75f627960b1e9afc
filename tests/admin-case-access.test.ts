/**
 * What an official may see of cases, enforced where the data is read: a unit's staff list and
 * open only their unit's cases; reporters' personal data reaches only IOC roles, and every such
 * read leaves an audit entry.
 */
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { apiDependencies, testConfig } from './support/platform';
import { officialSessions } from './support/official-sessions';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let app: Express;
const as = officialSessions(() => app, config.DEMO_PASSWORD);
const ids = { thanhSen: randomUUID(), tranPhu: randomUUID(), unrouted: randomUUID() };

beforeAll(async () => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  const units = await db.unit.findMany({ where: { code: { in: ['18073', '18100'] } } });
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  const base = {
    requestFingerprint: 'test',
    categoryCode: 'moi-truong',
    description: 'Rác thải tồn đọng nhiều ngày',
    status: 'processing' as const,
    step: 'process' as const,
    receivedAt: new Date(),
    reporterName: 'Trần Thị B',
    reporterPhone: '0987 654 321',
  };
  const code = () => `TS-${randomUUID().slice(0, 8).toUpperCase()}`;
  await db.case.createMany({
    data: [
      { ...base, id: ids.thanhSen, trackingCode: code(), communeCode: '18073', unitId: unitId('18073') },
      { ...base, id: ids.tranPhu, trackingCode: code(), communeCode: '18100', unitId: unitId('18100') },
      { ...base, id: ids.unrouted, trackingCode: code(), status: 'verifying', step: 'verify' },
    ],
  });
});
afterAll(async () => {
  await db.case.deleteMany({ where: { id: { in: Object.values(ids) } } });
  await api.close();
});

const ours = () => `filter=${encodeURIComponent(JSON.stringify({ id: Object.values(ids) }))}`;

describe('cases in the back office', () => {
  it("lists only the official's unit's cases, filtered in the database, with Content-Range", async () => {
    const officer = await request(app)
      .get(`/api/admin/cases?${ours()}`)
      .set('Cookie', await as('18073.officer'))
      .expect(200);
    expect(officer.body.map((c: { id: string }) => c.id)).toEqual([ids.thanhSen]);
    expect(officer.headers['content-range']).toBe('cases 0-0/1');

    const leader = await request(app)
      .get(`/api/admin/cases?${ours()}`)
      .set('Cookie', await as('18100.leader'))
      .expect(200);
    expect(leader.body.map((c: { id: string }) => c.id)).toEqual([ids.tranPhu]);

    const operator = await request(app)
      .get(`/api/admin/cases?${ours()}&sort=${encodeURIComponent('["trackingCode","ASC"]')}`)
      .set('Cookie', await as('operator'))
      .expect(200);
    expect(operator.body).toHaveLength(3);
    expect(operator.headers['content-range']).toBe('cases 0-2/3');

    const paged = await request(app)
      .get(`/api/admin/cases?${ours()}&range=${encodeURIComponent('[1,1]')}`)
      .set('Cookie', await as('supervisor'))
      .expect(200);
    expect(paged.body).toHaveLength(1);
    expect(paged.headers['content-range']).toBe('cases 1-1/3');

    // A unit with no cases of ours, and a department, see none of them.
    const other = await request(app)
      .get(`/api/admin/cases?${ours()}`)
      .set('Cookie', await as('SXD.officer'))
      .expect(200);
    expect(other.body).toEqual([]);
    expect(other.headers['content-range']).toBe('cases 0-0/0');
  });

  it('never puts personal data in a list, whoever asks', async () => {
    const operator = await request(app)
      .get(`/api/admin/cases?${ours()}`)
      .set('Cookie', await as('operator'))
      .expect(200);
    expect(JSON.stringify(operator.body)).not.toMatch(/Trần Thị B|0987/);
  });

  it("answers another unit's case as not found", async () => {
    await request(app)
      .get(`/api/admin/cases/${ids.tranPhu}`)
      .set('Cookie', await as('18073.officer'))
      .expect(404);
    await request(app)
      .get(`/api/admin/cases/${ids.unrouted}`)
      .set('Cookie', await as('18073.leader'))
      .expect(404);
    await request(app)
      .get('/api/admin/cases/not-a-uuid')
      .set('Cookie', await as('18073.leader'))
      .expect(404);
  });

  it("shows the unit's staff the case without the reporter, and writes no audit entry for it", async () => {
    const shown = await request(app)
      .get(`/api/admin/cases/${ids.thanhSen}`)
      .set('Cookie', await as('18073.leader'))
      .expect(200);
    expect(shown.body).toMatchObject({ id: ids.thanhSen, status: 'processing', step: 'process', communeCode: '18073' });
    expect(shown.body.reporter).toBeUndefined();
    expect(JSON.stringify(shown.body)).not.toMatch(/Trần Thị B|0987/);
    expect(await db.auditLog.count({ where: { caseId: ids.thanhSen, action: 'read_personal_data' } })).toBe(0);
  });

  it('shows the reporter to operators and supervisors, and records each such read in the audit log', async () => {
    const operator = await db.user.findUniqueOrThrow({ where: { username: 'operator' } });
    const shown = await request(app)
      .get(`/api/admin/cases/${ids.tranPhu}`)
      .set('Cookie', await as('operator'))
      .expect(200);
    expect(shown.body.reporter).toEqual({ name: 'Trần Thị B', phone: '0987 654 321', email: null, citizenId: null });
    await request(app)
      .get(`/api/admin/cases/${ids.tranPhu}`)
      .set('Cookie', await as('supervisor'))
      .expect(200);
    const entries = await db.auditLog.findMany({
      where: { caseId: ids.tranPhu, action: 'read_personal_data' },
      orderBy: { id: 'asc' },
    });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actorKind: 'official',
      actorId: operator.id,
      subjectType: 'Case',
      subjectId: ids.tranPhu,
      details: { fields: ['name', 'phone'] },
    });
  });

  it('explains a malformed list query', async () => {
    const bad = await request(app)
      .get('/api/admin/cases?sort=%5B%22password%22%2C%22ASC%22%5D&range=oops')
      .set('Cookie', await as('operator'))
      .expect(422);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    const unknownFilter = await request(app)
      .get(`/api/admin/cases?filter=${encodeURIComponent('{"reporterPhone":"0987"}')}`)
      .set('Cookie', await as('operator'))
      .expect(422);
    expect(unknownFilter.body.error.fields.reporterPhone.code).toBe('unknown_field');
  });
});
