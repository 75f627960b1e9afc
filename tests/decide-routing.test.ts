/**
 * Routing over the seeded rules (domain/routing.ts through activities/decide-routing.ts):
 * priority 30 keyword rules → Sở Xây dựng, 20 commune rules → the commune's People's Committee,
 * 10 department fallbacks. Other suites share the database: seeded rows are only read; the units,
 * rules and commune this suite adds have random codes (and a category code no report uses) and
 * are deleted afterwards. Caches have ttlMs 0.
 */
import { randomBytes } from 'node:crypto';
import { decideRouting, type DecideRoutingDependencies } from '../activities/decide-routing';
import { findCommuneOfPoint } from '../activities/find-commune';
import type { Pool } from 'pg';
import { createDb, type Db } from '../platform/db';
import { seedId } from '../prisma/seed/seed-id';
import { square } from './support/geo';

let db: Db;
let pool: Pool;
let deps: DecideRoutingDependencies;
const suffix = randomBytes(4).toString('hex');
const tempCategory = `test-routing-${suffix}`;
const createdUnitIds: string[] = [];
const createdCommuneCodes: string[] = [];
let thanhSen: { id: string; code: string; name: string };
let sxd: { id: string; code: string; name: string };
let snnmt: { id: string; code: string; name: string };

beforeAll(async () => {
  if (!process.env.DATABASE_URL) throw new Error('Run this suite through `npm test`, which prepares DATABASE_URL.');
  ({ db, pool } = createDb({ url: process.env.DATABASE_URL, poolSize: 4 }));
  deps = { db, ttlMs: 0 };
  const unit = (code: string) =>
    db.unit.findUniqueOrThrow({ where: { code }, select: { id: true, code: true, name: true } });
  [thanhSen, sxd, snnmt] = await Promise.all([unit('18073'), unit('SXD'), unit('SNNMT')]);
});

afterAll(async () => {
  // Rules go with their unit (onDelete: Cascade).
  if (createdUnitIds.length > 0) await db.unit.deleteMany({ where: { id: { in: createdUnitIds } } });
  if (createdCommuneCodes.length > 0) await db.commune.deleteMany({ where: { code: { in: createdCommuneCodes } } });
  await db?.$disconnect();
  await pool?.end();
});

async function temporaryUnit(label: string) {
  const created = await db.unit.create({
    data: { code: `T${label}${suffix}`.toUpperCase(), name: `Đơn vị thử ${label} ${suffix}`, kind: 'other' },
    select: { id: true, code: true, name: true },
  });
  createdUnitIds.push(created.id);
  return created;
}

