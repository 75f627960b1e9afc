/**
 * The back office in a real browser: a unit leader signs in at /admin (Vietnamese by default),
 * sees the task inbox with its counters, switches to English and signs out. No untranslated key,
 * no page error on the way.
 */
import { createApp } from '../api/app';
import { launchBrowser, type TestBrowser } from './support/browser';
import { apiDependencies, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';

const config = testConfig();
const api = apiDependencies(config);
let served: Served;
let browser: TestBrowser;
let base: string;

beforeAll(async () => {
  const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  served = await serve(app);
  ({ base } = served);
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await api.close();
});

describe('the back office in a browser', () => {
  it('signs a leader in in Vietnamese, shows the dashboard and the inbox, switches to English and signs out', async () => {
    const { page } = browser;
    await page.goto(`${base}/admin/`);

    // The login page, in Vietnamese.
    await page.locator('input[name="username"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await browser.screenshot('admin-01-login-vi');

    await page.fill('input[name="username"]', '18073.leader');
    await page.fill('input[name="password"]', config.DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    // A leader's home page is the statistics dashboard; the inbox, with both task lists and the
    // menu's counters, is one menu item away.
    await page.getByTestId('statistics-dashboard').waitFor({ timeout: 30_000 });
    await page.getByRole('menuitem', { name: /Việc của tôi/ }).click();
    await page.getByTestId('task-inbox').waitFor({ timeout: 30_000 });
    await page.getByText('Việc được giao cho tôi').waitFor();
    await page.getByText('Việc chưa nhận của đơn vị').waitFor();
    await page.getByTestId('count-mine').waitFor();
    await page.getByRole('menuitem', { name: /Phản ánh/ }).waitFor();
    await browser.screenshot('admin-02-inbox-vi');
    // A leader configures nothing: no configuration section.
    expect(await page.getByText('Cấu hình', { exact: true }).count()).toBe(0);

    // English.
    await page.getByTestId('language-switch').click();
    await page.getByTestId('language-en').click();
    await page.getByText('Assigned to me').waitFor();
    await page.getByText("My units' unclaimed tasks").waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await browser.screenshot('admin-03-inbox-en');

    // Sign out (react-admin's user menu), back to the login page, now in English.
    await page.getByRole('button', { name: 'Profile' }).click();
    await page.getByRole('menuitem', { name: 'Logout' }).click();
    await page.locator('input[name="username"]').waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status));
    expect(me).toBe(401);
    await browser.screenshot('admin-04-signed-out-en');

    expect(browser.problems).toEqual([]);
  });
});
