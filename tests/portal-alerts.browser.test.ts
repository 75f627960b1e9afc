/**
 * Area alerts in the portal, in a real browser at a phone's size: a citizen opens "Thông báo"
 * from the navigation, chooses a commune and resolved reports, subscribes by email, confirms with
 * the link of the mail the test's mailbox caught; a report of that commune is then resolved
 * through its workflow, the area digest writes the alert and the mail arrives with a link that
 * opens the report's tracking page in the portal. The manage link changes the choice and
 * unsubscribes. Web Push: headless Chromium has no push service to subscribe with (its Push API
 * needs Google's), so the page's handling of that refusal is what is checked here; delivery to a
 * push service is tests/area-alerts.test.ts's.
 */
import webPush from 'web-push';
import { createAreaDigests } from '../notifications/area-digests';
import { createDispatcher } from '../notifications/dispatcher';
import { createEmailSender } from '../notifications/email-sender';
import type { TestBrowser } from './support/browser';
import { CaseDriver } from './support/case-driver';
import { walkCase } from './support/case-walk';
import { eventually } from './support/eventually';
import { startMailbox, type Mailbox } from './support/notification-sinks';
import { apiDependencies, testConfig } from './support/platform';
import { startPortalSession, type PortalSession } from './support/portal-session';

/** A commune no other suite reports in. */
const COMMUNE = '18736';
const SECOND_COMMUNE = '18742';
const vapid = webPush.generateVAPIDKeys();
const config = testConfig({
  WEB_PUSH_VAPID_PUBLIC_KEY: vapid.publicKey,
  WEB_PUSH_VAPID_PRIVATE_KEY: vapid.privateKey,
});
const api = apiDependencies(config);
const { db, temporal } = api.deps;
let session: PortalSession;
let browser: TestBrowser;
let base: string;
let mailbox: Mailbox;

beforeAll(async () => {
  session = await startPortalSession(config, api);
  ({ browser, base } = session);
  mailbox = await startMailbox();
}, 120_000);
afterAll(async () => {
  await mailbox?.stop();
  await session?.close();
  await api.close();
});

/** Mails this subscription's outbox rows to the test's mailbox (every writer keys them with its id). */
async function deliverTo(address: string) {
  const subscription = await db.subscription.findFirstOrThrow({ where: { channel: 'email', address } });
  const keys = (await db.notification.findMany({ where: { dedupeKey: { contains: subscription.id } } })).map(
    (n) => n.dedupeKey,
  );
  const mail = createEmailSender({ smtpUrl: mailbox.url, from: 'Hà Tĩnh <canhbao@hatinh.gov.vn>' });
  const dispatcher = createDispatcher({ db, senders: { email: mail.send } }, { keyPrefixes: keys });
  while ((await dispatcher.runOnce()) > 0);
  mail.close();
}

/** A link of a message, on the test's server (PUBLIC_BASE_URL is where citizens' links lead). */
const onTestServer = (link: string) => link.replace(config.PUBLIC_BASE_URL, base);
const linkIn = (text: string, path: string) =>
  onTestServer(new RegExp(`${config.PUBLIC_BASE_URL}${path}\\S*`).exec(text)![0]);

