/**
 * The Process page's counts (GET /api/admin/process/summary): open and overdue cases on each
 * step, only those the official may read. Other suites share the database, so the counts are
 * checked on rows of two throw-away units: exactly for their officer, as a lower bound for the
 * IOC operator, who reads every case.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApp } from '../api/app';
import { getProcessSummary } from '../api/services/get-process-summary';
import { defineAbilityFor, type MembershipGrant } from '../domain/abilities';
import type { CaseStatus, CaseStep } from '../domain/case-steps';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;

const tag = randomBytes(4).toString('hex');
const categoryCode = `process-${tag}`;
const commune = randomUUID();
const other = randomUUID();
const ioc = randomUUID();
const abilityOf = (...memberships: MembershipGrant[]) =>
  defineAbilityFor({ kind: 'official', userId: randomUUID(), memberships });
const officer = abilityOf({ unitId: commune, unitKind: 'commune', role: 'officer' });
const unitAdmin = abilityOf({ unitId: commune, unitKind: 'commune', role: 'unit_admin' });
const operator = abilityOf({ unitId: ioc, unitKind: 'ioc', role: 'operator' });

let n = 0;
const aCase = (unitId: string, step: CaseStep, status: CaseStatus, overdue = false) => {
  const id = randomUUID();
  n += 1;
  return {
    id,
    unitId,
    step,
    status,
    overdue,
    receivedAt: new Date(),
    categoryCode,
    trackingCode: `P-${tag}-${n}`,
    requestFingerprint: id,
    description: 'Thử đếm theo bước',
  };
};

beforeAll(async () => {
  await db.category.create({
    data: { code: categoryCode, nameVi: 'Thử quy trình', nameEn: 'Process test', icon: 'rule', group: 'test' },
  });
  await db.unit.createMany({
    data: [
      { id: commune, code: `C-${tag}`, name: 'Phường thử', kind: 'commune' },
      { id: other, code: `O-${tag}`, name: 'Sở thử', kind: 'department' },
      { id: ioc, code: `IOC-${tag}`, name: 'IOC thử', kind: 'ioc' },
    ],
  });
  await db.case.createMany({
    data: [
      aCase(commune, 'accept', 'awaiting_acceptance'),
      aCase(commune, 'process', 'processing'),
      aCase(commune, 'process', 'processing', true),
      aCase(commune, 'close', 'closed'), // closed: not open, not counted
      aCase(other, 'process', 'processing', true), // another unit's
      aCase(other, 'approve', 'awaiting_approval'),
    ],
  });
});

afterAll(async () => {
  await db.case.deleteMany({ where: { categoryCode } });
  await db.unit.deleteMany({ where: { id: { in: [commune, other, ioc] } } });
  await db.category.deleteMany({ where: { code: categoryCode } });
  await api.close();
});

describe('the process summary', () => {
  it("counts a commune officer's open cases by step, overdue apart, and nothing of other units", async () => {
    const summary = await getProcessSummary(db, { ability: officer });
    expect(summary.bpmnXml).toContain('<bpmn:userTask id="process"');
    expect(summary.steps).toEqual({
      accept: { open: 1, overdue: 0 },
      process: { open: 2, overdue: 1 },
    });
  });

  it("counts every unit's open cases for the IOC operator", async () => {
    const summary = await getProcessSummary(db, { ability: operator });
    // Other suites' cases are counted too: ours are a lower bound.
    expect(summary.steps.process!.open).toBeGreaterThanOrEqual(3);
    expect(summary.steps.process!.overdue).toBeGreaterThanOrEqual(2);
    expect(summary.steps.approve!.open).toBeGreaterThanOrEqual(1);
    expect(summary.steps.accept!.open).toBeGreaterThanOrEqual(1);
    expect(summary.steps.close).toBeUndefined(); // a closed case waits nowhere
    for (const count of Object.values(summary.steps)) expect(count.overdue).toBeLessThanOrEqual(count.open);
  });

  it('counts nothing for a role without cases (never every case: no rule is not "no filter")', async () => {
    const summary = await getProcessSummary(db, { ability: unitAdmin });
    expect(summary.steps).toEqual({});
  });

  it('is served to signed-in officials only', async () => {
    const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
    await request(app).get('/api/admin/process/summary').expect(401);
    const login = await request(app)
      .post('/api/auth/login')
      .send({ username: 'operator', password: config.DEMO_PASSWORD })
      .expect(200);
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
    const { body, headers } = await request(app).get('/api/admin/process/summary').set('Cookie', cookie).expect(200);
    expect(headers['cache-control']).toBe('no-store');
    expect(body.bpmnXml).toContain('<bpmn:definitions');
    expect(body.steps.process.open).toBeGreaterThanOrEqual(3);
  });
});
