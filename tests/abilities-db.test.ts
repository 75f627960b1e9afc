/**
 * The abilities' where-fragments, run by PostgreSQL through our generated Prisma client: lists
 * filtered with `accessibleBy` hold exactly the rows the rules allow. Other suites share the
 * database, so every row here has random ids and codes, every query is limited to them, and
 * they are removed at the end.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  accessibleBy,
  accessibleWhere,
  defineAbilityFor,
  type MembershipGrant,
  type Principal,
} from '../domain/abilities';
import { createDb, type Db } from '../platform/db';

if (!process.env.DATABASE_URL) throw new Error('Run this suite through `npm test`, which prepares a database.');
const { db, pool } = createDb({ url: process.env.DATABASE_URL, poolSize: 2 });

const tag = randomBytes(4).toString('hex');
const categoryCode = `abilities-${tag}`;
const unitA = randomUUID();
const unitB = randomUUID();
const ioc = randomUUID();
const caseA = randomUUID(); // unit A, unpublished
const caseB = randomUUID(); // unit B, unpublished
const casePublished = randomUUID(); // unit B, published
const caseIds = [caseA, caseB, casePublished];
const officerTaskA = randomUUID();
const leaderTaskA = randomUUID();
const officerTaskB = randomUUID();
const taskIds = [officerTaskA, leaderTaskA, officerTaskB];
const onlyA = randomUUID(); // a user of unit A only
const alsoB = randomUUID(); // a user of units A and B
const userIds = [onlyA, alsoB];
const reportMedia = randomUUID();
const infoMedia = randomUUID();

const official = (...memberships: MembershipGrant[]): Principal => ({
  kind: 'official',
  userId: randomUUID(),
  memberships,
});
const officerOfA = official({ unitId: unitA, unitKind: 'commune', role: 'officer' });
const leaderOfA = official({ unitId: unitA, unitKind: 'commune', role: 'leader' });
const unitAdminOfA = official({ unitId: unitA, unitKind: 'commune', role: 'unit_admin' });
const operator = official({ unitId: ioc, unitKind: 'ioc', role: 'operator' });
const anonymous: Principal = { kind: 'anonymous' };

async function createRows(prisma: Db): Promise<void> {
  await prisma.category.create({
    data: { code: categoryCode, nameVi: 'Thử quyền', nameEn: 'Abilities test', icon: 'rule', group: 'test' },
  });
  await prisma.unit.createMany({
    data: [
      { id: unitA, code: `A-${tag}`, name: 'Đơn vị A', kind: 'commune' },
      { id: unitB, code: `B-${tag}`, name: 'Đơn vị B', kind: 'commune' },
      { id: ioc, code: `IOC-${tag}`, name: 'IOC', kind: 'ioc' },
    ],
  });
  const receivedAt = new Date();
  const aCase = (id: string, unitId: string, publishedAt: Date | null) => ({
    id,
    unitId,
    publishedAt,
    receivedAt,
    categoryCode,
    trackingCode: `T-${tag}-${id.slice(0, 8)}`,
    requestFingerprint: id,
    description: 'Thử quyền truy cập',
    status: 'processing' as const,
    step: 'process' as const,
    reporterName: 'Nguyễn Văn A',
  });
  await prisma.case.createMany({
    data: [aCase(caseA, unitA, null), aCase(caseB, unitB, null), aCase(casePublished, unitB, receivedAt)],
  });
  await prisma.task.createMany({
    data: [
      { id: officerTaskA, caseId: caseA, seq: 1, step: 'process', unitId: unitA, role: 'officer' },
      { id: leaderTaskA, caseId: caseA, seq: 2, step: 'assign', unitId: unitA, role: 'leader' },
      { id: officerTaskB, caseId: caseB, seq: 1, step: 'process', unitId: unitB, role: 'officer' },
    ],
  });
  await prisma.user.createMany({
    data: userIds.map((id) => ({
      id,
      username: `abilities-${tag}-${id.slice(0, 8)}`,
      name: 'Cán bộ',
      passwordHash: 'x',
    })),
  });
  await prisma.membership.createMany({
    data: [
      { userId: onlyA, unitId: unitA, role: 'officer' },
      { userId: alsoB, unitId: unitA, role: 'officer' },
      { userId: alsoB, unitId: unitB, role: 'leader' },
    ],
  });
  const media = (id: string, purpose: 'report' | 'info') => ({
    id,
    caseId: casePublished,
    purpose,
    kind: 'photo' as const,
    contentType: 'image/jpeg',
    size: 1,
    sha256: id,
    storageKey: `abilities/${id}`,
  });
  await prisma.media.createMany({ data: [media(reportMedia, 'report'), media(infoMedia, 'info')] });
}

beforeAll(() => createRows(db));

afterAll(async () => {
  await db.case.deleteMany({ where: { id: { in: caseIds } } }); // tasks and media go with their case
  await db.user.deleteMany({ where: { id: { in: userIds } } }); // memberships go with their user
  await db.unit.deleteMany({ where: { id: { in: [unitA, unitB, ioc] } } });
  await db.category.deleteMany({ where: { code: categoryCode } });
  await db.$disconnect();
  await pool.end();
});

/** The where of a list the test knows some rule allows (never `?? {}`: that would allow all). */
function someRows<T>(where: T | null): T {
  if (!where) throw new Error('expected a rule for this list');
  return where;
}

