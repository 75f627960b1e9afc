/**
 * The back office shows and reads Hà Tĩnh time (Asia/Ho_Chi_Minh) on a computer set to another
 * zone: an administrator in New York (Chromium's zone, 12 hours behind Hà Tĩnh in December)
 * sees a new case's times in the cases list, and on its page (received, timeline, deadline) as
 * Hà Tĩnh's clock shows them, and the audit log too; in an announcement's form, the time shown
 * and the time typed are Hà Tĩnh's, read back through the API.
 */
import type { Page } from 'playwright-core';
import request from 'supertest';
import { createApp } from '../api/app';
import { signInToBackOffice } from './support/back-office';
import { launchBrowser, type TestBrowser } from './support/browser';
import { REPORT } from './support/case-driver';
import { eventually } from './support/eventually';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';

const config = testConfig();
const api = apiDependencies(config);
const { db } = api.deps;
const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
const as = officialSessions(() => app, config.DEMO_PASSWORD);
let served: Served;
let browser: TestBrowser;
let worker: Awaited<ReturnType<typeof startWorker>>;
let announcementId: string | undefined;
const UI = 30_000;
const BROWSER_ZONE = 'America/New_York';

/** How Vietnamese officials read an instant, on a given zone's clock ("14:30:00 6/12/2026"). */
const clock = (zone: string) => (instant: Date | string) =>
  new Date(instant).toLocaleString('vi-VN', { timeZone: zone });
const haTinh = clock('Asia/Ho_Chi_Minh');
const newYork = clock(BROWSER_ZONE);

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  served = await serve(app);
  browser = await launchBrowser({ timezoneId: BROWSER_ZONE });
}, 120_000);

afterAll(async () => {
  if (announcementId) await db.announcement.deleteMany({ where: { id: announcementId } });
  await browser?.close();
  await served?.close();
  await worker?.stop();
  await api.close();
});

/** The text of an element, once it contains `expected` (the page may still be loading data). */
async function expectShown(page: Page, testIdOrSelector: string, expected: string): Promise<string> {
  const element = page.locator(testIdOrSelector).first();
  await element.filter({ hasText: expected }).waitFor({ timeout: UI });
  return element.innerText();
}

describe('Hà Tĩnh time in the back office, on a computer in New York', () => {
  it('shows a case, its timeline and deadline, and the audit log on Hà Tĩnh’s clock', async () => {
    const created = await request(app)
      .post('/api/v1/reports')
      .send({ ...REPORT, description: `${REPORT.description} (múi giờ)` })
      .expect(201);
    const { id, trackingCode } = created.body as { id: string; trackingCode: string };
    const stored = await eventually(async () => {
      const row = await db.case.findUniqueOrThrow({ where: { id }, include: { timeline: true } });
      expect(row.deadline).not.toBeNull();
      expect(row.timeline.length).toBeGreaterThanOrEqual(2);
      return row;
    });

    const { page } = browser;
    await signInToBackOffice(page, served.base, 'admin', config.DEMO_PASSWORD);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(BROWSER_ZONE);

    // The cases list: received and deadline.
    await page.goto(`${served.base}/admin/cases`);
    const row = page.getByRole('row').filter({ hasText: trackingCode });
    await row.filter({ hasText: haTinh(stored.deadline!) }).waitFor({ timeout: UI });
    const rowText = await row.innerText();
    expect(rowText).toContain(haTinh(stored.createdAt));
    expect(rowText).not.toContain(newYork(stored.createdAt));

    // The case page: received, every timeline entry, the step's deadline.
    await page.goto(`${served.base}/admin/cases/${id}/show`);
    await page.getByTestId('case-description').waitFor({ timeout: UI });
    const content = await expectShown(page, 'main', haTinh(stored.receivedAt));
    expect(content).not.toContain(newYork(stored.receivedAt));
    const timeline = await expectShown(page, '[data-testid="case-timeline"]', haTinh(stored.timeline[0]!.at));
    for (const entry of stored.timeline) {
      expect(timeline).toContain(haTinh(entry.at));
      expect(timeline).not.toContain(newYork(entry.at));
    }
    const sla = await expectShown(page, '[data-testid="sla-panel"]', haTinh(stored.deadline!));
    expect(sla).not.toContain(newYork(stored.deadline!));
    await browser.screenshot('time-zone-01-case-new-york');

    // The audit log: the newest entry (this administrator's sign-in at the latest).
    const [entry] = (
      await request(app)
        .get('/api/admin/audit-log')
        .query({ sort: '["at","DESC"]', range: '[0,0]' })
        .set('Cookie', await as('admin'))
        .expect(200)
    ).body as { at: string }[];
    await page.goto(`${served.base}/admin/audit-log`);
    await expectShown(page, 'main', haTinh(entry!.at));
    expect(browser.problems).toEqual([]);
  });

  it('shows and reads the times typed in a form as Hà Tĩnh’s', async () => {
    const admin = await as('admin');
    const unit = await db.unit.findUniqueOrThrow({ where: { code: '18073' } });
    // 08:00 on 24 December in Hà Tĩnh: 20:00 the day before in New York.
    const validFrom = '2026-12-24T01:00:00.000Z';
    const created = await request(app)
      .post('/api/admin/announcements')
      .set('Cookie', admin)
      .send({
        unitId: unit.id,
        kind: 'notice',
        severity: 'info',
        titleVi: 'Lịch tiếp công dân dịp cuối năm',
        bodyVi: 'Bộ phận một cửa làm việc cả sáng thứ Bảy.',
        communeCodes: ['18073'],
        validFrom,
      })
      .expect(201);
    announcementId = created.body.id as string;

    const { page } = browser;
    await page.goto(`${served.base}/admin/announcements/${announcementId}`);
    const from = page.locator('input[name="validFrom"]');
    await from.waitFor({ timeout: UI });
    expect(await from.inputValue()).toBe('2026-12-24T08:00');

    // The official types 17:00 on 31 December, Hà Tĩnh time.
    await page.fill('input[name="validUntil"]', '2026-12-31T17:00');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await eventually(async () => {
      const read = await request(app)
        .get(`/api/admin/announcements/${announcementId}`)
        .set('Cookie', admin)
        .expect(200);
      expect(read.body).toMatchObject({ validFrom, validUntil: '2026-12-31T10:00:00.000Z' });
    });

    // Its page shows both on Hà Tĩnh's clock.
    await page.goto(`${served.base}/admin/announcements/${announcementId}/show`);
    const shown = await expectShown(page, 'main', haTinh(validFrom));
    expect(shown).toContain(haTinh('2026-12-31T10:00:00.000Z'));
    await browser.screenshot('time-zone-02-announcement-new-york');
    expect(browser.problems).toEqual([]);
  });
});
