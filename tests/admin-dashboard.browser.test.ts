/**
 * The statistics dashboard, opened in a browser with cases driven through the workflow: a
 * supervisor lands on it, sees the figures of a category made for this test (two cases, one
 * closed with a rating of 5 by one unit, one still processed by another), follows a unit's
 * drill-down to the case list, and exports the unit ranking (the xlsx parsed back); a commune's
 * leader sees only their own unit.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { createApp } from '../api/app';
import { signInToBackOffice } from './support/back-office';
import { launchBrowser, type TestBrowser } from './support/browser';
import { CaseDriver } from './support/case-driver';
import { walkCase } from './support/case-walk';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';

const config = testConfig();
const api = apiDependencies(config);
const { db } = api.deps;
const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
let served: Served;
let browser: TestBrowser;
let worker: Awaited<ReturnType<typeof startWorker>>;
const UI = 30_000;
const CATEGORY = {
  code: `thong-ke-${randomUUID().slice(0, 8)}`,
  nameVi: 'Thử nghiệm thống kê',
  nameEn: 'Statistics trial',
};
const cases: { closed?: CaseDriver; processing?: CaseDriver } = {};
const unitOf = async (c: CaseDriver) =>
  (await db.case.findUniqueOrThrow({ where: { id: c.caseId }, include: { unit: true } })).unit!;

beforeAll(async () => {
  const model = await db.category.findUniqueOrThrow({ where: { code: 'moi-truong' } });
  await db.category.create({ data: { ...CATEGORY, icon: model.icon, group: model.group } });
  worker = await startWorker(config, await bundleWorkflows());
  const start = (communeCode: string) =>
    CaseDriver.start(api.deps.temporal, config.TEMPORAL_TASK_QUEUE, {
      categoryCode: CATEGORY.code,
      location: { lat: 18.34, lng: 105.9, address: 'Thống kê', communeCode },
    });
  cases.closed = await start('18073');
  cases.processing = await start('18100');
  await walkCase(cases.closed, db, { routeTo: '18073', score: 5 });
  await walkCase(cases.processing, db, { routeTo: '18100', until: 'process' });
  served = await serve(app);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  // The cases stay (their workflows' history); the category leaves the directory.
  await db.category.update({ where: { code: CATEGORY.code }, data: { active: false } });
  await browser?.close();
  await served?.close();
  await worker?.stop();
  await api.close();
});

/** Narrows the dashboard to the test's category, through its filter. */
async function chooseCategory(page: Page) {
  await page.getByTestId('filter-category').locator('input').fill(CATEGORY.nameVi);
  await page.getByRole('option', { name: CATEGORY.nameVi }).click();
}

const tile = (page: Page, id: string) => page.getByTestId(`${id}-value`);

describe('the statistics dashboard', () => {
  it('is the supervisor’s home page, with the figures of cases driven through the workflow, and drills down', async () => {
    const { page } = browser;
    await signInToBackOffice(page, served.base, 'supervisor', config.DEMO_PASSWORD);
    await page.getByTestId('statistics-dashboard').waitFor({ timeout: UI });
    await chooseCategory(page);
    await page.getByTestId('kpi-received-value').filter({ hasText: /^2$/ }).waitFor({ timeout: UI });
    expect(await tile(page, 'kpi-processed').innerText()).toBe('1');
    expect(await tile(page, 'kpi-in-progress').innerText()).toBe('1');
    expect(await tile(page, 'kpi-satisfied').innerText()).toBe('100%');
    const closedUnit = await unitOf(cases.closed!);
    const processingUnit = await unitOf(cases.processing!);
    const ranking = page.getByTestId('unit-ranking');
    await ranking.getByText(closedUnit.name).waitFor({ timeout: UI });
    expect(await ranking.getByTestId('unit-ranking-row').count()).toBe(2);
    await page.getByTestId('trend-chart').locator('.recharts-bar-rectangle').first().waitFor({ timeout: UI });
    await browser.screenshot('dashboard-01-supervisor');

    // The ranking's export: the rows on the screen, in a workbook Excel opens.
    await ranking.getByRole('button', { name: 'Xuất tệp' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: UI }),
      page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Theo đơn vị');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Đơn vị', 'Tiếp nhận', 'Đang xử lý']);
    const names = [2, 3].map((n) => sheet.getRow(n).getCell(1).value);
    expect(names.sort()).toEqual([closedUnit.name, processingUnit.name].sort());

    // Drill-down: the unit's name opens the case list with the same unit, category and period.
    await ranking.getByRole('link', { name: closedUnit.name }).click();
    await page.getByText(cases.closed!.trackingCode).waitFor({ timeout: UI });
    expect(await page.getByText(cases.processing!.trackingCode).count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/admin/cases');
    await browser.screenshot('dashboard-02-drill-down');
    expect(browser.problems).toEqual([]);
  });

  it('shows a commune’s leader their own unit only', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await page.evaluate(() => (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear());
    const unit = await unitOf(cases.processing!);
    await signInToBackOffice(page, served.base, `${unit.code}.leader`, config.DEMO_PASSWORD);
    await page.getByTestId('statistics-dashboard').waitFor({ timeout: UI });
    await page.getByTestId('statistics-scope').filter({ hasText: unit.name }).waitFor({ timeout: UI });
    await chooseCategory(page);
    await page.getByTestId('kpi-received-value').filter({ hasText: /^1$/ }).waitFor({ timeout: UI });
    const rows = page.getByTestId('unit-ranking').getByTestId('unit-ranking-row');
    await rows.first().waitFor({ timeout: UI });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-key')).toBe(unit.id);
    // The inbox is still a menu item away.
    await page.getByRole('menuitem', { name: /Việc của tôi/ }).click();
    await page.getByTestId('task-inbox').waitFor({ timeout: UI });
    await browser.screenshot('dashboard-03-leader');
    expect(browser.problems).toEqual([]);
  });
});
