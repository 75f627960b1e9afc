/**
 * The statistics' nightly reconcile (docs/statistics.md): its schedule is created once, at 02:30
 * Hà Tĩnh time; a rollup row made wrong behind the triggers' back (a day's cases, a day's steps, a
 * month, a commune or unit month or week) is found by comparing with a direct count (or with the rows it is
 * the sum of) and recounted by the activity, run by the
 * worker through the schedule's workflow; a second run finds nothing; what it fixed is logged.
 * Other suites share the database: these cases have their own category.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { reconcileStatistics, type ReconcileLogger } from '../activities/reconcile-statistics';
import {
  statisticsBy,
  statisticsSteps,
  statisticsSummary,
  statisticsTrend,
} from '../api/services/statistics/get-statistics';
import { weekStart } from '../api/services/statistics/period-plan';
import { CASE_COUNTERS } from '../api/services/statistics/statistics-facts';
import { addDays, haTinhToday } from '../api/services/statistics/statistics-query';
import {
  STATISTICS_RECONCILE_SCHEDULE_ID,
  ensureStatisticsReconcileSchedule,
} from '../platform/statistics-reconcile-schedule';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const { db, temporal } = api.deps;
let worker: Awaited<ReturnType<typeof startWorker>>;
const categoryCode = `reconcile-${randomBytes(4).toString('hex')}`;
const today = haTinhToday();
const yesterday = addDays(today, -1);
let unitId: string;

beforeAll(async () => {
  unitId = (await db.unit.findUniqueOrThrow({ where: { code: '18073' } })).id;
  await db.category.create({
    data: { code: categoryCode, nameVi: 'Thử đối soát', nameEn: 'Reconcile test', icon: 'bar_chart', group: 'test' },
  });
  worker = await startWorker(config, await bundleWorkflows());
}, 180_000);

afterAll(async () => {
  await db.case.deleteMany({ where: { categoryCode } });
  await db.category.deleteMany({ where: { code: categoryCode } });
  await worker?.stop();
  await api.close();
});

async function aCase(day: string, status: 'processing' | 'closed', score?: number) {
  const id = randomUUID();
  const receivedAt = new Date(`${day}T08:00:00+07:00`);
  await db.case.create({
    data: {
      id,
      trackingCode: `R-${id.slice(0, 8)}`,
      requestFingerprint: id,
      description: 'Thử đối soát',
      channel: 'web',
      categoryCode,
      communeCode: '18073',
      status,
      step: 'process',
      unitId,
      receivedAt,
      publishedAt: status === 'closed' ? new Date(receivedAt.getTime() + 3_600_000) : null,
      resolutionDeadline: new Date(receivedAt.getTime() + 86_400_000),
    },
  });
  await db.task.create({
    data: {
      caseId: id,
      seq: 1,
      step: 'process',
      role: 'officer',
      state: 'done',
      createdAt: receivedAt,
      completedAt: new Date(receivedAt.getTime() + 3_600_000),
      due: new Date(receivedAt.getTime() + 7_200_000),
      workingMinutes: 60,
    },
  });
  if (score) await db.rating.create({ data: { caseId: id, score } });
}

/** Every figure of the category over the last days, from the rollups and from a direct count. */
async function figures(source: 'rollup' | 'direct') {
  const options = { scope: 'all' as const, filter: { from: addDays(today, -40), to: today, categoryCode }, source };
  return {
    summary: await statisticsSummary(db, options),
    trend: await statisticsTrend(db, 'month', options),
    weeks: await statisticsTrend(db, 'week', options),
    steps: await statisticsSteps(db, options),
  };
}

function recordingLogger() {
  const lines: { level: string; message: string; meta?: Record<string, unknown> }[] = [];
  const logger: ReconcileLogger = {
    info: (message, meta) => lines.push({ level: 'info', message, meta }),
    warn: (message, meta) => lines.push({ level: 'warn', message, meta }),
  };
  return { lines, logger };
}

