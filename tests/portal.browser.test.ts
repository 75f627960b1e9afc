/**
 * The citizens' portal in a real browser, at a phone's size (360 × 740): a citizen reports with
 * a photo and sees the tracking code; then reports without a connection, sees that the report
 * is kept on the phone, comes back online, and the report arrives exactly once, its tracking
 * code shown. Vietnamese by default; no page error on the way.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { PORTAL_DIST } from '../api/routes/portal-app';
import type { TestBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { apiDependencies, testConfig } from './support/platform';
import { startPortalSession, type PortalSession } from './support/portal-session';

const config = testConfig();
const api = apiDependencies(config);
const workDir = mkdtempSync(path.join(process.env.TEST_WORK_DIR ?? os.tmpdir(), 'portal-browser-'));
const photo = path.join(workDir, 'rac-thai.jpg');
let session: PortalSession;
let browser: TestBrowser;
let base: string;

beforeAll(async () => {
  await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 120, g: 140, b: 90 } } })
    .jpeg()
    .toFile(photo);
  session = await startPortalSession(config, api);
  ({ browser, base } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await api.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function fillReport(description: string) {
  const { page } = browser;
  await page.locator('input[name="category"][value="moi-truong"]').check({ timeout: 30_000 });
  await page.getByLabel('Mô tả vấn đề').fill(description);
  await page.getByLabel('Địa chỉ').fill('Đường Hà Huy Tập, phường Thành Sen');
  await page.getByLabel('Vĩ độ').fill('18.3428');
  await page.getByLabel('Kinh độ').fill('105.9057');
  // Confidential by default.
  expect(await page.getByTestId('confidential').isChecked()).toBe(true);
}

const casesDescribed = (description: string) =>
  api.deps.db.case.findMany({ where: { description }, include: { media: true } });

describe('the portal on a phone', () => {
  it('opens in Vietnamese at 360 px without horizontal scrolling', async () => {
    const { page } = browser;
    await page.goto(`${base}/`);
    await page.getByTestId('new-report').waitFor({ timeout: 30_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    // Strings, not functions: this project's type check has no DOM types.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await browser.screenshot('portal-01-home-vi');
    // Installable: the service worker (public/sw.js) installs and caches the app shell.
    const worker = await page.evaluate<string>(
      `Promise.race([navigator.serviceWorker.ready.then((r) => r.active.scriptURL),
        new Promise((resolve) => setTimeout(() => resolve('not ready'), 15000))])`,
    );
    // Registered under the build's name, so a new build installs it again (src/main.tsx).
    expect(worker).toMatch(new RegExp(`^${base}/sw\\.js\\?build=index-[\\w-]+\\.js$`));
    const shell = await page.evaluate<boolean>(
      `caches.open('portal-shell-v1').then((c) => c.match('/')).then((r) => Boolean(r))`,
    );
    expect(shell).toBe(true);
    // Every screen is kept, those not opened yet included: the form works offline on a phone that
    // has only seen the home page (the report form, its map, tracking).
    const kept = await page.evaluate<string[]>(
      `caches.open('portal-shell-v1').then((c) => c.keys()).then((keys) => keys.map((k) => new URL(k.url).pathname))`,
    );
    const manifest = JSON.parse(readFileSync(path.join(PORTAL_DIST, 'asset-manifest.json'), 'utf8')) as Record<
      string,
      { file: string; css?: string[] }
    >;
    const built = Object.values(manifest).flatMap((entry) => [entry.file, ...(entry.css ?? [])].map((f) => `/${f}`));
    expect(built.some((file) => /\/Report-.*\.js$/.test(file))).toBe(true);
    expect(kept).toEqual(expect.arrayContaining(built));
    await page.context().setOffline(true);
    await page.goto(`${base}/report`);
    await page.locator('input[name="category"][value="moi-truong"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('offline-banner').waitFor();
    await browser.screenshot('portal-01c-form-offline-first-visit');
    await page.context().setOffline(false);
    await page.goto(`${base}/`);
    await page.getByTestId('new-report').waitFor({ timeout: 30_000 });

    // English, and back: the choice is kept on the device.
    await page.getByTestId('language-switch').click();
    await page.getByRole('link', { name: 'Make a new report' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await browser.screenshot('portal-01b-home-en');
    await page.getByTestId('language-switch').click();
    await page.getByRole('link', { name: 'Gửi phản ánh mới' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('submits a report with a photo and shows the tracking code', async () => {
    const { page } = browser;
    const description = `Rác thải đổ trộm ven đường, có ảnh ${Date.now()}`;
    await page.getByTestId('new-report').click();
    await fillReport(description);
    await page.getByTestId('media-input').setInputFiles(photo);
    await page.locator('[data-testid="previews"] img').waitFor();
    await browser.screenshot('portal-02-form-with-photo');
    await page.locator('button[type="submit"]').click();

    const code = page.getByTestId('tracking-code');
    await code.waitFor({ timeout: 30_000 });
    const trackingCode = (await code.textContent())!.trim();
    expect(trackingCode).toMatch(/^HT-\d{4}-[2-9A-Z]{4}$/);
    await browser.screenshot('portal-03-sent');

    const cases = await casesDescribed(description);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.trackingCode).toBe(trackingCode);
    expect(cases[0]!.confidential).toBe(true);
    expect(cases[0]!.media.filter((m) => m.purpose === 'report')).toHaveLength(1);

    // Kept on the device: "my reports" on the home page links to it.
    await page.getByRole('link', { name: 'Trang chủ' }).click();
    await page.getByTestId('my-reports').getByRole('link', { name: trackingCode }).click();
    await page.getByTestId('case-status').waitFor({ timeout: 30_000 });
    // The reporter's own photo, read with the token kept on the device.
    await page.locator('img[src^="data:image/"][alt="Tệp đính kèm 1"]').waitFor({ timeout: 30_000 });
    await browser.screenshot('portal-04-track');
  });

  it('keeps a report made offline on the device and sends it exactly once when back online', async () => {
    const { page, context } = browser;
    const description = `Cống thoát nước bị tắc, gửi khi mất mạng ${Date.now()}`;
    await page.goto(`${base}/report`);
    await fillReport(description);

    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('queued').waitFor({ timeout: 30_000 });
    await browser.screenshot('portal-05-queued-offline');
    // Still on the device only, after a few retries' worth of time.
    await page.waitForTimeout(1_000);
    expect(await casesDescribed(description)).toHaveLength(0);

    await context.setOffline(false);
    const code = page.getByTestId('tracking-code');
    await code.waitFor({ timeout: 60_000 });
    const trackingCode = (await code.textContent())!.trim();
    await browser.screenshot('portal-06-sent-after-reconnect');

    // More "online" events find nothing left to send.
    await page.evaluate("for (let i = 0; i < 3; i++) window.dispatchEvent(new Event('online'))");
    await page.waitForTimeout(1_000);
    const cases = await eventually(async () => {
      const found = await casesDescribed(description);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(cases[0]!.trackingCode).toBe(trackingCode);
    // Nothing left in the outbox (src/outbox.ts).
    const pending = await page.evaluate<number>(`new Promise((resolve, reject) => {
      const open = indexedDB.open('ihatinh-portal');
      open.onsuccess = () => {
        const count = open.result.transaction('outbox').objectStore('outbox').count();
        count.onsuccess = () => resolve(count.result);
        count.onerror = () => reject(count.error);
      };
      open.onerror = () => reject(open.error);
    })`);
    expect(pending).toBe(0);

    expect(browser.problems).toEqual([]);
  });
});
