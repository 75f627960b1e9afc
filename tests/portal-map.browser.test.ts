/**
 * The portal's maps in a real browser at a phone's size (360 × 740), under the real
 * Content-Security-Policy: tiles come from a tile server this test runs (MAP_TILE_URL), the
 * report form's pin and the coordinates follow each other, the commune of the point is
 * preselected, and the case keeps the point and the commune. With a tile server that refuses
 * connections, the form says so and still sends a report with typed coordinates and an address.
 * The public map (/map) shows a published case as a pin and in its list, with no personal data.
 *
 * For the time of this file, the seeded ward Vũng Áng (18823, used by no other suite) has a
 * boundary: a square of 0.002° around 18.22, 105.52, where no other suite reports; it is restored
 * afterwards. It exists before the app's database client first reads boundaries, so the
 * one-minute cache of findCommuneOfPoint cannot hide it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { createApp } from '../api/app';
import { Prisma } from '../prisma/generated/client';
import { baseUrl, launchBrowser, type TestBrowser } from './support/browser';
import { CitizenCases } from './support/citizen-cases';
import { eventually } from './support/eventually';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';

const COMMUNE = '18823';
const BOUNDARY = {
  type: 'Polygon',
  coordinates: [
    [
      [105.519, 18.219],
      [105.521, 18.219],
      [105.521, 18.221],
      [105.519, 18.221],
      [105.519, 18.219],
    ],
  ],
};
const REPORTER = { name: 'Trần Thị Bí Mật', phone: '0977 123 456', email: 'bimat.map@example.vn' };

const api = apiDependencies(testConfig());
const db = api.deps.db;
let tileServer: Server;
let tileRequests = 0;
/** The Referer of the tile requests: OpenStreetMap's tile policy wants the page's origin. */
const tileReferers = new Set<string | undefined>();
let worker: Awaited<ReturnType<typeof startWorker>>;
/** The portal with the test's tile server, and the same portal whose tile server refuses connections. */
let withTiles: Server;
let withoutTiles: Server;
let browser: TestBrowser;
let previousBoundary: Prisma.JsonValue = null;

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
async function stop(server: Server | undefined) {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
}
/** A port nothing listens on: connections to it are refused at once. */
async function refusedPort(): Promise<number> {
  const server = await listen(createServer());
  const { port } = server.address() as AddressInfo;
  await stop(server);
  return port;
}

beforeAll(async () => {
  const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: { r: 170, g: 211, b: 223 } } })
    .png()
    .toBuffer();
  tileServer = await listen(
    createServer((req, res) => {
      if (!/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) return void res.writeHead(404).end();
      tileRequests += 1;
      tileReferers.add(req.headers.referer);
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': tile.length }).end(tile);
    }),
  );

  previousBoundary = (await db.commune.findUniqueOrThrow({ where: { code: COMMUNE } })).boundary;
  await db.commune.update({ where: { code: COMMUNE }, data: { boundary: BOUNDARY } });

  const config = { ...api.deps.config, MAP_TILE_URL: `${baseUrl(tileServer)}/{z}/{x}/{y}.png` };
  const refused = { ...config, MAP_TILE_URL: `http://127.0.0.1:${await refusedPort()}/{z}/{x}/{y}.png` };
  worker = await startWorker(config, await bundleWorkflows());
  const generous = { limit: 1_000, windowMs: 60_000 };
  const limits = { citizenRateLimits: { reports: generous, citizenActions: generous } };
  withTiles = await listen(createServer(createApp({ ...api.deps, config, ...limits })));
  withoutTiles = await listen(createServer(createApp({ ...api.deps, config: refused, ...limits })));
  browser = await launchBrowser();
  await browser.page.setViewportSize({ width: 360, height: 740 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stop(withTiles);
  await stop(withoutTiles);
  await stop(tileServer);
  await worker?.stop();
  await db.commune.update({ where: { code: COMMUNE }, data: { boundary: previousBoundary ?? Prisma.DbNull } });
  await api.close();
});

/**
 * axe-core's WCAG 2.1 A/AA violations of the page, as `rule: targets` (evaluated through the
 * DevTools protocol, which the page's CSP does not govern).
 */
async function accessibilityViolations(): Promise<string[]> {
  const { page } = browser;
  await page.evaluate(`${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')}; 0`);
  return page.evaluate<string[]>(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] })
      .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  );
}

/** Sends the form; the one case with this description, once the tracking code shows. */
async function submitReport(description: string) {
  await browser.page.locator('button[type="submit"]').click();
  await browser.page.getByTestId('tracking-code').waitFor({ timeout: 30_000 });
  return eventually(async () => {
    const found = await db.case.findMany({ where: { description } });
    expect(found).toHaveLength(1);
    return found[0]!;
  });
}

