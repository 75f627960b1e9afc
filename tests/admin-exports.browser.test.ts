/**
 * The case list's Export button in the back office: a leader filters the list, clicks Export →
 * Excel, and the file the browser saves is the filtered list of their unit, which exceljs reads
 * back with Vietnamese headers and names.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { createApp } from '../api/app';
import { signInToBackOffice } from './support/back-office';
import { launchBrowser, type TestBrowser } from './support/browser';
import { apiDependencies, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';

const config = testConfig();
const api = apiDependencies(config);
const { db } = api.deps;
const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
let served: Served;
let browser: TestBrowser;
const ids = [randomUUID(), randomUUID(), randomUUID()];
const codes = ids.map(() => `XB-${randomUUID().slice(0, 6).toUpperCase()}`);
const UI = 30_000;

beforeAll(async () => {
  const units = await db.unit.findMany({ where: { code: { in: ['18073', '18100'] } } });
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  const base = {
    requestFingerprint: 'test',
    categoryCode: 'moi-truong',
    step: 'process' as const,
    receivedAt: new Date(),
  };
  await db.case.createMany({
    data: [
      {
        ...base,
        id: ids[0]!,
        trackingCode: codes[0]!,
        description: 'Đèn đường hỏng (xuất tệp)',
        status: 'processing',
        communeCode: '18073',
        unitId: unitId('18073'),
      },
      {
        ...base,
        id: ids[1]!,
        trackingCode: codes[1]!,
        description: 'Cống tắc (xuất tệp)',
        status: 'closed',
        step: 'close',
        communeCode: '18073',
        unitId: unitId('18073'),
      },
      {
        ...base,
        id: ids[2]!,
        trackingCode: codes[2]!,
        description: 'Đèn đường hỏng (xuất tệp)',
        status: 'processing',
        communeCode: '18100',
        unitId: unitId('18100'),
      },
    ],
  });
  served = await serve(app);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await db.auditLog.deleteMany({ where: { action: 'export_cases' } });
  await db.case.deleteMany({ where: { id: { in: ids } } });
  await browser?.close();
  await served?.close();
  await api.close();
});

describe('the case list’s Export button', () => {
  it('downloads the filtered list of the leader’s unit as an Excel file that reads back', async () => {
    const { page } = browser;
    await signInToBackOffice(page, served.base, '18073.leader', config.DEMO_PASSWORD);
    const filter = encodeURIComponent(JSON.stringify({ status: 'processing', q: 'xuất tệp' }));
    await page.goto(`${served.base}/admin/cases?filter=${filter}`);
    await page.getByText(codes[0]!).waitFor({ timeout: UI });
    await page.getByRole('button', { name: 'Xuất tệp' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: UI }),
      page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^phan-anh-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const [header, ...data] = rows as [string[], ...unknown[][]];
    expect(header.slice(0, 4)).toEqual(['Mã tra cứu', 'Ngày tiếp nhận', 'Trạng thái', 'Bước']);
    // The filters apply (not the closed case), and the unit's rule (not the other commune's case).
    expect(data.map((r) => r[0])).toEqual([codes[0]]);
    expect(data[0]![header.indexOf('Trạng thái')]).toBe('Đang xử lý');
    expect(data[0]![header.indexOf('Đơn vị xử lý')]).toMatch(/^UBND /);
    await browser.screenshot('admin-case-export');
    expect(browser.problems).toEqual([]);
  });
});
