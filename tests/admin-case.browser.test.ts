/**
 * A case in the back office, in a browser, against the real workflow: an IOC operator finds the
 * new report in the cases list, opens it (content, timeline, deadlines, map, the reporter's
 * personal data for the IOC), and verifies it with the form of the verify task; the workflow's
 * answer is shown and the case moves on.
 */
import type { Server } from 'node:http';
import request from 'supertest';
import { createApp } from '../api/app';
import { REPORT } from './support/case-driver';
import { launchBrowser, type TestBrowser } from './support/browser';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';
import { signInToBackOffice } from './support/back-office';

const config = testConfig();
const api = apiDependencies(config);
let served: Served;
let server: Server;
let browser: TestBrowser;
let worker: Awaited<ReturnType<typeof startWorker>>;
let base: string;

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  served = await serve(app);
  ({ server, base } = served);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await worker?.stop();
  await api.close();
});

describe('a case in the back office', () => {
  it('lets an operator open a new report and verify it, showing the workflow answer', async () => {
    const created = await request(server)
      .post('/api/v1/reports')
      .send({ ...REPORT, description: `${REPORT.description} (kiểm thử trình duyệt)` })
      .expect(201);
    const { id, trackingCode } = created.body as { id: string; trackingCode: string };

    const { page } = browser;
    await signInToBackOffice(page, base, 'operator', config.DEMO_PASSWORD);
    // The IOC sees the configuration.
    await page.getByText('Cấu hình', { exact: true }).waitFor();

    // The cases list, then the case page.
    await page.getByRole('menuitem', { name: /Phản ánh/ }).click();
    await page.getByText(trackingCode).waitFor({ timeout: 30_000 });
    await browser.screenshot('case-01-list-vi');
    await page.goto(`${base}/admin/cases/${id}/show`);
    await page.getByTestId('case-description').waitFor({ timeout: 30_000 });
    await page.getByTestId('case-timeline').waitFor();
    await page.getByTestId('sla-panel').waitFor();
    await page.getByTestId('location-map').waitFor();
    await page.getByTestId('personal-data').getByText('Nguyễn Văn A').waitFor();

    // The verify task: accept it through its form; the workflow answers.
    await browser.screenshot('case-02-show-vi');
    await page.locator('[data-testid="current-task"][data-step="verify"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('outcome-accept').click();
    await page.getByTestId('outcome-dialog').waitFor();
    await page.getByRole('button', { name: 'Gửi' }).click();
    await page.getByTestId('workflow-answer').waitFor({ timeout: 30_000 });
    await browser.screenshot('case-03-answer-vi');
    await page.getByTestId('close-answer').click();

    // The case has left verification (routed, or waiting for an operator to choose a unit).
    const after = await api.deps.db.case.findUniqueOrThrow({ where: { id } });
    expect(after.step).not.toBe('verify');
    await page
      .locator('[data-testid="current-task"][data-step="verify"]')
      .waitFor({ state: 'detached', timeout: 30_000 });

    // Task lists sort by any sortable column (createdAt once failed: `nulls` on a required column).
    const sorted = await page.evaluate(() =>
      fetch(`/api/admin/tasks?sort=${encodeURIComponent('["createdAt","DESC"]')}`).then((r) => r.status),
    );
    expect(sorted).toBe(200);

    expect(browser.problems).toEqual([]);
  });
});