async function startReport(base: string, description: string) {
  const { page } = browser;
  await page.goto(`${base}/report`);
  await page.locator('input[name="category"][value="moi-truong"]').check({ timeout: 30_000 });
  await page.getByLabel('Mô tả vấn đề').fill(description);
}

/** Puts the report form's map in the middle of the screen, clear of the bottom navigation, and returns its box. */
async function mapBox() {
  const { page } = browser;
  await page.evaluate(`document.querySelector('[data-testid="point-picker"]').scrollIntoView({ block: 'center' })`);
  return (await page.getByTestId('point-picker').boundingBox())!;
}

const inputs = async () => ({
  lat: Number(await browser.page.getByLabel('Vĩ độ').inputValue()),
  lng: Number(await browser.page.getByLabel('Kinh độ').inputValue()),
});
const inBoundary = ({ lat, lng }: { lat: number; lng: number }) =>
  lat > 18.219 && lat < 18.221 && lng > 105.519 && lng < 105.521;

describe('the report form’s map', () => {
  it('shows tiles under the CSP; the pin, the coordinates and the commune follow each other; the case keeps them', async () => {
    const { page } = browser;
    const description = `Ổ gà lớn giữa đường, chọn trên bản đồ ${Date.now()}`;
    await startReport(baseUrl(withTiles), description);

    // Tiles from the configured server, loaded for real (the CSP allows its origin).
    await page.waitForFunction(
      `[...document.querySelectorAll('[data-testid="point-picker"] img.leaflet-tile')].some((img) => img.complete && img.naturalWidth > 0)`,
      undefined,
      { timeout: 30_000 },
    );
    expect(tileRequests).toBeGreaterThan(0);
    expect([...tileReferers]).toEqual([`${baseUrl(withTiles)}/`]); // the origin only, despite no-referrer
    expect(await page.getByRole('region', { name: 'Bản đồ chọn vị trí phản ánh' }).count()).toBe(1);
    expect(await page.getByTestId('map-unavailable').count()).toBe(0);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // "Use my location" just north of the ward: the coordinates are filled in, the map centres on the
    // pin there, and no commune contains it.
    await browser.context.grantPermissions(['geolocation']);
    await browser.context.setGeolocation({ latitude: 18.2215, longitude: 105.52, accuracy: 8 });
    await page.getByTestId('locate').click();
    await eventually(async () => expect(await inputs()).toEqual({ lat: 18.2215, lng: 105.52 }));
    const pin = page.locator('[data-testid="point-picker"] .map-pin-report');
    await pin.waitFor();
    const frame = await mapBox();
    await eventually(async () => {
      const tip = (await pin.boundingBox())!;
      expect(Math.abs(tip.x + tip.width / 2 - (frame.x + frame.width / 2))).toBeLessThan(2);
      expect(Math.abs(tip.y + tip.height - (frame.y + frame.height / 2))).toBeLessThan(3);
    });
    await page.getByText('Chưa xác định được xã, phường từ vị trí này').waitFor();
    expect(await page.getByLabel('Xã, phường').inputValue()).toBe('');
    await browser.screenshot('portal-map-01-typed-point');

    // A tap about 70 px south (≈ 0.0015° at zoom 16) moves the pin into the ward: the inputs follow,
    // and the ward is preselected.
    const box = await mapBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 + 70);
    const tapped = await eventually(async () => {
      const point = await inputs();
      expect(inBoundary(point)).toBe(true);
      return point;
    });
    await eventually(async () => expect(await page.getByLabel('Xã, phường').inputValue()).toBe(COMMUNE));
    await page.getByText('Theo vị trí đã chọn: Phường Vũng Áng').waitFor();

    // Dragging the pin 30 px east changes the longitude only.
    const at = (await pin.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2 + 15, at.y + at.height / 2, { steps: 5 });
    await page.mouse.move(at.x + at.width / 2 + 30, at.y + at.height / 2, { steps: 5 });
    await page.mouse.up();
    const dragged = await eventually(async () => {
      const point = await inputs();
      expect(point.lng).toBeGreaterThan(tapped.lng);
      return point;
    });
    expect(dragged.lat).toBeCloseTo(tapped.lat, 4); // a sub-pixel slip at most
    expect(inBoundary(dragged)).toBe(true);
    await browser.screenshot('portal-map-02-pin-and-commune');
    expect(await accessibilityViolations()).toEqual([]);

    const made = await submitReport(description);
    expect(made).toMatchObject({ lat: dragged.lat, lng: dragged.lng, communeCode: COMMUNE });
  });

  it('says so when tiles cannot load, and a report with typed coordinates and an address still goes', async () => {
    const { page } = browser;
    const description = `Cây đổ chắn lối đi, bản đồ không tải được ${Date.now()}`;
    await startReport(baseUrl(withoutTiles), description);
    await page
      .getByTestId('map-unavailable')
      .getByText('Không tải được bản đồ. Bạn vẫn gửi được phản ánh: nhập toạ độ hoặc địa chỉ bên dưới.')
      .waitFor({ timeout: 30_000 });

    // A commune chosen by hand stays chosen when the point is found in another one.
    await page.getByLabel('Xã, phường').selectOption('18073');
    await page.getByLabel('Vĩ độ').fill('18.22');
    await page.getByLabel('Kinh độ').fill('105.52');
    await page.getByLabel('Địa chỉ').fill('Ngõ 3, đường Trần Phú');
    await page.getByText('Theo vị trí đã chọn: Phường Vũng Áng').waitFor();
    expect(await page.getByLabel('Xã, phường').inputValue()).toBe('18073');
    // The typed point has its pin, even without tiles.
    await page.locator('[data-testid="point-picker"] .map-pin-report').waitFor();
    await browser.screenshot('portal-map-03-no-tiles');

    const made = await submitReport(description);
    expect(made).toMatchObject({ lat: 18.22, lng: 105.52, address: 'Ngõ 3, đường Trần Phú', communeCode: '18073' });
  });
});

