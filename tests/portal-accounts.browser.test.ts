/**
 * "My reports" follows the citizen across devices (issue 16), in two real browsers at a phone's
 * size, in Vietnamese: on device 1 a citizen reports without signing in, then signs in with their
 * phone and the code the SMS brings (through the outbox, the SMS sender and a gateway), and the
 * report made before is claimed for the account; on device 2 (a fresh browser profile) the same
 * citizen signs in, sees that report in "my reports", opens it and withdraws it without the
 * case's token ever having been on that device. Signing out leaves device 2 without it.
 */
import request from 'supertest';
import { sendersFromConfig } from '../notifications/channels';
import { createDispatcher } from '../notifications/dispatcher';
import { launchBrowser, type TestBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { startGatewaySink } from './support/notification-sinks';
import { apiDependencies, testConfig } from './support/platform';
import { startPortalSession, type PortalSession } from './support/portal-session';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
const PHONE = { typed: '0987 123 456', e164: '+84987123456' };
let session: PortalSession;
let device1: TestBrowser;
let device2: TestBrowser | undefined;
let base: string;
let gateway: Awaited<ReturnType<typeof startGatewaySink>>;

beforeAll(async () => {
  session = await startPortalSession(config, api);
  ({ browser: device1, base } = session);
  gateway = await startGatewaySink();
}, 120_000);

afterAll(async () => {
  await device2?.close();
  await session?.close();
  await gateway?.close();
  await api.close();
});

/**
 * The code of the latest SMS to the phone, as the citizen reads it on their phone: the outbox row
 * is sent by the workers' dispatcher (this message only: other suites share the outbox) to the
 * SMS gateway.
 */
async function codeFromSms(): Promise<string> {
  const queued = await eventually(async () =>
    db.notification.findFirstOrThrow({
      where: { recipient: PHONE.e164, event: 'citizen_sign_in_code', state: 'pending' },
      orderBy: { createdAt: 'desc' },
    }),
  );
  const dispatcher = createDispatcher(
    { db, senders: sendersFromConfig({ ...config, SMS_GATEWAY_URL: gateway.url }, db) },
    { keyPrefixes: [queued.dedupeKey] },
  );
  expect(await dispatcher.runOnce()).toBe(1);
  const sms = gateway.received.find((r) => r.body.idempotencyKey === queued.dedupeKey)!;
  expect(sms.body.to).toBe(PHONE.e164);
  return /Mã đăng nhập (\d{6})/.exec(sms.body.text)![1]!;
}

async function signIn(browser: TestBrowser, shot: string) {
  const { page } = browser;
  await page.goto(`${base}/`);
  await page.getByTestId('sign-in-link').click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  await page.getByLabel('Số điện thoại di động').fill('12');
  await page.getByRole('button', { name: 'Gửi mã' }).click();
  expect(await page.locator('#phone-error').textContent()).toBe(
    'Nhập số điện thoại di động Việt Nam, ví dụ 0912 345 678.',
  );
  await page.getByLabel('Số điện thoại di động').fill(PHONE.typed);
  await page.getByRole('button', { name: 'Gửi mã' }).click();
  expect(await page.getByTestId('code-sent').textContent()).toBe(
    `Mã 6 chữ số đã được gửi qua SMS đến ${PHONE.e164}, có hiệu lực 5 phút.`,
  );
  const code = await codeFromSms();
  await page.getByLabel('Mã xác nhận (6 chữ số)').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  expect(await page.locator('#code-error').textContent()).toBe('Mã không đúng. Còn 4 lần thử.');
  await browser.screenshot(`${shot}-code`);
  await page.getByLabel('Mã xác nhận (6 chữ số)').fill(code);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('signed-in-notice').waitFor({ timeout: 30_000 });
}

describe('a citizen’s reports on two devices', () => {
  it('reports on device 1, signs in there (claimed), signs in on device 2 and acts on it there', async () => {
    // Device 1: an anonymous report, as before accounts.
    const { page } = device1;
    await page.goto(`${base}/report`);
    await page.locator('input[name="category"][value="moi-truong"]').check({ timeout: 30_000 });
    await page.getByLabel('Mô tả vấn đề').fill(`Đèn đường hỏng cả dãy phố, báo từ máy thứ nhất ${Date.now()}`);
    await page.getByLabel('Địa chỉ').fill('Đường Nguyễn Du, phường Thành Sen');
    await page.getByLabel('Vĩ độ').fill('18.3428');
    await page.getByLabel('Kinh độ').fill('105.9057');
    await page.getByLabel('Xã, phường').selectOption('18073');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('tracking-code').waitFor({ timeout: 30_000 });
    const trackingCode = (await page.getByTestId('tracking-code').textContent())!.trim();
    expect((await db.case.findUniqueOrThrow({ where: { trackingCode } })).citizenId).toBeNull();

    await signIn(device1, 'portal-accounts-01-device1');
    expect(await page.getByTestId('signed-in-notice').textContent()).toContain(
      'Đã thêm 1 phản ánh gửi từ máy này vào tài khoản.',
    );
    expect(await page.getByTestId('signed-in-as').textContent()).toBe(`Đã đăng nhập: ${PHONE.e164}`);
    await page.getByTestId('my-reports').getByRole('link', { name: trackingCode }).waitFor();
    await device1.screenshot('portal-accounts-02-device1-signed-in');
    const owner = await db.case.findUniqueOrThrow({ where: { trackingCode }, include: { citizen: true } });
    expect(owner.citizen?.phone).toBe(PHONE.e164);

    // Some minutes later, on device 2 (nothing of device 1's storage): a new code may be sent.
    await db.citizenOtp.updateMany({
      where: { phone: PHONE.e164 },
      data: { createdAt: new Date(Date.now() - 3 * 60_000) },
    });
    device2 = await launchBrowser();
    await device2.page.setViewportSize({ width: 360, height: 740 });
    const phone2 = device2.page;
    await phone2.goto(`${base}/`);
    await phone2.getByTestId('sign-in-link').waitFor({ timeout: 30_000 });
    expect(await phone2.getByTestId('my-reports').getByRole('link').count()).toBe(0);
    await signIn(device2, 'portal-accounts-03-device2');
    expect(await phone2.getByRole('heading', { name: 'Phản ánh của tôi' }).count()).toBe(1);
    const link = phone2.getByTestId('my-reports').getByRole('link', { name: trackingCode });
    await link.waitFor({ timeout: 30_000 });
    await device2.screenshot('portal-accounts-04-device2-my-reports');

    // The reporter's view and actions, proven by the account (no token on this device).
    await link.click();
    await phone2.getByTestId('case-status').waitFor({ timeout: 30_000 });
    const withdraw = phone2.getByTestId('action-withdraw');
    await withdraw.waitFor({ timeout: 30_000 });
    await withdraw.getByLabel('Lý do (không bắt buộc)').fill('Đã được sửa, tôi rút từ máy thứ hai');
    phone2.once('dialog', (dialog) => void dialog.accept());
    await withdraw.getByRole('button', { name: 'Rút phản ánh' }).click();
    await phone2.getByTestId('action-sent').waitFor({ timeout: 60_000 });
    await eventually(
      async () => {
        await phone2.reload();
        await phone2.getByTestId('case-status').waitFor({ timeout: 10_000 });
        expect(await phone2.getByTestId('case-status').textContent()).toBe('Đã rút phản ánh');
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    await device2.screenshot('portal-accounts-05-device2-withdrawn');
    expect((await db.case.findUniqueOrThrow({ where: { trackingCode } })).status).toBe('withdrawn');

    // Signing out on device 2: the account's report is no longer shown there, nor its private view.
    await phone2.goto(`${base}/`);
    await phone2.getByTestId('sign-out').click();
    await phone2.getByTestId('sign-in-link').waitFor();
    expect(await phone2.getByTestId('my-reports').getByRole('link').count()).toBe(0);
    const cookies = await device2.context.cookies();
    expect(cookies.find((c) => c.name === 'citizen_session')).toBeUndefined();
    const sessions = await db.citizenSession.findMany({ where: { citizen: { phone: PHONE.e164 } } });
    expect(sessions.map((s) => s.revokedAt !== null).sort()).toEqual([false, true]);

    // And the English switch reads the page in English.
    await phone2.getByTestId('language-switch').click();
    expect(await phone2.getByTestId('sign-in-link').textContent()).toBe('Sign in to see your reports on any device');

    expect(device1.problems).toEqual([]);
    expect(device2.problems).toEqual([]);
    // The tracking page's private view is refused to a request without a proof.
    const anonymous = await request(session.app).get(`/api/v1/reports/${trackingCode}`).expect(200);
    expect(anonymous.body.reporter).toBeUndefined();
  });
});
