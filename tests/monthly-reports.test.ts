/**
 * The monthly reports' schedule: created once at start-up (a second time changes nothing), running
 * monthlyReportsWorkflow on the 1st, Hà Tĩnh time; the workflow, triggered here for a month, stores
 * every active unit's report in media storage (one per unit and month, also when re-run) and the
 * back office lists them, a leader only their unit's, and downloads them.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../api/app';
import { MONTHLY_REPORT_SCHEDULE_ID, ensureMonthlyReportSchedule } from '../platform/monthly-report-schedule';
import { monthBefore } from '../workflows/monthly-reports';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const config = testConfig();
const api = apiDependencies(config);
const { db, temporal } = api.deps;
let app: Express;
let worker: Awaited<ReturnType<typeof startWorker>>;
const as = officialSessions(() => app, config.DEMO_PASSWORD);
const MONTH = '2026-10';

beforeAll(async () => {
  app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  worker = await startWorker(config, await bundleWorkflows());
}, 120_000);
afterAll(async () => {
  await db.monthlyReport.deleteMany({ where: { month: MONTH } });
  await worker?.stop();
  await api.close();
});

function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('the monthly reports', () => {
  it('reads the month before in Hà Tĩnh', () => {
    expect(monthBefore(new Date('2026-12-01T01:00:00+07:00'))).toBe('2026-11');
    expect(monthBefore(new Date('2026-12-31T18:00:00Z'))).toBe('2026-12'); // 1 January, 01:00 in Hà Tĩnh
    expect(monthBefore(new Date('2027-01-01T03:00:00+07:00'))).toBe('2026-12');
  });

  it('has its schedule created once, on the 1st of each month at 01:00 Hà Tĩnh time', async () => {
    expect(['created', 'exists']).toContain(await ensureMonthlyReportSchedule(temporal, config.TEMPORAL_TASK_QUEUE));
    expect(await ensureMonthlyReportSchedule(temporal, config.TEMPORAL_TASK_QUEUE)).toBe('exists');
    const described = await temporal.schedule.getHandle(MONTHLY_REPORT_SCHEDULE_ID).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'monthlyReportsWorkflow' });
    expect(described.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(described.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 1, end: 1, step: 1 }] });
  });

  it("stores every active unit's report once, lists them by scope, and serves the file", async () => {
    const run = () =>
      temporal.workflow.execute('monthlyReportsWorkflow', {
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        workflowId: `monthly-reports-test-${randomUUID()}`,
        args: [{ month: MONTH }],
      });
    const units = await db.unit.count({ where: { active: true } });
    expect(await run()).toEqual({ month: MONTH, units });
    await run(); // a re-run (or a retried activity) replaces, never duplicates
    expect(await db.monthlyReport.count({ where: { month: MONTH } })).toBe(units);

    const all = await request(app)
      .get(`/api/admin/monthly-reports?month=${MONTH}`)
      .set('Cookie', await as('supervisor'))
      .expect(200);
    expect(all.body).toHaveLength(units);
    const thanhSen = await db.unit.findUniqueOrThrow({ where: { code: '18073' } });
    const own = await request(app)
      .get(`/api/admin/monthly-reports?month=${MONTH}`)
      .set('Cookie', await as('18073.leader'))
      .expect(200);
    expect(own.body).toEqual([expect.objectContaining({ unitId: thanhSen.id, unitName: thanhSen.name, month: MONTH })]);
    await request(app)
      .get('/api/admin/monthly-reports')
      .set('Cookie', await as('18073.officer'))
      .expect(403);

    const file = await request(app)
      .get(`/api/admin/monthly-reports/${own.body[0].id}/file`)
      .set('Cookie', await as('18073.leader'))
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="bao-cao-thang-${MONTH}-18073.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(String(workbook.worksheets[0]!.getCell('A4').value)).toBe(
      'BÁO CÁO KẾT QUẢ TIẾP NHẬN, XỬ LÝ PHẢN ÁNH, KIẾN NGHỊ THÁNG 10/2026',
    );
    // Another unit's report is not the leader's to read.
    const other = all.body.find((r: { unitId: string }) => r.unitId !== thanhSen.id);
    await request(app)
      .get(`/api/admin/monthly-reports/${other.id}/file`)
      .set('Cookie', await as('18073.leader'))
      .expect(404);
  });
});
