/**
 * Duplicate hints in the portal, in a browser at a phone's size: a citizen about to report a
 * pothole that is already being handled 8 m away sees that report (distance, status) once the
 * category and the place are chosen, taps "I see this too", and follows it instead: no new
 * report is sent, and the case counts one more citizen.
 */
import { randomUUID } from 'node:crypto';
import type { TestBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { apiDependencies, testConfig } from './support/platform';
import { startPortalSession, type PortalSession } from './support/portal-session';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let session: PortalSession;
let browser: TestBrowser;
let base: string;
const caseId = randomUUID();
const trackingCode = `HT-2026-${randomUUID()
  .slice(0, 4)
  .toUpperCase()
  .replace(/[^2-9A-HJKMNP-TV-Z]/g, 'Z')}`;
// A point of our own, away from where other suites report.
const origin = { lat: 18.21 + Math.random() / 100, lng: 105.66 + Math.random() / 100 };

beforeAll(async () => {
  session = await startPortalSession(config, api);
  ({ browser, base } = session);
  await db.case.create({
    data: {
      id: caseId,
      trackingCode,
      requestFingerprint: 'test',
      categoryCode: 'giao-thong',
      description: 'Ổ gà sâu giữa làn xe máy, đã có người ngã',
      status: 'processing',
      step: 'process',
      receivedAt: new Date(),
      lat: origin.lat + 8 / 111_195,
      lng: origin.lng,
      reporterName: 'Người Báo Trước',
    },
  });
  await db.caseTimelineEntry.create({
    data: { caseId, seq: 1, kind: 'verified', visibility: 'public', at: new Date() },
  });
}, 120_000);

afterAll(async () => {
  await db.case.deleteMany({ where: { id: caseId } });
  await session?.close();
  await api.close();
});

it('shows the open report nearby and lets the citizen follow it instead of sending a new one', async () => {
  const { page } = browser;
  const before = await db.case.count();
  await page.goto(`${base}/report`);
  await page.locator('input[name="category"][value="giao-thong"]').check({ timeout: 30_000 });
  await page.getByLabel('Mô tả vấn đề').fill('Ổ gà lớn trước cổng chợ, rất nguy hiểm');
  await page.getByLabel('Vĩ độ').fill(origin.lat.toFixed(6));
  await page.getByLabel('Kinh độ').fill(origin.lng.toFixed(6));

  const hint = page.locator(`[data-testid="nearby-report"][data-code="${trackingCode}"]`);
  await hint.waitFor({ timeout: 30_000 });
  await hint.getByText('cách 8 m').waitFor();
  await hint.getByText('Ổ gà sâu giữa làn xe máy, đã có người ngã').waitFor();
  expect(await page.getByTestId('nearby-hint').textContent()).not.toContain('Người Báo Trước');
  await hint.scrollIntoViewIfNeeded();
  await browser.screenshot('portal-nearby-01-hint-vi');

  await hint.getByRole('button', { name: 'Tôi cũng gặp vấn đề này' }).click();
  const followed = page.getByTestId('followed');
  await followed.waitFor({ timeout: 30_000 });
  await followed.getByText(`Bạn đang theo dõi phản ánh ${trackingCode}; hiện có 1 người cùng phản ánh.`).waitFor();
  await browser.screenshot('portal-nearby-02-followed-vi');

  // Counted once on the case; nothing new was reported.
  await eventually(async () => expect(await db.caseMeToo.count({ where: { caseId } })).toBe(1));
  expect(await db.case.count()).toBe(before);
  expect(await db.case.count({ where: { description: 'Ổ gà lớn trước cổng chợ, rất nguy hiểm' } })).toBe(0);
  // The report followed opens from there.
  await page.getByRole('link', { name: /Xem phản ánh/ }).click();
  await page.getByText(trackingCode).first().waitFor({ timeout: 30_000 });
}, 120_000);