describe('area alerts in the portal', () => {
  it('subscribes by email, confirms, and receives a resolved report of the commune with a link to it', async () => {
    const { page } = browser;
    const address = `khu.vuc.${Date.now()}@example.vn`;
    await page.goto(`${base}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Thông báo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhận thông báo khu vực' }).waitFor();
    await page.getByTestId('alert-whole-province').waitFor();

    await page.locator('#alert-commune').selectOption(COMMUNE);
    await page.getByRole('button', { name: 'Thêm địa bàn' }).click();
    const chosen = page.getByTestId('alert-communes');
    await chosen.waitFor();
    const commune = await db.commune.findUniqueOrThrow({ where: { code: COMMUNE } });
    expect(await chosen.innerText()).toContain(commune.name);
    const box = (name: string) => page.getByRole('checkbox', { name, exact: true });
    await box('Cảnh báo thiên tai khẩn cấp').uncheck();
    await box('Phản ánh đã có kết quả').check();
    // The server has a VAPID key and Chromium a Push API: the browser is offered; email is chosen.
    await page.getByRole('radio', { name: 'Thông báo trên trình duyệt này' }).waitFor();
    await page.getByRole('radio', { name: 'Thư điện tử', exact: true }).check();
    await page.getByRole('textbox', { name: 'Địa chỉ thư điện tử' }).fill(address);
    await browser.screenshot('portal-alerts-subscribe');
    await page.getByRole('button', { name: 'Đăng ký nhận thông báo' }).click();
    const done = page.getByTestId('alert-done');
    await done.waitFor();
    expect(await done.innerText()).toContain(address);

    const subscription = await db.subscription.findFirstOrThrow({ where: { channel: 'email', address } });
    expect(subscription).toMatchObject({ communeCodes: [COMMUNE], topics: ['report_resolved'], confirmedAt: null });
    await deliverTo(address);
    const [confirmation] = mailbox.to(address);
    expect(confirmation!.subject).toBe('Xác nhận đăng ký nhận thông báo khu vực');
    await page.goto(linkIn(confirmation!.text!, '/api/v1/subscriptions/confirm'));
    await page.getByRole('heading', { name: 'Đã xác nhận đăng ký' }).waitFor();

    // A report of the commune, resolved by its unit: the next digest alerts the subscriber.
    const report = { location: { lat: 18.34, lng: 105.9, address: 'Tổ dân phố 3', communeCode: COMMUNE } };
    const resolved = await CaseDriver.start(temporal, config.TEMPORAL_TASK_QUEUE, report);
    await walkCase(resolved, db);
    const digests = createAreaDigests({ db, publicBaseUrl: config.PUBLIC_BASE_URL }, { windowMs: 1_000 });
    await eventually(
      async () => {
        await digests.runOnce();
        await deliverTo(address);
        expect(mailbox.to(address).some((m) => m.subject?.startsWith('Phản ánh trên địa bàn'))).toBe(true);
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    const alert = mailbox.to(address).find((m) => m.subject?.startsWith('Phản ánh trên địa bàn'))!;
    expect(alert.subject).toBe('Phản ánh trên địa bàn: 1 phản ánh đã có kết quả');
    expect(alert.text).toContain(resolved.trackingCode);
    await page.goto(linkIn(alert.text!, `/track/${resolved.trackingCode}`));
    await page.getByText(resolved.trackingCode).first().waitFor();
    await browser.screenshot('portal-alerts-opened-report');

    // The manage link of the alert: another commune, saved; then unsubscribe.
    await page.goto(linkIn(alert.text!, '/alerts'));
    await page.getByTestId('alert-state').filter({ hasText: 'Đang nhận thông báo.' }).waitFor();
    expect(await page.getByTestId('alert-subscription').innerText()).toContain('@example.vn');
    await page.locator('#alert-commune').selectOption(SECOND_COMMUNE);
    await page.getByRole('button', { name: 'Thêm địa bàn' }).click();
    await page.getByRole('checkbox', { name: 'Phản ánh mới', exact: true }).check();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByTestId('alert-message').filter({ hasText: 'Đã lưu thay đổi.' }).waitFor();
    expect(await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({
      communeCodes: [COMMUNE, SECOND_COMMUNE],
      topics: ['report_new', 'report_resolved'],
    });
    await browser.screenshot('portal-alerts-manage');
    await page.getByRole('button', { name: 'Hủy đăng ký' }).click();
    await page.getByTestId('alert-state').filter({ hasText: 'Đã hủy đăng ký.' }).waitFor();
    const ended = await db.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(ended.unsubscribedAt).not.toBeNull();
    expect(browser.problems).toEqual([]);
  }, 180_000);

  it('says so when this browser cannot subscribe to push, in English too', async () => {
    const { page } = browser;
    await browser.context.grantPermissions(['notifications'], { origin: base });
    await page.goto(`${base}/alerts`);
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Area alerts' }).waitFor();
    await page.getByRole('radio', { name: 'Notifications on this browser' }).check();
    await expect(page.getByRole('textbox', { name: 'Email address' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor({ timeout: 40_000 });
    expect(await refusal.innerText()).toBe(
      'The browser could not register with its push service. Try again later, or choose email, SMS or Zalo.',
    );
    await browser.screenshot('portal-alerts-push-refused');
    // Nothing was registered for this browser (its push service would be Google's).
    expect(await db.subscription.count({ where: { address: { startsWith: 'https://fcm.googleapis.com/' } } })).toBe(0);
    await page.getByTestId('language-switch').click();
  }, 90_000);
});
