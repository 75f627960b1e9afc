/**
 * An administrator imports the communes' boundaries in the back office: a file with a problem is
 * refused with the feature named, a good file is previewed and then imported, and a commune's page
 * shows what its boundary amounts to and can remove it. The squares lie in the sea east of the
 * province (no other suite reports there) and are removed afterwards.
 */
import { createApp } from '../api/app';
import { optionalJson } from '../api/services/admin/admin-actor';
import type { Commune } from '../prisma/generated/client';
import { launchBrowser, type TestBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { square } from './support/geo';
import { apiDependencies, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';
import { signInToBackOffice } from './support/back-office';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
const [FIRST, SECOND] = ['18832', '18823'];
let originals: Commune[] = [];
let served: Served;
let browser: TestBrowser;
let base: string;

const featureCollection = (features: object[]) => ({
  name: 'ranh-gioi-xa.geojson',
  mimeType: 'application/geo+json',
  buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
});
const feature = (code: string, lat: number, lng: number) => ({
  type: 'Feature',
  properties: { ma_xa: code },
  geometry: square(lat, lng, 0.004),
});

beforeAll(async () => {
  originals = await db.commune.findMany({ where: { code: { in: [FIRST, SECOND] } } });
  const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  served = await serve(app);
  ({ base } = served);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  for (const { code, boundary } of originals)
    await db.commune.update({ where: { code }, data: { boundary: optionalJson(boundary) } });
  await browser?.close();
  await served?.close();
  await api.close();
});

describe('communes in the back office', () => {
  it('imports their boundaries from a GeoJSON file, refusing a file with a problem', async () => {
    const { page } = browser;
    await signInToBackOffice(page, base, 'admin', config.DEMO_PASSWORD);
    // The home page tells the administrator what to complete, with a link to it.
    const warnings = page.getByTestId('configuration-warnings');
    await warnings.getByText(/xã, phường chưa có ranh giới/).waitFor({ timeout: 30_000 });
    await browser.screenshot('admin-communes-00-warnings');
    await page.getByRole('menuitem', { name: 'Xã, phường' }).click();
    await page.getByText('Hoành Sơn').waitFor({ timeout: 30_000 });

    await page.getByTestId('import-boundaries').click();
    await page.getByLabel('Thuộc tính chứa mã xã/phường').fill('ma_xa');
    await page
      .getByTestId('boundary-file')
      .setInputFiles(featureCollection([feature(FIRST, 17.95, 106.55), feature('99999', 17.95, 106.56)]));
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('#2: Mã xã/phường không có trong danh mục của tỉnh.');
    await browser.screenshot('admin-communes-01-refused');

    await page
      .getByTestId('boundary-file')
      .setInputFiles(featureCollection([feature(FIRST, 17.95, 106.55), feature(SECOND, 17.95, 106.56)]));
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByTestId('import-preview').getByText('Sẽ cập nhật 2 xã/phường, 0 không đổi.').waitFor();
    // Only previewed so far.
    const stored = await db.commune.findMany({ where: { code: { in: [FIRST, SECOND] } }, orderBy: { code: 'asc' } });
    expect(stored.map((c) => c.boundary)).toEqual(
      [...originals].sort((a, b) => a.code.localeCompare(b.code)).map((c) => c.boundary),
    );
    await browser.screenshot('admin-communes-02-preview');
    await page.getByTestId('import-apply').click();
    await page.getByText('Đã nhập ranh giới của 2 xã/phường.').waitFor();
    await eventually(async () => {
      const stored = await db.commune.findUniqueOrThrow({ where: { code: SECOND } });
      expect(stored.boundary).toEqual(square(17.95, 106.56, 0.004));
    });

    // One commune's page: what its boundary amounts to, and removing it.
    await page.getByText('Hoành Sơn').click();
    const boundary = page.getByTestId('commune-boundary');
    await boundary.getByText('Polygon: 1 vùng, 5 điểm', { exact: false }).waitFor({ timeout: 30_000 });
    await browser.screenshot('admin-communes-03-edit');
    await page.getByRole('button', { name: 'Xóa ranh giới' }).click();
    await boundary.getByText('Chưa có ranh giới', { exact: false }).waitFor();
    // Communes are set by law: made inactive, never deleted.
    expect(await page.getByRole('button', { name: 'Xóa', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await eventually(async () => {
      expect((await db.commune.findUniqueOrThrow({ where: { code: FIRST } })).boundary).toBeNull();
    });
    expect(browser.problems).toEqual([]);
  });
});