describe('the statistics reconcile', () => {
  it('has its schedule created once, every night at 02:30 Hà Tĩnh time', async () => {
    expect(['created', 'exists']).toContain(
      await ensureStatisticsReconcileSchedule(temporal, config.TEMPORAL_TASK_QUEUE),
    );
    expect(await ensureStatisticsReconcileSchedule(temporal, config.TEMPORAL_TASK_QUEUE)).toBe('exists');
    const described = await temporal.schedule.getHandle(STATISTICS_RECONCILE_SCHEDULE_ID).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'statisticsReconcileWorkflow' });
    expect(described.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(described.spec.calendars?.[0]).toMatchObject({
      hour: [{ start: 2, end: 2, step: 1 }],
      minute: [{ start: 30, end: 30, step: 1 }],
    });
  });

  it('repairs rollup rows made wrong behind the triggers, and finds nothing the second time', async () => {
    await aCase(yesterday, 'closed', 5);
    await aCase(yesterday, 'processing');
    await aCase(today, 'closed', 2);
    const right = await figures('direct');
    expect(await figures('rollup')).toEqual(right);

    // Wrong behind the triggers' back: a day's cases (its month follows through the day's trigger),
    // a day's steps, and a month on its own.
    await db.$executeRaw`
      UPDATE "StatisticsDay" SET "received" = "received" + 5, "rated5" = 0
      WHERE "categoryCode" = ${categoryCode} AND "day" = ${yesterday}::date`;
    await db.$executeRaw`
      UPDATE "StatisticsStepDay" SET "completed" = "completed" + 2, "minutes" = "minutes" + 999
      WHERE "categoryCode" = ${categoryCode} AND "day" = ${today}::date`;
    await db.$executeRaw`
      UPDATE "StatisticsMonth" SET "processed" = "processed" + 3
      WHERE "categoryCode" = ${categoryCode} AND "month" = date_trunc('month', ${today}::date)::date`;
    expect(await figures('rollup')).not.toEqual(right);

    // The schedule's workflow, run by the worker: the activity recounts what differs.
    const result = await temporal.workflow.execute('statisticsReconcileWorkflow', {
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      workflowId: `statistics-reconcile-test-${randomUUID()}`,
      args: [{ days: 3 }],
    });
    expect(result.checked).toEqual({ from: addDays(today, -2), to: today });
    expect(result.repairedDays).toEqual(expect.arrayContaining([yesterday, today]));
    expect(result.repairedMonths).toContain(`${today.slice(0, 7)}-01`);
    expect(await figures('rollup')).toEqual(right);

    // Idempotent: nothing left to fix, and it says so.
    const { lines, logger } = recordingLogger();
    const again = await reconcileStatistics(db, logger, { days: 3 });
    expect([again.repairedDays, again.repairedMonths, again.repairedWeeks]).toEqual([[], [], []]);
    expect(lines).toEqual([expect.objectContaining({ level: 'info' })]);
  });

  it('logs what it fixed', async () => {
    await db.$executeRaw`
      UPDATE "StatisticsStepMonth" SET "bucket0" = "bucket0" + 1
      WHERE "categoryCode" = ${categoryCode} AND "month" = date_trunc('month', ${today}::date)::date`;
    await db.$executeRaw`
      UPDATE "StatisticsWeek" SET "late" = "late" + 1
      WHERE "categoryCode" = ${categoryCode} AND "week" = date_trunc('week', ${today}::date)::date`;
    const { lines, logger } = recordingLogger();
    const result = await reconcileStatistics(db, logger, { days: 1 });
    expect(result.repairedDays).toEqual([]);
    expect(result.repairedMonths).toEqual([`${today.slice(0, 7)}-01`]);
    expect(result.repairedWeeks).toEqual([weekStart(today)]);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        meta: expect.objectContaining({ repairedMonths: result.repairedMonths, repairedWeeks: result.repairedWeeks }),
      }),
    ]);
    expect(await figures('rollup')).toEqual(await figures('direct'));
  });

  it('repairs the coarse rollups (unit × category) from the months and weeks', async () => {
    // From the first day of last month: last month is read whole, from its coarse rows.
    const lastMonth = `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
    const options = (source: 'rollup' | 'direct') => ({
      scope: 'all' as const,
      filter: { from: lastMonth, to: today, categoryCode },
      source,
    });
    const right = await statisticsSummary(db, options('direct'));
    expect(await statisticsSummary(db, options('rollup'))).toEqual(right);
    // Only the coarse tables made wrong: last month's cases grown (a row where none is, unless
    // yesterday was last month), a week's steps grown.
    await db.$executeRaw`
      INSERT INTO "StatisticsUnitMonth" AS m ("month", "unitId", "categoryCode", "received", "processed")
      VALUES (${lastMonth}::date, ${unitId}::uuid, ${categoryCode}, 7, 7)
      ON CONFLICT ("month", "unitId", "categoryCode") DO UPDATE SET "received" = m."received" + 7, "processed" = m."processed" + 7`;
    const grown = await db.$executeRaw`
      UPDATE "StatisticsStepUnitWeek" SET "completed" = "completed" + 1, "bucket3" = "bucket3" + 1
      WHERE "categoryCode" = ${categoryCode} AND "week" = ${weekStart(today)}::date AND "step" = 'process'`;
    expect(grown).toBe(1);
    expect((await statisticsSummary(db, options('rollup'))).received).toBe(right.received + 7);

    const days = (Date.parse(today) - Date.parse(lastMonth)) / 86_400_000 + 1;
    const result = await reconcileStatistics(db, recordingLogger().logger, { days });
    expect(result.repairedMonths).toContain(lastMonth);
    expect(result.repairedWeeks).toContain(weekStart(today));
    expect(await statisticsSummary(db, options('rollup'))).toEqual(right);
    expect(await figures('rollup')).toEqual(await figures('direct'));
    const again = await reconcileStatistics(db, recordingLogger().logger, { days });
    expect([again.repairedMonths, again.repairedWeeks]).toEqual([[], []]);
  });

  it('repairs the commune rollups (unit × commune × category) from the months and weeks', async () => {
    // From the first day of last month, by commune: last month is read whole, from its commune rows.
    const lastMonth = `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
    const options = (source: 'rollup' | 'direct') => ({
      scope: [unitId],
      filter: { from: lastMonth, to: today, categoryCode, communeCode: '18073' },
      source,
    });
    const right = await statisticsBy(db, 'commune', options('direct'));
    expect(await statisticsBy(db, 'commune', options('rollup'))).toEqual(right);
    const received = (rows: typeof right) => rows.rows.reduce((total, row) => total + row.received, 0);
    // Only a commune month made wrong (a row where none is, unless yesterday was last month).
    await db.$executeRaw`
      INSERT INTO "StatisticsCommuneMonth" AS m ("month", "unitId", "communeCode", "categoryCode", "received", "processed")
      VALUES (${lastMonth}::date, ${unitId}::uuid, '18073', ${categoryCode}, 5, 5)
      ON CONFLICT ("month", "unitId", "communeCode", "categoryCode")
      DO UPDATE SET "received" = m."received" + 5, "processed" = m."processed" + 5`;
    expect(received(await statisticsBy(db, 'commune', options('rollup')))).toBe(received(right) + 5);

    const days = (Date.parse(today) - Date.parse(lastMonth)) / 86_400_000 + 1;
    const result = await reconcileStatistics(db, recordingLogger().logger, { days });
    expect(result.repairedMonths).toEqual([lastMonth]);
    expect(await statisticsBy(db, 'commune', options('rollup'))).toEqual(right);
    expect(await figures('rollup')).toEqual(await figures('direct'));
    const again = await reconcileStatistics(db, recordingLogger().logger, { days });
    expect([again.repairedMonths, again.repairedWeeks]).toEqual([[], []]);
  });

  it('checks every table statistics_rollups() lists, with the keys it gives: a new level is one row there', async () => {
    // A level no migration has (unit × channel, a key no table name says), added as a migration
    // would: its table, its row in the list, the day tables' functions defined again. Put back after.
    const table = 'StatisticsTestChannelMonth';
    const [{ definition, body }] = await db.$queryRaw<[{ definition: string; body: string }]>`
      SELECT pg_get_functiondef(p.oid) AS definition, p.prosrc AS body FROM pg_proc p
      WHERE p.oid = 'statistics_rollups'::regproc`;
    const month = `${today.slice(0, 7)}-01`;
    const row = () => db.$queryRaw<{ received: number; processed: number }[]>`
      SELECT "received", "processed" FROM "StatisticsTestChannelMonth"
      WHERE "month" = ${month}::date AND "unitId" = ${unitId}::uuid AND "channel" = 'web'`;
    const expected = () => db.$queryRaw<{ received: number; processed: number }[]>`
      SELECT sum("received")::int AS "received", sum("processed")::int AS "processed" FROM "StatisticsMonth"
      WHERE "month" = ${month}::date AND "unitId" = ${unitId}::uuid AND "channel" = 'web'`;
    await db.$executeRawUnsafe(`
      CREATE TABLE "${table}" ("month" DATE NOT NULL, "unitId" UUID NOT NULL, "channel" TEXT NOT NULL,
        ${CASE_COUNTERS.map((c) => `"${c}" INTEGER NOT NULL DEFAULT 0`).join(', ')},
        PRIMARY KEY ("month", "unitId", "channel"))`);
    try {
      await db.$executeRawUnsafe(`
        CREATE OR REPLACE FUNCTION statistics_rollups()
        RETURNS TABLE ("level" TEXT, "days" TEXT, "source" TEXT, "target" TEXT, "keys" TEXT[])
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $body$
          ${body}
          UNION ALL VALUES ('month', 'StatisticsDay', 'StatisticsMonth', '${table}', ARRAY['unitId', 'channel'])
        $body$`);
      await db.$executeRaw`SELECT statistics_define_period_changes()`;
      await db.$executeRaw`SELECT statistics_count_rollup('month', 'StatisticsMonth', ${table}, '-infinity', 'infinity')`;
      // Kept by the day tables' trigger like the others.
      await aCase(today, 'closed', 4);
      expect(await row()).toEqual(await expected());

      await db.$executeRaw`
        UPDATE "StatisticsTestChannelMonth" SET "received" = "received" + 4
        WHERE "month" = ${month}::date AND "unitId" = ${unitId}::uuid AND "channel" = 'web'`;
      expect(await row()).not.toEqual(await expected());
      const result = await reconcileStatistics(db, recordingLogger().logger, { days: 1 });
      expect([result.repairedDays, result.repairedMonths, result.repairedWeeks]).toEqual([[], [month], []]);
      expect(await row()).toEqual(await expected());
      const again = await reconcileStatistics(db, recordingLogger().logger, { days: 1 });
      expect([again.repairedDays, again.repairedMonths, again.repairedWeeks]).toEqual([[], [], []]);
    } finally {
      await db.$executeRawUnsafe(definition);
      await db.$executeRaw`SELECT statistics_define_period_changes()`;
      await db.$executeRawUnsafe(`DROP TABLE "${table}"`);
    }
    expect(await figures('rollup')).toEqual(await figures('direct'));
  });

  it('refuses a number of days it cannot mean', async () => {
    const { logger } = recordingLogger();
    for (const days of [0, -1, 1.5, 401]) {
      await expect(reconcileStatistics(db, logger, { days })).rejects.toThrow(/days must be an integer from 1 to 400/);
    }
  });
});
