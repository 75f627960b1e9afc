/**
 * Notifications in the back office, in a real browser: a unit leader's bell counts their unread
 * in-app notifications and is pushed a new one live (server-sent events, no reload); its menu shows
 * the subject with its Vietnamese diacritics. The leader writes and publishes an announcement for
 * their unit. An administrator edits a notification template's subject and sees the preview follow.
 */
import { randomUUID } from 'node:crypto';
import { createApp } from '../api/app';
import { launchBrowser, type TestBrowser } from './support/browser';
import { apiDependencies, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';
import { signInToBackOffice } from './support/back-office';

/** What the page code below uses of the browser (the root tsconfig has no DOM library). */
type PageGlobals = {
  document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
};

const config = testConfig();
const api = apiDependencies(config);
const { db } = api.deps;
let served: Served;
let browser: TestBrowser;
let base: string;
const dedupeKey = `test:admin-bell:${randomUUID()}`;
const marker = randomUUID().slice(0, 8);
const announcementTitle = `Cảnh báo ngập úng đường Lê Lợi ${marker}`;

beforeAll(async () => {
  const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  served = await serve(app);
  ({ base } = served);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await db.notification.deleteMany({ where: { dedupeKey } });
  await db.announcement.deleteMany({ where: { titleVi: announcementTitle } });
  await api.close();
});

const signIn = (username: string) => signInToBackOffice(browser.page, base, username, config.DEMO_PASSWORD);

async function signOut() {
  const { page } = browser;
  await page.getByRole('button', { name: 'Hồ sơ' }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  await page.locator('input[name="username"]').waitFor();
}

const bellCount = () =>
  browser.page
    .getByTestId('notification-bell')
    .getAttribute('data-count')
    .then((value) => (value === null || value === '' ? undefined : Number(value)));

describe('notifications in the back office', () => {
  it('pushes a new notification to the bell, publishes an announcement, previews a template', async () => {
    const { page } = browser;
    const leader = await db.user.findUniqueOrThrow({ where: { username: '18073.leader' } });

    // The bell, with the unread count the stream sent when it opened.
    await signIn('18073.leader');
    // Page code runs in the browser; the root type check has no DOM types, hence the small cast.
    await page.waitForFunction(
      () =>
        (globalThis as unknown as PageGlobals).document
          .querySelector('[data-testid="notification-bell"]')
          ?.getAttribute('data-count') !== '',
      undefined,
      { timeout: 15_000 },
    );
    const before = (await bellCount())!;
    expect(before).toBe(
      await db.notification.count({ where: { channel: 'in_app', recipient: leader.id, readAt: null } }),
    );
    await browser.screenshot('notifications-01-bell-before');

    // A new in-app notification reaches the open page without a reload.
    const subject = `Phản ánh mới cần xử lý: đường ngập nước ở phường Hạc Thành (${marker})`;
    await db.notification.create({
      data: {
        dedupeKey,
        event: 'new_task',
        channel: 'in_app',
        recipient: leader.id,
        recipientKind: 'official',
        locale: 'vi',
        subject,
        body: 'Có phản ánh mới chờ đơn vị tiếp nhận.',
        state: 'sent',
        sentAt: new Date(),
      },
    });
    const url = page.url();
    await page.waitForFunction(
      (expected) =>
        (globalThis as unknown as PageGlobals).document
          .querySelector('[data-testid="notification-bell"]')
          ?.getAttribute('data-count') === String(expected),
      before + 1,
      { timeout: 12_000 },
    );
    expect(page.url()).toBe(url);
    await browser.screenshot('notifications-02-bell-incremented');

    // The menu lists it, diacritics intact.
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').filter({ hasText: subject }).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500); // the menu's fade-in, for the screenshot
    await browser.screenshot('notifications-03-bell-menu');
    await page.keyboard.press('Escape');

    // The leader writes an announcement for their unit and publishes it.
    await page.goto(`${base}/admin/announcements/create`);
    await page.locator('input[name="titleVi"]').waitFor({ timeout: 20_000 });
    await page.fill('input[name="titleVi"]', announcementTitle);
    await page.fill('textarea[name="bodyVi"]', 'Nước ngập sâu 40 cm, đề nghị người dân tránh đi qua khu vực.');
    await browser.screenshot('notifications-04-announcement-create');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('announcement-publish').waitFor({ timeout: 20_000 });
    await page.getByText(announcementTitle).first().waitFor();
    await page.getByTestId('announcement-publish').click();
    await page.getByText(/Đã đăng \(\d+ cảnh báo/).waitFor({ timeout: 10_000 });
    await page.getByTestId('announcement-unpublish').waitFor();
    await browser.screenshot('notifications-05-announcement-published');
    const stored = await db.announcement.findFirstOrThrow({ where: { titleVi: announcementTitle } });
    expect(stored.publishedAt).not.toBeNull();
    await signOut();

    // The administrator edits a template's subject; the preview follows.
    await signIn('admin');
    await page.goto(`${base}/admin/notification-templates`);
    await page.getByText('case_received').first().waitFor({ timeout: 20_000 });
    await browser.screenshot('notifications-06-templates-list');
    await page.goto(`${base}/admin/notification-templates/case_received.vi`);
    await page.getByTestId('preview-subject').waitFor({ timeout: 20_000 });
    await page.getByTestId('template-variables').waitFor();
    const edited = `Đã tiếp nhận phản ánh {{trackingCode}} — bản thử ${marker}`;
    await page.fill('input[name="subject"]', edited);
    await page
      .getByTestId('preview-subject')
      .filter({ hasText: `bản thử ${marker}` })
      .waitFor({ timeout: 10_000 });
    const previewed = await page.getByTestId('preview-subject').innerText();
    expect(previewed).not.toContain('{{trackingCode}}');
    await browser.screenshot('notifications-07-template-preview');

    expect(browser.problems).toEqual([]);
  }, 180_000);
});
