/**
 * The IOC's intake screen in a browser, against the real workflow: an operator takes a hotline
 * call, picks the place on the map, adds the caller's photo and phone, records it, reads the
 * tracking code back, and opens the case, whose timeline names the operator and the channel.
 */
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createApp } from '../api/app';
import { launchBrowser, type TestBrowser } from './support/browser';
import { signInToBackOffice } from './support/back-office';
import { eventually } from './support/eventually';
import { jpegWithGps } from './support/media';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let served: Served;
let browser: TestBrowser;
let worker: Awaited<ReturnType<typeof startWorker>>;
let base: string;

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  served = await serve(app);
  base = served.base;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await worker?.stop();
  await api.close();
});

it('lets an operator record a hotline call on the map, with a photo, and follow it to the case', async () => {
  const { page } = browser;
  const category = await db.category.findUniqueOrThrow({ where: { code: 'moi-truong' } });
  const operator = await db.user.findUniqueOrThrow({ where: { username: 'operator' } });
  const description = `Người gọi báo cháy rác ven đường (cuộc gọi ${randomUUID().slice(0, 8)})`;
  const photo = path.join(process.env.TEST_WORK_DIR ?? '/tmp', `intake-${randomUUID()}`, 'anh-nguoi-goi.jpg');
  mkdirSync(path.dirname(photo), { recursive: true });
  writeFileSync(photo, await jpegWithGps());

  await signInToBackOffice(page, base, 'operator', config.DEMO_PASSWORD);
  await page.getByRole('menuitem', { name: 'Nhận phản ánh qua điện thoại' }).click();
  await page.getByText('Tiếp nhận phản ánh thay người dân').first().waitFor({ timeout: 30_000 });
  await page.getByLabel('Cuộc gọi đường dây nóng').check();
  await page.getByRole('combobox', { name: /^Lĩnh vực/ }).fill(category.nameVi);
  await page.getByRole('option', { name: category.nameVi }).first().click();
  await page.getByLabel(/^Nội dung người dân phản ánh/).fill(description);

  // A click on the map puts the point into the form.
  await page.getByTestId('intake-map').waitFor();
  await page.locator('[data-testid="intake-map"].leaflet-container').waitFor({ timeout: 30_000 });
  await page.getByTestId('intake-map').click();
  await eventually(async () => expect(await page.getByLabel(/^Vĩ độ/).inputValue()).not.toBe(''));
  await page.getByLabel(/^Địa chỉ/).fill('Đường Hà Huy Tập, gần chợ');
  await page.locator('input[type="file"]').setInputFiles(photo);
  await page.getByText('anh-nguoi-goi.jpg').waitFor();
  await page.getByLabel(/^Họ tên người gọi/).fill('Phạm Thị Gọi');
  await page.getByLabel(/^Số điện thoại người gọi/).fill('0977 123 456');
  await browser.screenshot('intake-01-form-vi');
  await page.getByRole('button', { name: 'Ghi nhận phản ánh' }).click();

  // The tracking code to read back to the caller, who also gets it by SMS.
  const shown = page.getByTestId('intake-tracking-code');
  await shown.waitFor({ timeout: 60_000 });
  const trackingCode = (await shown.textContent())!.trim();
  expect(trackingCode).toMatch(/^HT-\d{4}-[2-9A-Z]{4}$/);
  await page.getByText('Người gọi sẽ nhận mã tra cứu qua SMS.').waitFor();
  await browser.screenshot('intake-02-recorded-vi');

  const row = await db.case.findUniqueOrThrow({ where: { trackingCode }, include: { media: true } });
  expect(row).toMatchObject({
    channel: 'hotline',
    description,
    categoryCode: 'moi-truong',
    address: 'Đường Hà Huy Tập, gần chợ',
    reporterName: 'Phạm Thị Gọi',
    reporterPhone: '0977 123 456',
    confidential: true,
  });
  expect(typeof row.lat).toBe('number');
  expect(typeof row.lng).toBe('number');
  expect(row.media.map((m) => m.originalName)).toEqual(['anh-nguoi-goi.jpg']);
  await eventually(async () =>
    expect(await db.notification.count({ where: { caseId: row.id, channel: 'sms', recipient: '0977123456' } })).toBe(1),
  );

  // The case page: the timeline says who took the call.
  await page.getByRole('link', { name: 'Mở phản ánh' }).click();
  await page.getByTestId('case-timeline').waitFor({ timeout: 30_000 });
  await page
    .locator('[data-testid="timeline-entry"][data-kind="received"]')
    .getByText(`Do ${operator.name} ghi nhận (Cuộc gọi đường dây nóng)`)
    .waitFor({ timeout: 30_000 });
  await browser.screenshot('intake-03-case-vi');
}, 180_000);
