/**
 * The statistics (docs/statistics.md): figures of a hand-made set of cases checked one by one;
 * the rollups the triggers keep equal to a direct count over the source tables, for randomized
 * cases and after every kind of change (re-routing, publication, reopening, ratings, deletion);
 * the projection counting a transition once however often it is retried; the admin API's CASL
 * scope (a leader sees their unit and is refused another) and its errors.
 * Other suites share the database: these cases have their own category, and are received in
 * March 2026, which no other suite uses.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { projectTransition } from '../activities/project-transition';
import { createApp } from '../api/app';
import {
  statisticsBy,
  statisticsSteps,
  statisticsSummary,
  statisticsTrend,
  type StatisticsOptions,
} from '../api/services/statistics/get-statistics';
import { publicStatistics } from '../api/services/statistics/get-public-statistics';
import type { StatisticsFilter } from '../api/services/statistics/statistics-query';
import { HOUR_BUCKETS, hourBucket } from '../domain/statistics';
import { VIETNAM_OFFICE_CALENDAR } from '../domain/working-calendar.fixture';
import type { CaseStatus, CaseStep } from '../domain/case-steps';
import type { Role } from '../prisma/generated/client';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
const as = officialSessions(() => app, config.DEMO_PASSWORD);

const tag = randomBytes(4).toString('hex');
const categoryCode = `stats-${tag}`;
const otherCategory = `stats2-${tag}`;
const foreignUnit = randomUUID();
let homeUnit: string; // 18073's People's Committee: 18073.leader's unit
let otherCommune: string;
const FROM = '2026-03-02';
const TO = '2026-03-15';

let n = 0;
interface CaseSpec {
  day: string; // Hà Tĩnh day received
  unitId?: string | null;
  status: CaseStatus;
  step?: CaseStep;
  channel?: string;
  category?: string;
  communeCode?: string | null;
  publishedAt?: string | null;
  resolutionDeadline?: string | null;
  reopenCount?: number;
  overdue?: boolean;
  escalationLevel?: number;
}

async function aCase(spec: CaseSpec): Promise<string> {
  const id = randomUUID();
  n += 1;
  await db.case.create({
    data: {
      id,
      trackingCode: `S-${tag}-${n}`,
      requestFingerprint: id,
      description: 'Thử thống kê',
      channel: spec.channel ?? 'web',
      categoryCode: spec.category ?? categoryCode,
      communeCode: spec.communeCode === undefined ? '18073' : spec.communeCode,
      status: spec.status,
      step: spec.step ?? 'process',
      unitId: spec.unitId === undefined ? homeUnit : spec.unitId,
      receivedAt: new Date(`${spec.day}T09:00:00+07:00`),
      publishedAt: spec.publishedAt ? new Date(spec.publishedAt) : null,
      resolutionDeadline: spec.resolutionDeadline ? new Date(spec.resolutionDeadline) : null,
      reopenCount: spec.reopenCount ?? 0,
      overdue: spec.overdue ?? false,
      escalationLevel: spec.escalationLevel ?? 0,
    },
  });
  return id;
}

let seq = 1000;
async function aTask(
  caseId: string,
  step: CaseStep,
  spec: { minutes: number; completedAt: string; due?: string | null; unitId?: string | null },
) {
  seq += 1;
  await db.task.create({
    data: {
      caseId,
      seq,
      step,
      role: 'officer' as Role,
      unitId: spec.unitId ?? null,
      state: 'done',
      createdAt: new Date(Date.parse(spec.completedAt) - spec.minutes * 60_000),
      completedAt: new Date(spec.completedAt),
      due: spec.due ? new Date(spec.due) : null,
      workingMinutes: spec.minutes,
    },
  });
}

const all: StatisticsOptions['scope'] = 'all';
const filter = (extra: Partial<StatisticsFilter> = {}): StatisticsFilter => ({
  from: FROM,
  to: TO,
  categoryCode,
  ...extra,
});

beforeAll(async () => {
  homeUnit = (await db.unit.findUniqueOrThrow({ where: { code: '18073' } })).id;
  otherCommune = (await db.commune.findFirstOrThrow({ where: { code: { not: '18073' } } })).code;
  await db.category.createMany({
    data: [
      { code: categoryCode, nameVi: 'Thử thống kê', nameEn: 'Statistics test', icon: 'bar_chart', group: 'test' },
      { code: otherCategory, nameVi: 'Thử thống kê 2', nameEn: 'Statistics test 2', icon: 'bar_chart', group: 'test' },
    ],
  });
  await db.unit.create({
    data: { id: foreignUnit, code: `STATS-${tag}`, name: 'Sở thử thống kê', kind: 'department' },
  });
});

afterAll(async () => {
  await db.case.deleteMany({ where: { categoryCode: { in: [categoryCode, otherCategory] } } });
  await db.unit.deleteMany({ where: { id: foreignUnit } });
  await db.category.deleteMany({ where: { code: { in: [categoryCode, otherCategory] } } });
  await api.close();
});

describe('the figures of a hand-made set of cases', () => {
  beforeAll(async () => {
    // Home unit: 5 received in the period, 3 processed (2 on time, 1 late), 1 in progress
    // (reopened once, overdue at level 1), 1 rejected; ratings 5, 4, 2 (and 5 in the reopened round).
    const onTime = await aCase({
      day: '2026-03-02',
      status: 'closed',
      publishedAt: '2026-03-05T10:00:00+07:00',
      resolutionDeadline: '2026-03-06T17:00:00+07:00',
    });
    const onTime2 = await aCase({
      day: '2026-03-03',
      status: 'responded',
      channel: 'app',
      publishedAt: '2026-03-06T17:00:00+07:00',
      resolutionDeadline: '2026-03-06T17:00:00+07:00', // at the deadline: on time
    });
    const late = await aCase({
      day: '2026-03-10',
      status: 'closed',
      publishedAt: '2026-03-14T10:00:00+07:00',
      resolutionDeadline: '2026-03-13T17:00:00+07:00',
    });
    const reopened = await aCase({
      day: '2026-03-11',
      status: 'processing',
      publishedAt: '2026-03-12T10:00:00+07:00',
      resolutionDeadline: '2026-03-16T17:00:00+07:00',
      reopenCount: 1,
      overdue: true,
      escalationLevel: 1,
    });
    await aCase({ day: '2026-03-15', status: 'rejected', step: 'close', unitId: null });
    // Outside the period (the day before, and the day after, in Hà Tĩnh time): not counted.
    await aCase({ day: '2026-03-01', status: 'closed', publishedAt: '2026-03-02T10:00:00+07:00' });
    await aCase({ day: '2026-03-16', status: 'processing' });
    // The foreign unit: 1 in progress, overdue at level 2.
    await aCase({ day: '2026-03-04', status: 'processing', unitId: foreignUnit, overdue: true, escalationLevel: 2 });

    await db.rating.createMany({
      data: [
        { caseId: onTime, score: 5 },
        { caseId: onTime2, score: 4 },
        { caseId: late, score: 2 },
        { caseId: reopened, score: 1, round: 0 },
        { caseId: reopened, score: 5, round: 1 },
      ],
    });
    // process steps: 60, 300 and 1000 working minutes; a verify of 20 minutes.
    await aTask(onTime, 'process', {
      minutes: 60,
      completedAt: '2026-03-05T09:00:00+07:00',
      due: '2026-03-06T17:00:00+07:00',
    });
    await aTask(onTime2, 'process', {
      minutes: 300,
      completedAt: '2026-03-06T16:00:00+07:00',
      due: '2026-03-06T17:00:00+07:00',
    });
    await aTask(late, 'process', {
      minutes: 1000,
      completedAt: '2026-03-14T09:00:00+07:00',
      due: '2026-03-13T17:00:00+07:00',
    });
    await aTask(late, 'verify', { minutes: 20, completedAt: '2026-03-10T10:00:00+07:00' });
  });

  it('counts the period as a whole', async () => {
    const summary = await statisticsSummary(db, { scope: all, filter: filter() });
    expect(summary).toMatchObject({
      period: { from: FROM, to: TO },
      received: 6,
      inProgress: 2,
      processed: 3,
      onTime: 2,
      late: 1,
      rejected: 1,
      duplicate: 0,
      withdrawn: 0,
      reopened: 1,
      ratings: [1, 1, 0, 1, 2],
      rated: 5,
      meanRating: 3.4,
      satisfiedShare: 0.6,
      onTimeShare: 0.6667,
      rejectedRate: 0.1667,
      reopenedRate: 0.1667,
      overdueNow: {
        total: 2,
        byLevel: [
          { level: 1, count: 1 },
          { level: 2, count: 1 },
        ],
      },
    });
    // 60, 300, 1000 minutes: mean 7.56 h; p90 in the bucket up to 24 h (1000 min = 16.7 h).
    expect(summary.processing).toEqual({ completed: 3, onTime: 2, late: 1, meanHours: 7.56, p90Hours: 24 });
  });

  it('ranks units, with the cases not yet given one apart', async () => {
    const { rows } = await statisticsBy(db, 'unit', { scope: all, filter: filter() });
    expect(rows.map((r) => [r.key, r.name, r.received, r.overdueNow?.total])).toEqual([
      [homeUnit, expect.any(String) as unknown, 4, 1],
      [foreignUnit, 'Sở thử thống kê', 1, 1],
      [null, null, 1, 0],
    ]);
    expect(rows[0]!.onTimeShare).toBe(0.6667);
  });

  it('splits by channel filter, by category, by week and month, by step', async () => {
    const app = await statisticsSummary(db, { scope: all, filter: filter({ channel: 'app' }) });
    expect([app.received, app.processed, app.onTime]).toEqual([1, 1, 1]);
    const { rows: categories } = await statisticsBy(db, 'category', { scope: all, filter: filter() });
    expect(categories.map((r) => [r.key, r.name, r.nameEn, r.received])).toEqual([
      [categoryCode, 'Thử thống kê', 'Statistics test', 6],
    ]);
    const weeks = await statisticsTrend(db, 'week', { scope: all, filter: filter() });
    expect(weeks.rows.map((r) => [r.key, r.received, r.overdueNow])).toEqual([
      ['2026-03-02', 3, null],
      ['2026-03-09', 3, null],
    ]);
    const months = await statisticsTrend(db, 'month', { scope: all, filter: filter({ from: '2026-02-20' }) });
    expect(months.rows.map((r) => [r.key, r.received])).toEqual([
      ['2026-02', 0],
      ['2026-03', 7], // with the case of 1 March
    ]);
    const steps = await statisticsSteps(db, { scope: all, filter: filter() });
    expect(steps.rows.find((r) => r.step === 'verify')).toMatchObject({ completed: 1, meanHours: 0.33, p90Hours: 0.5 });
    expect(steps.rows.find((r) => r.step === 'process')).toMatchObject({ completed: 3, onTimeShare: 0.6667 });
  });

  it("narrows a leader's figures to their unit", async () => {
    const summary = await statisticsSummary(db, { scope: [homeUnit], filter: filter() });
    expect([summary.received, summary.overdueNow?.total]).toEqual([4, 1]);
  });

  it('reads the same from the rollups as from a direct count', async () => {
    await expectRollupEqualsDirect(filter());
  });
});

describe('the rollups', () => {
  it('agree with a direct count for randomized cases, after every kind of change', async () => {
    const random = seeded(15);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const statuses: CaseStatus[] = [
      'processing',
      'responded',
      'closed',
      'rejected',
      'duplicate',
      'withdrawn',
      'verifying',
    ];
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      const day = `2026-03-${String(2 + Math.floor(random() * 14)).padStart(2, '0')}`;
      const status = pick(statuses);
      const published = status === 'responded' || status === 'closed';
      const id = await aCase({
        day,
        category: otherCategory,
        status,
        unitId: pick([homeUnit, foreignUnit, null]),
        communeCode: pick(['18073', otherCommune, null]),
        channel: pick(['web', 'app', 'hotline']),
        publishedAt: published ? `2026-03-${String(16 + Math.floor(random() * 10))}T08:00:00+07:00` : null,
        resolutionDeadline: random() < 0.8 ? `2026-03-${String(18 + Math.floor(random() * 6))}T17:00:00+07:00` : null,
        reopenCount: random() < 0.1 ? 1 : 0,
        overdue: random() < 0.2,
        escalationLevel: Math.floor(random() * 3),
      });
      ids.push(id);
      for (const step of ['verify', 'accept', 'process'] as const) {
        if (random() < 0.7) {
          await aTask(id, step, {
            minutes: Math.floor(random() * 6000),
            completedAt: `2026-03-${String(3 + Math.floor(random() * 12)).padStart(2, '0')}T10:00:00+07:00`,
            due:
              random() < 0.8 ? `2026-03-${String(5 + Math.floor(random() * 8)).padStart(2, '0')}T17:00:00+07:00` : null,
          });
        }
      }
      if (published && random() < 0.6)
        await db.rating.create({ data: { caseId: id, score: 1 + Math.floor(random() * 5) } });
    }
    const randomFilter = filter({ categoryCode: otherCategory });
    await expectRollupEqualsDirect(randomFilter);

    // Re-routed, re-categorised (both ways across the filter), published, reopened, re-rated, deleted.
    for (const id of ids.slice(0, 30)) {
      await db.case.update({ where: { id }, data: { unitId: pick([homeUnit, foreignUnit, null]), channel: 'web' } });
    }
    for (const id of ids.slice(30, 45)) {
      await db.case.update({
        where: { id },
        data: { status: 'closed', publishedAt: new Date('2026-03-20T08:00:00+07:00'), reopenCount: 2 },
      });
    }
    await db.case.update({ where: { id: ids[45]! }, data: { categoryCode } });
    await db.case.update({ where: { id: ids[45]! }, data: { categoryCode: otherCategory } });
    await db.rating.deleteMany({ where: { caseId: { in: ids.slice(0, 60) } } });
    await db.task.updateMany({ where: { caseId: { in: ids.slice(60, 80) } }, data: { state: 'cancelled' } });
    await db.case.deleteMany({ where: { id: { in: ids.slice(80, 100) } } });
    await expectRollupEqualsDirect(randomFilter);

    // The nightly reconcile recomputes the same rows.
    const before = await rollupRows(otherCategory);
    await db.$executeRaw`SELECT statistics_rebuild()`;
    expect(await rollupRows(otherCategory)).toEqual(before);
  });

  it('put a duration in the same working-hours bucket as the domain does', async () => {
    const minutes = [0, 1, 29, 30, 31, 60, 61, 479, 480, 481, 14_399, 14_400, 14_401, 100_000];
    const rows = await db.$queryRaw<{ m: number; bucket: number }[]>`
      SELECT m, statistics_bucket(m) AS bucket FROM unnest(${minutes}::int[]) AS m ORDER BY m`;
    expect(rows.map((r) => r.bucket)).toEqual(minutes.map(hourBucket));
    expect(hourBucket(100_000)).toBe(HOUR_BUCKETS.length);
  });
});

describe('the monthly and weekly rollups', () => {
  // Hà Tĩnh months begin at 17:00 UTC the day before: cases and steps on either side of those
  // instants, across a year's end, read through periods of whole months, ragged ends, or both.
  const monthCategory = `stats3-${tag}`;
  /** The four whole months these cases fall in (December from the coarser levels), narrowed by `extra`. */
  const options = (extra: Partial<StatisticsFilter> = {}) => ({
    scope: all,
    filter: { from: '2025-11-01', to: '2026-02-28', categoryCode: monthCategory, ...extra },
  });
  const boundaries = [
    '2025-11-30T16:59:59Z', // 23:59:59 on 30 November in Hà Tĩnh
    '2025-11-30T17:00:00Z', // midnight, 1 December
    '2025-12-15T03:00:00Z',
    '2025-12-31T16:59:59Z',
    '2025-12-31T17:00:00Z', // midnight, 1 January 2026
    '2026-01-20T10:00:00Z',
    '2026-01-31T17:00:00Z', // 1 February
    '2026-02-10T02:00:00Z',
  ];

  beforeAll(async () => {
    await db.category.create({
      data: { code: monthCategory, nameVi: 'Thử thống kê 3', nameEn: 'Statistics test 3', icon: 'bar_chart', group: 'test' },
    });
  });

  afterAll(async () => {
    await db.case.deleteMany({ where: { categoryCode: monthCategory } });
    await db.category.deleteMany({ where: { code: monthCategory } });
  });

  async function aBoundaryCase(receivedAt: string, i: number) {
    const id = await aCase({
      day: '2025-12-01',
      category: monthCategory,
      status: i % 3 === 0 ? 'processing' : 'closed',
      unitId: i % 2 ? homeUnit : foreignUnit,
      communeCode: i % 3 === 1 ? otherCommune : '18073',
      channel: i % 4 ? 'web' : 'app',
      publishedAt: i % 3 === 0 ? null : '2026-02-20T08:00:00+07:00',
      resolutionDeadline: i % 5 ? '2026-02-25T17:00:00+07:00' : '2026-01-01T17:00:00+07:00',
    });
    await db.case.update({ where: { id }, data: { receivedAt: new Date(receivedAt) } });
    await aTask(id, 'process', { minutes: 40 + i * 300, completedAt: receivedAt, due: boundaries[(i + 3) % 8] });
    await aTask(id, 'verify', { minutes: 10 + i * 7, completedAt: boundaries[(i + 1) % 8]! });
    if (i % 3) await db.rating.create({ data: { caseId: id, score: 1 + (i % 5) } });
    return id;
  }

  const periods: [string, string][] = [
    ['2025-11-30', '2026-02-10'], // a day, two whole months across the year's end, ten days
    ['2025-12-01', '2026-01-31'], // whole months only
    ['2025-11-15', '2026-01-31'], // a ragged start
    ['2025-12-01', '2026-01-01'], // a ragged end: the first day of a year
    ['2025-12-31', '2026-01-01'], // two days across the year's end: days only
    ['2025-11-01', '2026-02-28'], // four whole months
  ];

  it('give the same figures as a direct count, whatever part of a period is whole months', async () => {
    const ids: string[] = [];
    for (const [i, at] of boundaries.entries()) ids.push(await aBoundaryCase(at, i));
    for (const [from, to] of periods) await expectRollupEqualsDirect({ from, to, categoryCode: monthCategory });
    // Narrowed to a commune: whole periods from the commune rollups (unit × commune × category),
    // to a channel: from those of every dimension.
    for (const [from, to] of periods.slice(0, 3)) {
      await expectRollupEqualsDirect({ from, to, categoryCode: monthCategory, communeCode: otherCommune });
      await expectRollupEqualsDirect({ from, to, categoryCode: monthCategory, channel: 'app' });
    }

    // The month a case counts in is its Hà Tĩnh month: 17:00 UTC on the 31st is January.
    const trend = await statisticsTrend(db, 'month', {
      scope: all,
      filter: { from: '2025-11-01', to: '2026-02-28', categoryCode: monthCategory },
    });
    expect(trend.rows.map((r) => [r.key, r.received, r.processing.completed])).toEqual([
      ['2025-11', 1, 1],
      ['2025-12', 3, 3],
      ['2026-01', 2, 2],
      ['2026-02', 2, 2],
    ]);

    // Moved across a month's end (both ways), re-routed, re-rated, deleted: the months follow their days.
    await db.case.update({ where: { id: ids[1]! }, data: { receivedAt: new Date('2025-11-30T16:00:00Z') } });
    await db.case.update({ where: { id: ids[0]! }, data: { receivedAt: new Date('2025-12-31T17:30:00Z') } });
    await db.case.update({ where: { id: ids[2]! }, data: { unitId: null, status: 'rejected' } });
    await db.task.updateMany({ where: { caseId: ids[3]! }, data: { completedAt: new Date('2026-01-31T17:00:00Z') } });
    await db.rating.deleteMany({ where: { caseId: ids[4]! } });
    await db.case.deleteMany({ where: { id: ids[5]! } });
    for (const [from, to] of periods) await expectRollupEqualsDirect({ from, to, categoryCode: monthCategory });
    await expectRollupEqualsDirect({ from: '2025-11-30', to: '2026-02-10', categoryCode: monthCategory, channel: 'web' });
    await expectRollupEqualsDirect({ from: '2025-11-30', to: '2026-02-10', categoryCode: monthCategory, communeCode: '18073' });

    // What the triggers kept is what a recount of the months and weeks from the days gives.
    const kept = await periodRows(monthCategory);
    await db.$executeRaw`SELECT statistics_recount_periods('month', '2025-11-01', '2026-02-01')`;
    await db.$executeRaw`SELECT statistics_recount_periods('week', '2025-11-24', '2026-02-09')`;
    expect(await periodRows(monthCategory)).toEqual(kept);
    expect(kept.unitMonths.length).toBeGreaterThan(0);
    expect(kept.unitWeekSteps.length).toBeGreaterThan(0);
    expect(kept.communeMonths.length).toBeGreaterThan(0);
    expect(kept.communeWeekSteps.length).toBeGreaterThan(0);
  });

  it('are read coarse (unit × category) unless the question needs a commune or a channel', async () => {
    // The cases the test above left: four whole months, December's from the coarse rollups.
    const summary = await statisticsSummary(db, options());
    const communes = await statisticsBy(db, 'commune', options());
    const web = await statisticsSummary(db, options({ channel: 'web' }));
    // A coarse row made wrong behind the triggers' back: only the questions that read it see it.
    const shifted = await db.$executeRaw`
      UPDATE "StatisticsUnitMonth" SET "received" = "received" + 100
      WHERE "categoryCode" = ${monthCategory} AND "month" = '2025-12-01'::date AND "unitId" = ${homeUnit}::uuid`;
    expect(shifted).toBe(1);
    expect((await statisticsSummary(db, options())).received).toBe(summary.received + 100);
    expect(await statisticsSummary(db, { ...options(), coarse: false })).toEqual(summary);
    expect(await statisticsBy(db, 'commune', options())).toEqual(communes);
    expect(await statisticsSummary(db, options({ channel: 'web' }))).toEqual(web);
    // A recount of the month repairs it from the month's rows.
    await db.$executeRaw`SELECT statistics_recount_periods('month', '2025-12-01', '2025-12-01')`;
    expect(await statisticsSummary(db, options())).toEqual(summary);
  });

  it('are read by commune (unit × commune × category) when the question needs a commune but no channel', async () => {
    // The same cases: December whole, from the commune rollups when grouped by or narrowed to a commune.
    const summary = await statisticsSummary(db, options());
    const communes = await statisticsBy(db, 'commune', options());
    const inCommune = await statisticsSummary(db, options({ communeCode: '18073' }));
    const webInCommune = await statisticsSummary(db, options({ communeCode: '18073', channel: 'web' }));
    const row = (key: string) => communes.rows.find((r) => r.key === key)!;
    // A commune row made wrong behind the triggers' back: only the questions that read it see it.
    const shifted = await db.$executeRaw`
      UPDATE "StatisticsCommuneMonth" SET "received" = "received" + 100
      WHERE "categoryCode" = ${monthCategory} AND "month" = '2025-12-01'::date AND "communeCode" = '18073'
        AND "unitId" = (SELECT min("unitId"::text)::uuid FROM "StatisticsCommuneMonth"
          WHERE "categoryCode" = ${monthCategory} AND "month" = '2025-12-01'::date AND "communeCode" = '18073')`;
    expect(shifted).toBe(1);
    const shiftedCommunes = await statisticsBy(db, 'commune', options());
    expect(shiftedCommunes.rows.find((r) => r.key === '18073')!.received).toBe(row('18073').received + 100);
    expect((await statisticsSummary(db, options({ communeCode: '18073' }))).received).toBe(inCommune.received + 100);
    expect(await statisticsBy(db, 'commune', { ...options(), coarse: false })).toEqual(communes);
    expect(await statisticsSummary(db, options())).toEqual(summary);
    expect(await statisticsSummary(db, options({ communeCode: '18073', channel: 'web' }))).toEqual(webInCommune);
    // A recount of the month repairs it from the month's rows of every dimension.
    await db.$executeRaw`SELECT statistics_recount_periods('month', '2025-12-01', '2025-12-01')`;
    expect(await statisticsBy(db, 'commune', options())).toEqual(communes);
    expect(await statisticsSummary(db, options({ communeCode: '18073' }))).toEqual(inCommune);
  });
});

