/**
 * The public statistics page (/statistics) with real data: cases driven through the real case
 * workflow (verified, accepted, assigned, answered, approved, rated; one still in processing),
 * whose projection kept the rollups; they equal a direct count, and the page shows the figures
 * of their unit and field, in Vietnamese and in English, at a phone's size. The cases are then
 * moved to a category of this suite alone (as an operator's re-categorisation would), which the
 * triggers carry with their steps and ratings, so the checks do not depend on other suites.
 */
import { randomBytes } from 'node:crypto';
import { statisticsBy, statisticsSteps, statisticsSummary } from '../api/services/statistics/get-statistics';
import { haTinhToday } from '../api/services/statistics/statistics-query';
import type { TestBrowser } from './support/browser';
import { CaseDriver, officials } from './support/case-driver';
import { apiDependencies, testConfig } from './support/platform';
import { startPortalSession, type PortalSession } from './support/portal-session';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
const tag = randomBytes(4).toString('hex');
const categoryCode = `stats-page-${tag}`;
const categoryName = `Thống kê trang ${tag}`;
let session: PortalSession;
let browser: TestBrowser;
let base: string;

beforeAll(async () => {
  session = await startPortalSession(config, api);
  ({ browser, base } = session);
  await db.category.create({
    data: {
      code: categoryCode,
      nameVi: categoryName,
      nameEn: `Statistics page ${tag}`,
      icon: 'bar_chart',
      group: 'test',
    },
  });
}, 120_000);

afterAll(async () => {
  await session?.close();
  await db.case.deleteMany({ where: { categoryCode } });
  await db.category.deleteMany({ where: { code: categoryCode } });
  await api.close();
});

describe('the public statistics page', () => {
  it('shows what the workflow did, counted the same from the rollups as directly', async () => {
    const people = await officials(db, ['operator', '18073.officer', '18073.leader']);
    const answered = await CaseDriver.start(api.deps.temporal, config.TEMPORAL_TASK_QUEUE, {
      description: 'Rác thải ùn ứ ở chợ (kiểm thử thống kê)',
    });
    await answered.acceptAndAssign(people, '18073');
    await answered.replyAndApprove(people, '18073');
    await answered.rate(5, 'Xử lý nhanh');
    await answered.quiet((s) => s.status === 'closed');
    const waiting = await CaseDriver.start(api.deps.temporal, config.TEMPORAL_TASK_QUEUE, {
      description: 'Đèn đường hỏng (kiểm thử thống kê)',
    });
    await waiting.acceptAndAssign(people, '18073');
    await waiting.quiet();
    await db.case.updateMany({ where: { id: { in: [answered.caseId, waiting.caseId] } }, data: { categoryCode } });

    const today = haTinhToday();
    const filter = { from: today, to: today, categoryCode };
    const options = (source: 'rollup' | 'direct') => ({ scope: 'all' as const, filter, source });
    const summary = await statisticsSummary(db, options('rollup'));
    expect(summary).toEqual(await statisticsSummary(db, options('direct')));
    expect(await statisticsBy(db, 'unit', options('rollup'))).toEqual(
      await statisticsBy(db, 'unit', options('direct')),
    );
    expect(await statisticsSteps(db, options('rollup'))).toEqual(await statisticsSteps(db, options('direct')));
    expect(summary).toMatchObject({
      received: 2,
      inProgress: 1,
      processed: 1,
      onTime: 1,
      late: 0,
      ratings: [0, 0, 0, 0, 1],
      satisfiedShare: 1,
    });
    // Every human step the answered case went through was timed in working minutes.
    const steps = await statisticsSteps(db, options('rollup'));
    const completed = Object.fromEntries(steps.rows.map((r) => [r.step, r.completed]));
    expect(completed).toMatchObject({ verify: 2, accept: 2, assign: 2, process: 1, approve: 1 });

    const { page } = browser;
    await page.goto(`${base}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thống kê công khai' }).waitFor();
    const row = page.locator('[data-testid="stats-categories"] tr', { hasText: categoryName });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('td').allInnerTexts()).toEqual(['2', '1', '100%', '100%']);
    await page.locator('[data-testid="stats-units"] th', { hasText: 'Thành Sen' }).first().waitFor();
    await browser.screenshot('portal-statistics-vi');

    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Public statistics' }).waitFor();
    await page.getByLabel('Period').selectOption('month');
    await page.locator('[data-testid="stats-categories"] tr', { hasText: `Statistics page ${tag}` }).waitFor();
    await browser.screenshot('portal-statistics-en');
    expect(browser.problems).toEqual([]);
  }, 180_000);
});