describe('decideRouting', () => {
  it("routes moi-truong in Thành Sen (18073) to its People's Committee, with the reasons", async () => {
    const decision = await decideRouting(deps, {
      categoryCode: 'moi-truong',
      communeCode: '18073',
      description: 'Rác thải tập kết sai quy định',
    });
    expect(decision).toEqual({
      kind: 'automatic',
      unitId: thanhSen.id,
      unitCode: '18073',
      unitName: thanhSen.name,
      ruleId: seedId('routing-rule', 'commune:18073'),
      priority: 20,
      reasons: [
        { code: 'category_matched', params: { categoryCode: 'moi-truong' } },
        { code: 'commune_matched', params: { communeCode: '18073' } },
      ],
      communeCode: '18073',
      communeFromPoint: false,
      skippedRuleIds: [],
    });
    // Plain JSON, as Temporal stores it.
    expect(JSON.parse(JSON.stringify(decision))).toEqual(decision);
  });

  it('sends giao-thong on "quốc lộ 1A" to Sở Xây dựng, above the commune', async () => {
    const decision = await decideRouting(deps, {
      categoryCode: 'giao-thong',
      communeCode: '18073',
      description: 'Ổ gà lớn trên Quoc lo 1A đoạn qua phường',
    });
    expect(decision).toMatchObject({
      kind: 'automatic',
      unitId: sxd.id,
      unitCode: 'SXD',
      ruleId: seedId('routing-rule', 'keyword:giao-thong:provincial-roads'),
      priority: 30,
      reasons: [
        { code: 'category_matched', params: { categoryCode: 'giao-thong' } },
        { code: 'any_commune', params: {} },
        { code: 'keyword_found', params: { keyword: 'quốc lộ' } },
      ],
    });
  });

  it('hands khac without a commune to an operator: no rule matches', async () => {
    const decision = await decideRouting(deps, { categoryCode: 'khac', description: 'Việc khác' });
    expect(decision).toEqual({
      kind: 'manual',
      reason: 'no_match',
      candidates: [],
      communeCode: null,
      communeFromPoint: false,
      skippedRuleIds: [],
    });
  });

  it("falls to the department when the commune's People's Committee returned the case", async () => {
    const decision = await decideRouting(deps, {
      categoryCode: 'moi-truong',
      communeCode: '18073',
      excludeUnitIds: [thanhSen.id],
    });
    expect(decision).toMatchObject({
      kind: 'automatic',
      unitId: snnmt.id,
      unitCode: 'SNNMT',
      ruleId: seedId('routing-rule', 'department:moi-truong'),
      priority: 10,
      reasons: [
        { code: 'category_matched', params: { categoryCode: 'moi-truong' } },
        { code: 'any_commune', params: {} },
      ],
    });
  });

  it('hands a tie between two units of equal priority to an operator, with both candidates', async () => {
    const [first, second] = await Promise.all([temporaryUnit('a'), temporaryUnit('b')]);
    const rule = (unitId: string, name: string) =>
      db.routingRule.create({
        data: { name, priority: 50, categoryCodes: [tempCategory], communeCodes: [], keywords: [], unitId },
        select: { id: true },
      });
    const [ruleA, ruleB] = await Promise.all([rule(first.id, 'test tie A'), rule(second.id, 'test tie B')]);
    const decision = await decideRouting(deps, { categoryCode: tempCategory, communeCode: '18073' });
    expect(decision.kind).toBe('manual');
    if (decision.kind !== 'manual') return;
    expect(decision.reason).toBe('tie');
    const reasons = [
      { code: 'category_matched', params: { categoryCode: tempCategory } },
      { code: 'any_commune', params: {} },
    ];
    expect(decision.candidates).toHaveLength(2);
    expect(decision.candidates).toEqual(
      expect.arrayContaining([
        { unitId: first.id, unitCode: first.code, unitName: first.name, ruleId: ruleA.id, priority: 50, reasons },
        { unitId: second.id, unitCode: second.code, unitName: second.name, ruleId: ruleB.id, priority: 50, reasons },
      ]),
    );

    // A deactivated unit receives nothing: the other one wins alone.
    await db.unit.update({ where: { id: second.id }, data: { active: false } });
    await expect(decideRouting(deps, { categoryCode: tempCategory })).resolves.toMatchObject({
      kind: 'automatic',
      unitId: first.id,
      ruleId: ruleA.id,
    });
  });

  it('skips an active rule with an invalid boundary and says so', async () => {
    const unit = await temporaryUnit('c');
    const category = `${tempCategory}-boundary`;
    const broken = await db.routingRule.create({
      data: {
        name: 'test broken boundary',
        priority: 60,
        categoryCodes: [category],
        // [lat, lng] instead of [lng, lat], and an unclosed ring.
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [18.3, 105.9],
              [18.4, 105.9],
              [18.4, 106.0],
            ],
          ],
        },
        unitId: unit.id,
      },
    });
    const decision = await decideRouting(deps, { categoryCode: category, lat: 18.35, lng: 105.95 });
    expect(decision).toMatchObject({ kind: 'manual', reason: 'no_match', skippedRuleIds: [broken.id] });
    await db.routingRule.delete({ where: { id: broken.id } });
  });
});

describe('findCommuneOfPoint', () => {
  // A square far from Hà Tĩnh (100.001–100.011 E, 9.001–9.011 N), so no other suite's point falls in it.
  const polygon = square(9.006, 100.006, 0.005);

  it('answers null while no commune has a boundary there', async () => {
    await expect(findCommuneOfPoint(db, 18.34, 105.9, { ttlMs: 0 })).resolves.toBeNull();
    await expect(findCommuneOfPoint(db, Number.NaN, 105.9, { ttlMs: 0 })).resolves.toBeNull();
  });

  it('finds the commune whose boundary contains the point, and routing uses it', async () => {
    const code = `T${suffix}`;
    await db.commune.create({ data: { code, name: `Xã thử ${suffix}`, kind: 'commune', boundary: polygon } });
    createdCommuneCodes.push(code);

    await expect(findCommuneOfPoint(db, 9.005, 100.005, { ttlMs: 0 })).resolves.toBe(code);
    await expect(findCommuneOfPoint(db, 9.011, 100.005, { ttlMs: 0 })).resolves.toBe(code); // on the border
    await expect(findCommuneOfPoint(db, 9.02, 100.005, { ttlMs: 0 })).resolves.toBeNull();

    const decision = await decideRouting(deps, { categoryCode: 'khac', lat: 9.005, lng: 100.005 });
    expect(decision).toMatchObject({ kind: 'manual', reason: 'no_match', communeCode: code, communeFromPoint: true });
    // A commune given by the report wins over its point.
    await expect(
      decideRouting(deps, { categoryCode: 'moi-truong', communeCode: '18073', lat: 9.005, lng: 100.005 }),
    ).resolves.toMatchObject({ kind: 'automatic', unitCode: '18073', communeFromPoint: false });
  });

  it('answers null for a point in two overlapping communes rather than guess', async () => {
    const code = `U${suffix}`;
    await db.commune.create({ data: { code, name: `Xã thử 2 ${suffix}`, kind: 'commune', boundary: polygon } });
    createdCommuneCodes.push(code);
    await expect(findCommuneOfPoint(db, 9.005, 100.005, { ttlMs: 0 })).resolves.toBeNull();
  });
});