async function casesFor(principal: Principal, action: 'read' | 'readPersonalData' = 'read'): Promise<string[]> {
  const where = accessibleWhere(defineAbilityFor(principal), action, 'Case');
  if (!where) return []; // as the API does: no rule, no query
  const rows = await db.case.findMany({ where: { AND: [where, { id: { in: caseIds } }] }, select: { id: true } });
  return rows.map((row) => row.id).sort();
}

async function tasksFor(principal: Principal, action: 'read' | 'claim' | 'complete'): Promise<string[]> {
  const where = accessibleWhere(defineAbilityFor(principal), action, 'Task');
  if (!where) return [];
  const rows = await db.task.findMany({ where: { AND: [where, { id: { in: taskIds } }] }, select: { id: true } });
  return rows.map((row) => row.id).sort();
}

describe('cases listed through accessibleBy', () => {
  it("an officer of unit A gets unit A's case only, and no personal data", async () => {
    expect(await casesFor(officerOfA)).toEqual([caseA]);
    expect(await casesFor(officerOfA, 'readPersonalData')).toEqual([]);
  });

  it('an operator gets every case, personal data included', async () => {
    expect(await casesFor(operator)).toEqual([...caseIds].sort());
    expect(await casesFor(operator, 'readPersonalData')).toEqual([...caseIds].sort());
  });

  it('the public gets the published case only', async () => {
    expect(await casesFor(anonymous)).toEqual([casePublished]);
  });

  it('a principal with no rule for cases gets null from accessibleWhere', async () => {
    expect(accessibleWhere(defineAbilityFor(unitAdminOfA), 'read', 'Case')).toBeNull();
    expect(await casesFor(unitAdminOfA)).toEqual([]);
  });

  it("why: accessibleBy's `{ OR: [] }` means no rows only at the top of a where, ALL rows inside AND", async () => {
    const nothing = accessibleBy(defineAbilityFor(unitAdminOfA)).ofType('Case');
    expect(nothing).toEqual({ OR: [] });
    expect(await db.case.findMany({ where: nothing, take: 1 })).toEqual([]);
    const nested = await db.case.findMany({ where: { AND: [nothing, { id: { in: caseIds } }] }, select: { id: true } });
    // If Prisma ever fixes prisma/prisma#17367 this becomes 0, and accessibleWhere stays correct.
    expect(nested).toHaveLength(caseIds.length);
  });
});

describe('tasks, users and media through accessibleBy', () => {
  it("an officer claims its unit's officer task; a leader completes both of its unit's tasks", async () => {
    expect(await tasksFor(officerOfA, 'read')).toEqual([officerTaskA, leaderTaskA].sort());
    expect(await tasksFor(officerOfA, 'claim')).toEqual([officerTaskA]);
    expect(await tasksFor(leaderOfA, 'complete')).toEqual([officerTaskA, leaderTaskA].sort());
  });

  it('a unit admin reads every user of its unit but updates only those of its unit alone', async () => {
    const ability = defineAbilityFor(unitAdminOfA);
    const usersFor = async (action: 'read' | 'update') => {
      const where = someRows(accessibleWhere(ability, action, 'User'));
      return (await db.user.findMany({ where: { AND: [where, { id: { in: userIds } }] } }))
        .map((user) => user.id)
        .sort();
    };
    expect(await usersFor('read')).toEqual([...userIds].sort());
    expect(await usersFor('update')).toEqual([onlyA]);
  });

  it("the public sees a published case's report photo, not the reporter's answer", async () => {
    const rows = await db.media.findMany({
      where: {
        AND: [
          someRows(accessibleWhere(defineAbilityFor(anonymous), 'read', 'Media')),
          { id: { in: [reportMedia, infoMedia] } },
        ],
      },
    });
    expect(rows.map((row) => row.id)).toEqual([reportMedia]);
  });
});