describe('the projection', () => {
  it('records a done step’s working minutes, and counts a transition once however often it is retried', async () => {
    const caseId = await aCase({ day: '2026-03-09', status: 'processing', category: otherCategory, channel: 'retry' });
    const taskId = randomUUID();
    await db.task.create({
      data: {
        id: taskId,
        caseId,
        seq: 1,
        step: 'process',
        role: 'officer',
        unitId: homeUnit,
        createdAt: new Date('2026-03-09T09:00:00+07:00'), // Monday morning
        due: new Date('2026-03-10T17:00:00+07:00'),
      },
    });
    const transition = {
      caseId,
      seq: 2,
      kind: 'processed',
      visibility: 'internal' as const,
      at: '2026-03-10T09:00:00.000+07:00', // Tuesday 09:00: a working day later
      case: {
        status: 'responded' as const,
        step: 'rate' as const,
        publishedAt: '2026-03-10T09:00:00.000+07:00',
        resolutionDeadline: '2026-03-10T17:00:00.000+07:00',
      },
      closeTask: { id: taskId, state: 'done' as const, outcome: 'done' },
    };
    const calendar = async () => VIETNAM_OFFICE_CALENDAR;
    await projectTransition(db, transition, calendar);
    await projectTransition(db, transition, calendar);
    const task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task.workingMinutes).toBe(150 + 210 + 90); // 09:00-11:30, 13:30-17:00 Monday, 07:30-09:00 Tuesday
    const options = { scope: all, filter: filter({ categoryCode: otherCategory, channel: 'retry' }) };
    const summary = await statisticsSummary(db, options);
    expect([summary.received, summary.processed, summary.onTime, summary.processing.completed]).toEqual([1, 1, 1, 1]);
    await expectRollupEqualsDirect(options.filter);
  });
});