describe('the public map', () => {
  it('shows a published case as a pin and in the list, reloads with the area, and shows no personal data', async () => {
    const { page } = browser;
    const cases = new CitizenCases(api.deps, api.deps.config);
    const published = await cases.report({
      categoryCode: 'giao-thong',
      description: 'Biển báo giao thông bị đổ ở ngã ba',
      location: { lat: 18.4, lng: 105.7, address: 'Ngã ba Thạch Hà', communeCode: COMMUNE },
      reporter: REPORTER,
    });
    await cases.publish(published, COMMUNE);

    // From the home page, not from the bottom navigation.
    await page.goto(`${baseUrl(withTiles)}/`);
    await page.getByTestId('map-link').click();
    await page.getByRole('heading', { name: 'Bản đồ phản ánh' }).waitFor();
    const entry = page.getByTestId('map-list').locator(`a[href="/track/${published.trackingCode}"]`);
    await entry.waitFor({ timeout: 30_000 });
    expect(await entry.textContent()).toContain('Hạ tầng giao thông');
    await page.waitForFunction(
      `[...document.querySelectorAll('[data-testid="reports-map"] img.leaflet-tile')].some((img) => img.complete && img.naturalWidth > 0)`,
      undefined,
      { timeout: 30_000 },
    );
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    const marker = page.locator(`[data-testid="reports-map"] [data-tracking-code="${published.trackingCode}"]`);
    await marker.click();
    const popup = page.getByTestId('map-popup');
    await popup.waitFor();
    expect(await popup.textContent()).toMatch(/Hạ tầng giao thông.*Đã trả lời/);
    expect(await popup.getByRole('link', { name: 'Xem chi tiết' }).getAttribute('href')).toBe(
      `/track/${published.trackingCode}`,
    );
    await page.waitForTimeout(400); // the popup's fade and the map's pan to show it
    await browser.screenshot('portal-map-04-public-map');
    expect(await accessibilityViolations()).toEqual([]);
    const html = await page.content();
    for (const personal of Object.values(REPORTER)) expect(html).not.toContain(personal);

    // Another category: the case leaves the map and the list; back to all categories, it returns.
    await page.getByLabel('Lĩnh vực').selectOption('moi-truong');
    await entry.waitFor({ state: 'detached' });
    expect(await marker.count()).toBe(0);
    await page.getByLabel('Lĩnh vực').selectOption('');
    await entry.waitFor();

    // Moved east with the keyboard (80 px a press, each after the last pan's animation), the case is
    // outside the area: the reports are reloaded.
    const pan = async (key: string) => {
      for (let i = 0; i < 8; i += 1) {
        await page.keyboard.press(key);
        await page.waitForTimeout(300);
      }
    };
    await page.getByRole('region', { name: 'Bản đồ các phản ánh đã xử lý' }).focus();
    await pan('ArrowRight');
    await entry.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await marker.count()).toBe(0);
    await pan('ArrowLeft');
    await entry.waitFor({ timeout: 15_000 });

    // The popup's link leads to the case's page.
    await marker.click();
    await popup.getByRole('link', { name: 'Xem chi tiết' }).click();
    await page.waitForURL(`**/track/${published.trackingCode}`);
    await page.getByTestId('case-status').waitFor({ timeout: 30_000 });

    expect(browser.problems).toEqual([]);
  });
});