describe('GET /api/admin/statistics', () => {
  const paths = ['summary', 'by-unit', 'by-category', 'by-commune', 'trend?interval=week', 'steps'];
  const query = `from=${FROM}&to=${TO}&categoryCode=${categoryCode}`;
  const url = (path: string, extra = query) => `/api/admin/statistics/${path}${path.includes('?') ? '&' : '?'}${extra}`;

  it('answers the IOC what the service counts, uncached', async () => {
    const cookie = await as('supervisor');
    const { body, headers } = await request(app).get(url('summary')).set('Cookie', cookie).expect(200);
    expect(headers['cache-control']).toBe('no-store');
    expect(body).toEqual(JSON.parse(JSON.stringify(await statisticsSummary(db, { scope: all, filter: filter() }))));
    for (const path of paths) await request(app).get(url(path)).set('Cookie', cookie).expect(200);
  });

  it("shows a leader their own unit only, and refuses another unit's", async () => {
    const cookie = await as('18073.leader');
    const { body } = await request(app).get(url('by-unit')).set('Cookie', cookie).expect(200);
    expect(body.rows.map((r: { key: string }) => r.key)).toEqual([homeUnit]);
    const summary = await request(app).get(url('summary')).set('Cookie', cookie).expect(200);
    expect(summary.body.received).toBe(4);
    for (const path of paths) {
      const refused = await request(app)
        .get(url(path, `${query}&unitId=${foreignUnit}`))
        .set('Cookie', cookie)
        .expect(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
    }
    const english = await request(app)
      .get(url('summary', `${query}&unitId=${foreignUnit}`))
      .set('Cookie', cookie)
      .set('Accept-Language', 'en')
      .expect(403);
    expect(english.body.error.message).toBe('You are not allowed to do this.');
  });

  it('refuses officials without statistics, and strangers', async () => {
    await request(app).get(url('summary')).expect(401);
    const officer = await as('18073.officer');
    const refused = await request(app).get(url('summary')).set('Cookie', officer).expect(403);
    expect(refused.body.error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
  });

  it('refuses a reversed, too long or malformed period, and unknown parameters (422)', async () => {
    const cookie = await as('operator');
    const reversed = await request(app)
      .get(url('summary', 'from=2026-03-10&to=2026-03-01'))
      .set('Cookie', cookie)
      .expect(422);
    expect(reversed.body.error.fields.to.message).toBe('Ngày kết thúc phải từ ngày bắt đầu trở đi.');
    const long = await request(app)
      .get(url('summary', 'from=2020-01-01&to=2026-03-01'))
      .set('Cookie', cookie)
      .set('Accept-Language', 'en')
      .expect(422);
    expect(long.body.error.fields.from.message).toBe('The period may be at most 1098 days.');
    await request(app).get(url('summary', 'from=2026-02-30')).set('Cookie', cookie).expect(422);
    await request(app).get(url('summary', 'unitId=18073')).set('Cookie', cookie).expect(422);
    await request(app).get(url('summary', 'sort=received')).set('Cookie', cookie).expect(422);
    await request(app).get(url('trend?interval=day')).set('Cookie', cookie).expect(422);
  });
});

describe('GET /api/v1/statistics (public)', () => {
  const query = `from=${FROM}&to=${TO}`;

  it('publishes per unit and per category what was received, processed on time and rated, and nothing personal', async () => {
    const { body, headers } = await request(app).get(`/api/v1/statistics?${query}`).expect(200);
    expect(headers['cache-control']).toBe('public, max-age=300');
    const ours = body.categories.find((row: { key: string }) => row.key === categoryCode);
    expect(ours).toEqual({
      key: categoryCode,
      name: 'Thử thống kê',
      nameEn: 'Statistics test',
      received: 6,
      processed: 3,
      onTime: 2,
      late: 1,
      onTimeShare: 0.6667,
      rated: 5,
      meanRating: 3.4,
      satisfiedShare: 0.6,
    });
    expect(body.units.map((row: { key: string }) => row.key)).toContain(homeUnit);
    expect(body.units.map((row: { key: string | null }) => row.key)).not.toContain(null);
    for (const row of [body.total, ...body.units, ...body.categories]) {
      expect(Object.keys(row).sort()).toEqual(Object.keys(ours).sort());
    }
    expect(JSON.stringify(body)).not.toMatch(/reporter|phone|email|description|trackingCode/i);
  });

  it('answers 304 to a client that has the current version', async () => {
    const first = await request(app).get(`/api/v1/statistics?${query}`).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    await request(app).get(`/api/v1/statistics?${query}`).set('If-None-Match', etag).expect(304);
    const refused = await request(app).get('/api/v1/statistics?to=2026-01-01&from=2026-02-01').expect(422);
    expect(refused.body.error.fields.to.code).toBe('before_from');
  });

  it('keeps an answer for its time to live, then counts again', async () => {
    let now = new Date('2026-12-01T10:00:00+07:00');
    const answer = publicStatistics(db, { ttlMs: 60_000, now: () => now });
    const period = { from: FROM, to: TO };
    const before = JSON.parse((await answer(period)).body);
    await aCase({ day: '2026-03-05', status: 'processing' });
    expect(JSON.parse((await answer(period)).body)).toEqual(before);
    now = new Date(now.getTime() + 61_000);
    const after = JSON.parse((await answer(period)).body);
    expect(after.total.received).toBe(before.total.received + 1);
  });
});

// ---------------------------------------------------------------------------------------------

/**
 * Every query, for everyone and for a leader's unit, from the rollups as the API reads them (whole
 * periods from the unit or commune ones where the question allows: by commune or narrowed to a
 * commune, the commune ones) and from the rollups of every dimension only, equal to a direct count.
 */
async function expectRollupEqualsDirect(f: StatisticsFilter) {
  const queries: ((options: StatisticsOptions) => Promise<unknown>)[] = [
    (o) => statisticsSummary(db, o),
    ...(['unit', 'category', 'commune'] as const).map((grouping) => (o: StatisticsOptions) => statisticsBy(db, grouping, o)),
    ...(['week', 'month'] as const).map((interval) => (o: StatisticsOptions) => statisticsTrend(db, interval, o)),
    (o) => statisticsSteps(db, o),
  ];
  for (const scope of ['all', [homeUnit]] as const) {
    for (const query of queries) {
      const direct = await query({ scope, filter: f, source: 'direct' });
      for (const coarse of [true, false]) {
        expect(await query({ scope, filter: f, source: 'rollup', coarse })).toEqual(direct);
      }
    }
  }
}

async function rollupRows(category: string) {
  const days = await db.statisticsDay.findMany({
    where: { categoryCode: category },
    orderBy: [{ day: 'asc' }, { unitId: 'asc' }, { communeCode: 'asc' }, { channel: 'asc' }],
  });
  const steps = await db.statisticsStepDay.findMany({
    where: { categoryCode: category, completed: { not: 0 } },
    orderBy: [
      { day: 'asc' },
      { unitId: 'asc' },
      { communeCode: 'asc' },
      { channel: 'asc' },
      { step: 'asc' },
      { bucket: 'asc' },
    ],
  });
  // Rows brought back to zero by a change may stay; they count nothing.
  return {
    days: days.filter((d) => d.received !== 0 || d.rated1 + d.rated2 + d.rated3 + d.rated4 + d.rated5 !== 0),
    steps,
  };
}

async function periodRows(category: string) {
  const where = { categoryCode: category };
  const order = [{ unitId: 'asc' as const }, { communeCode: 'asc' as const }, { channel: 'asc' as const }];
  const [months, monthSteps, weeks, weekSteps] = await Promise.all([
    db.statisticsMonth.findMany({ where, orderBy: [{ month: 'asc' }, ...order] }),
    db.statisticsStepMonth.findMany({ where, orderBy: [{ month: 'asc' }, { step: 'asc' }, ...order] }),
    db.statisticsWeek.findMany({ where, orderBy: [{ week: 'asc' }, ...order] }),
    db.statisticsStepWeek.findMany({ where, orderBy: [{ week: 'asc' }, { step: 'asc' }, ...order] }),
  ]);
  const communeOrder = [{ unitId: 'asc' as const }, { communeCode: 'asc' as const }];
  const [communeMonths, communeMonthSteps, communeWeeks, communeWeekSteps] = await Promise.all([
    db.statisticsCommuneMonth.findMany({ where, orderBy: [{ month: 'asc' }, ...communeOrder] }),
    db.statisticsStepCommuneMonth.findMany({ where, orderBy: [{ month: 'asc' }, { step: 'asc' }, ...communeOrder] }),
    db.statisticsCommuneWeek.findMany({ where, orderBy: [{ week: 'asc' }, ...communeOrder] }),
    db.statisticsStepCommuneWeek.findMany({ where, orderBy: [{ week: 'asc' }, { step: 'asc' }, ...communeOrder] }),
  ]);
  const [unitMonths, unitMonthSteps, unitWeeks, unitWeekSteps] = await Promise.all([
    db.statisticsUnitMonth.findMany({ where, orderBy: [{ month: 'asc' }, { unitId: 'asc' }] }),
    db.statisticsStepUnitMonth.findMany({ where, orderBy: [{ month: 'asc' }, { step: 'asc' }, { unitId: 'asc' }] }),
    db.statisticsUnitWeek.findMany({ where, orderBy: [{ week: 'asc' }, { unitId: 'asc' }] }),
    db.statisticsStepUnitWeek.findMany({ where, orderBy: [{ week: 'asc' }, { step: 'asc' }, { unitId: 'asc' }] }),
  ]);
  // Rows brought back to zero by a change may stay; they count nothing.
  const counts = (row: object) => Object.values(row).some((v) => typeof v === 'number' && v !== 0);
  const completes = (row: { completed: number }) => row.completed !== 0;
  return {
    months: months.filter(counts),
    monthSteps: monthSteps.filter(completes),
    weeks: weeks.filter(counts),
    weekSteps: weekSteps.filter(completes),
    communeMonths: communeMonths.filter(counts),
    communeMonthSteps: communeMonthSteps.filter(completes),
    communeWeeks: communeWeeks.filter(counts),
    communeWeekSteps: communeWeekSteps.filter(completes),
    unitMonths: unitMonths.filter(counts),
    unitMonthSteps: unitMonthSteps.filter(completes),
    unitWeeks: unitWeeks.filter(counts),
    unitWeekSteps: unitWeekSteps.filter(completes),
  };
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
