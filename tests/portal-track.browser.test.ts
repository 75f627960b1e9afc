/**
 * Following a report in the portal, in a real browser at a phone's size (360 × 740), in
 * Vietnamese: a citizen reports with their name, phone and email (confidential by default) and
 * keeps the tracking code; the case walks through its workflow (asked for information, processed,
 * published) while the citizen follows it from "my reports": the status and the timeline at each
 * step, the question answered with a photo, the reply with its proof photo and dates; the citizen
 * rates it offline and the rating arrives once, when the connection returns; the public feed shows
 * the case with its reply and nothing of who reported it. And a report withdrawn while it may be,
 * after which withdrawing is no longer offered. No page error on the way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import sharp from 'sharp';
import request from 'supertest';
import type { TestBrowser } from './support/browser';
import { CitizenCases, QUESTION, REPLY, type CitizenCase } from './support/citizen-cases';
import { eventually } from './support/eventually';
import { jpegWithGps } from './support/media';
import { apiDependencies, testConfig } from './support/platform';
import { startPortalSession, type PortalSession } from './support/portal-session';

const workDir = mkdtempSync(path.join(process.env.TEST_WORK_DIR ?? os.tmpdir(), 'portal-track-'));
const config = testConfig({ MEDIA_DIR: path.join(workDir, 'media') });
const api = apiDependencies(config);
const db = api.deps.db;
const cases = new CitizenCases(api.deps, config);
const answerPhoto = path.join(workDir, 'vi-tri-chinh-xac.jpg');
const REPORTER = { name: 'Phạm Thị Kín Đáo', phone: '0987 654 321', email: 'kin.dao@example.vn' };
const UNIT = '18073';
let session: PortalSession;
let app: Express;
let browser: TestBrowser;
let base: string;

beforeAll(async () => {
  await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 60, g: 90, b: 140 } } })
    .jpeg()
    .toFile(answerPhoto);
  session = await startPortalSession(config, api);
  ({ browser, base } = session);
  app = session.app;
}, 120_000);

// A test that fails while offline must not leave the next one without a connection.
afterEach(() => browser?.context.setOffline(false));

afterAll(async () => {
  await session?.close();
  await api.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Reports through the portal's form and returns the tracking code it shows. */
async function reportInPortal(description: string, reporter?: typeof REPORTER): Promise<string> {
  const { page } = browser;
  await page.goto(`${base}/report`);
  await page.locator('input[name="category"][value="moi-truong"]').check({ timeout: 30_000 });
  await page.getByLabel('Mô tả vấn đề').fill(description);
  await page.getByLabel('Địa chỉ').fill('Đường Hà Huy Tập, phường Thành Sen');
  await page.getByLabel('Vĩ độ').fill('18.3428');
  await page.getByLabel('Kinh độ').fill('105.9057');
  await page.getByLabel('Xã, phường').selectOption(UNIT);
  if (reporter) {
    await page.getByLabel('Họ và tên').fill(reporter.name);
    await page.getByLabel('Số điện thoại').fill(reporter.phone);
    await page.getByLabel('Thư điện tử').fill(reporter.email);
  }
  // Confidential by default.
  expect(await page.getByTestId('confidential').isChecked()).toBe(true);
  await page.locator('button[type="submit"]').click();
  const code = page.getByTestId('tracking-code');
  await code.waitFor({ timeout: 30_000 });
  return (await code.textContent())!.trim();
}

/** From the home page's "my reports" to the case page. */
async function openFromMyReports(trackingCode: string) {
  const { page } = browser;
  await page.getByRole('link', { name: 'Trang chủ' }).click();
  await page.getByTestId('my-reports').getByRole('link', { name: trackingCode }).click();
  await page.getByTestId('case-status').waitFor({ timeout: 30_000 });
}

/** Reloads the case page until it shows `label` (the workflow writes the projection just after). */
async function expectStatus(label: string) {
  const { page } = browser;
  await eventually(
    async () => {
      await page.reload();
      await page.getByTestId('case-status').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('case-status').textContent()).toBe(label);
    },
    { timeoutMs: 30_000, intervalMs: 500 },
  );
}

const timelineLabels = () =>
  browser.page.locator('[data-testid="timeline"] li strong').allTextContents() as Promise<string[]>;

/** The proof photo, as the unit's officer attaches it in the back office. */
async function attachProof(c: CitizenCase): Promise<string> {
  const login = await request(app)
    .post('/api/auth/login')
    .send({ username: `${UNIT}.officer`, password: config.DEMO_PASSWORD })
    .expect(200);
  const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
  const proof = await request(app)
    .post(`/api/admin/cases/${c.id}/media`)
    .set('Cookie', cookie)
    .attach('file', await jpegWithGps(640, 480), 'ket-qua.jpg')
    .expect(201);
  return proof.body.id as string;
}

/** Rows in the outbox's actions store (portal/src/device-store.ts). */
const actionsOnDevice = () =>
  browser.page.evaluate<number>(`new Promise((resolve, reject) => {
    const open = indexedDB.open('ihatinh-portal');
    open.onsuccess = () => {
      const count = open.result.transaction('actions').objectStore('actions').count();
      count.onsuccess = () => resolve(count.result);
      count.onerror = () => reject(count.error);
    };
    open.onerror = () => reject(open.error);
  })`);

describe('a citizen follows their report in the portal', () => {
  let trackingCode: string;
  let c: CitizenCase;

  it('reports with their name, phone and email, kept confidential, and finds it in "my reports"', async () => {
    trackingCode = await reportInPortal(`Rác thải chất đống trước cổng chợ, theo dõi ${Date.now()}`, REPORTER);
    await browser.screenshot('portal-track-01-sent');
    c = await cases.existing(trackingCode);
    const row = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ confidential: true, reporterName: REPORTER.name, reporterEmail: REPORTER.email });

    await openFromMyReports(trackingCode);
    await expectStatus('Đang xác minh');
    expect(await timelineLabels()).toEqual(['Tiếp nhận phản ánh', 'Bắt đầu xác minh']);
    // While it is being verified the reporter may still withdraw it.
    await browser.page.getByTestId('action-withdraw').waitFor();
    await browser.screenshot('portal-track-02-verifying');
  });

  it('shows the question when information is asked, and sends the answer with a photo', async () => {
    const { page } = browser;
    await cases.requestInfo(c);
    await expectStatus('Chờ bổ sung thông tin');
    expect(await page.getByTestId('info-question').textContent()).toContain(QUESTION);
    expect((await timelineLabels()).at(-1)).toBe('Yêu cầu bổ sung thông tin');

    await page.getByLabel('Câu trả lời của bạn').fill('Ngay trước số nhà 12, ngõ 5 đường Hà Huy Tập');
    await page.getByTestId('answer-media-input').setInputFiles(answerPhoto);
    await page.locator('[data-testid="answer-media-previews"] img').waitFor();
    await browser.screenshot('portal-track-03-answer-with-photo');
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();

    await page.getByTestId('action-sent').waitFor({ timeout: 30_000 });
    await expectStatus('Đang xác minh');
    const labels = await timelineLabels();
    expect(labels.slice(-3)).toEqual([
      'Yêu cầu bổ sung thông tin',
      'Người phản ánh đã bổ sung thông tin',
      'Bắt đầu xác minh',
    ]);
    // The answer's photo, read back with the token kept on the device.
    await page.locator('img[src^="data:image/"][alt="Tệp đính kèm 1"]').waitFor({ timeout: 30_000 });
    await browser.screenshot('portal-track-04-answered');
    const files = await db.media.findMany({ where: { caseId: c.id, purpose: 'info' } });
    expect(files).toHaveLength(1);
    expect(await db.caseTimelineEntry.findMany({ where: { caseId: c.id, kind: 'info_supplied' } })).toEqual([
      expect.objectContaining({ note: 'Ngay trước số nhà 12, ngõ 5 đường Hà Huy Tập' }),
    ]);
    expect(await actionsOnDevice()).toBe(0);
  });

  it('shows the unit at work, then the reply with its proof photo and dates', async () => {
    const { page } = browser;
    await cases.toProcess(c, UNIT);
    await expectStatus('Đang xử lý');
    expect((await timelineLabels()).slice(-2)).toEqual(['Chuyển đơn vị xử lý', 'Đơn vị đã tiếp nhận xử lý']);
    await page.getByTestId('case-deadline').waitFor();
    // Processing has started: withdrawing is no longer offered.
    expect(await page.getByTestId('action-withdraw').count()).toBe(0);
    await browser.screenshot('portal-track-05-processing');

    const people = await cases.people(UNIT);
    const proofId = await attachProof(c);
    await c.driver.complete('process', 'reply', { reply: REPLY, attachmentIds: [proofId] }, people[`${UNIT}.officer`]!);
    await c.driver.complete('approve', 'approve', {}, people[`${UNIT}.leader`]!);
    await c.driver.settled((s) => s.step === 'rate');

    await expectStatus('Đã trả lời');
    expect(await page.getByTestId('case-reply').textContent()).toContain(REPLY);
    await page.locator('img[src^="data:image/"][alt="Hình ảnh kết quả 1"]').waitFor({ timeout: 30_000 });
    // The deadline and the publication, as the API gives them, in Hà Tĩnh's time.
    const { body: view } = await request(app).get(`/api/v1/reports/${trackingCode}`).expect(200);
    const shown = (iso: string) =>
      new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(
        new Date(iso),
      );
    expect(await page.getByTestId('case-deadline').textContent()).toBe(shown(view.deadline));
    expect(await page.getByTestId('case-published').textContent()).toBe(shown(view.publishedAt));
    expect((await timelineLabels()).at(-1)).toBe('Công bố kết quả xử lý');
    await page.getByTestId('action-rate').waitFor();
    await browser.screenshot('portal-track-06-replied');
  });

  it('keeps a rating made offline on the device and sends it exactly once when back online', async () => {
    const { page, context } = browser;
    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await page.getByRole('radio', { name: '4 sao' }).check();
    await page.getByLabel('Nhận xét (không bắt buộc)').fill('Đã dọn sạch, cảm ơn phường');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();

    const queued = page.getByTestId('action-queued');
    await queued.waitFor({ timeout: 30_000 });
    expect(await queued.textContent()).toContain('Đã lưu trên máy này, sẽ tự gửi khi có mạng');
    // The form gives way to the waiting rating: it cannot be sent twice from here.
    expect(await page.getByTestId('action-rate').count()).toBe(0);
    await browser.screenshot('portal-track-07-rating-kept-offline');
    expect(await db.rating.count({ where: { caseId: c.id } })).toBe(0);
    expect(await actionsOnDevice()).toBe(1);

    await context.setOffline(false);
    await page.getByTestId('action-sent').waitFor({ timeout: 60_000 });
    await page.getByTestId('case-rating').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('case-rating').textContent()).toContain('Bạn đã đánh giá 4/5.');
    expect(await page.getByTestId('case-rating').textContent()).toContain('Đã dọn sạch, cảm ơn phường');
    expect(await page.getByTestId('case-status').textContent()).toBe('Đã hoàn thành');
    await page.getByTestId('case-closed').waitFor();

    // More "online" events find nothing left to send.
    await page.evaluate("for (let i = 0; i < 3; i++) window.dispatchEvent(new Event('online'))");
    await eventually(async () => expect(await actionsOnDevice()).toBe(0));
    // Kept on reload: it is the server's rating now.
    await expectStatus('Đã hoàn thành');
    expect(await page.getByTestId('case-rating').textContent()).toContain('Bạn đã đánh giá 4/5.');
    await browser.screenshot('portal-track-08-rated');
    expect(await db.rating.findMany({ where: { caseId: c.id } })).toEqual([
      expect.objectContaining({ score: 4, comment: 'Đã dọn sạch, cảm ơn phường', round: 0 }),
    ]);
    expect(await db.caseTimelineEntry.count({ where: { caseId: c.id, kind: 'info_supplied' } })).toBe(1);
    expect(await db.media.count({ where: { caseId: c.id, purpose: 'info' } })).toBe(1);
  });

  it('is in the public feed with its reply, between the dates asked, and nothing of who reported it', async () => {
    const { page } = browser;
    const fetched: string[] = [];
    const collect = (response: { url(): string; text(): Promise<string> }) => {
      if (/\/api\/v1\/reports\?/.test(response.url())) void response.text().then((text) => fetched.push(text));
    };
    page.on('response', collect);
    try {
      await page.getByRole('link', { name: 'Kết quả xử lý' }).click();
      const item = page.locator('li.feed-item', { has: page.locator(`a[href="/track/${trackingCode}"]`) });
      await item.waitFor({ timeout: 30_000 });
      expect(await item.textContent()).toContain(REPLY);
      expect(await item.locator('.badge').textContent()).toBe('Đã hoàn thành');

      // Today, in Hà Tĩnh's time: the case is there; from tomorrow on it is not.
      const day = (offsetDays: number) =>
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
          new Date(Date.now() + offsetDays * 86_400_000),
        );
      await page.getByLabel('Từ ngày').fill(day(0));
      await page.getByLabel('Đến ngày').fill(day(0));
      await eventually(async () => expect(fetched.some((t) => t.includes(trackingCode))).toBe(true));
      await item.waitFor();
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      await browser.screenshot('portal-track-09-feed-today');
      await page.getByLabel('Từ ngày').fill(day(1));
      await page.getByRole('alert').filter({ hasText: '"Từ ngày" phải trước hoặc bằng "Đến ngày".' }).waitFor();
      // Other suites' cases may be published "tomorrow" (time-skipping tests write skipped-ahead
      // dates into the shared database): this case leaves the list, whatever else is in it.
      const tomorrow = page.waitForResponse(
        (r) => r.url().includes(`from=${day(1)}`) && r.url().includes(`to=${day(1)}`),
      );
      await page.getByLabel('Đến ngày').fill(day(1));
      const answer = (await (await tomorrow).json()) as { items: { trackingCode: string }[] };
      expect(answer.items.map((i) => i.trackingCode)).not.toContain(trackingCode);
      await item.waitFor({ state: 'detached', timeout: 30_000 });
      await page.getByRole('button', { name: 'Bỏ lọc ngày' }).click();
      await item.waitFor({ timeout: 30_000 });

      const text = (await page.locator('body').textContent()) ?? '';
      for (const value of [REPORTER.name, REPORTER.phone, REPORTER.email, '0987654321'])
        expect(text).not.toContain(value);
      expect(fetched.length).toBeGreaterThan(0);
      for (const body of fetched) {
        for (const value of [REPORTER.name, REPORTER.phone, REPORTER.email]) expect(body).not.toContain(value);
        expect(body).not.toContain('"reporter"');
      }
    } finally {
      page.off('response', collect);
    }
  });
});

describe('an answer made offline, with its photo', () => {
  it('is kept on the device and arrives once, photo included, when the connection returns', async () => {
    const { page, context } = browser;
    const trackingCode = await reportInPortal(`Cây đổ chắn ngang đường, trả lời khi mất mạng ${Date.now()}`);
    const c = await cases.existing(trackingCode);
    await cases.requestInfo(c);
    await openFromMyReports(trackingCode);
    await expectStatus('Chờ bổ sung thông tin');

    await context.setOffline(true);
    await page.getByLabel('Câu trả lời của bạn').fill('Cây ở đầu ngõ 7, cạnh trạm biến áp');
    await page.getByTestId('answer-media-input').setInputFiles(answerPhoto);
    await page.locator('[data-testid="answer-media-previews"] img').waitFor();
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    await page.getByTestId('action-queued').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('action-info').count()).toBe(0);
    await browser.screenshot('portal-track-10-answer-kept-offline');
    expect(await db.media.count({ where: { caseId: c.id, purpose: 'info' } })).toBe(0);

    await context.setOffline(false);
    await page.getByTestId('action-sent').waitFor({ timeout: 60_000 });
    await page.evaluate("for (let i = 0; i < 3; i++) window.dispatchEvent(new Event('online'))");
    await eventually(async () => expect(await actionsOnDevice()).toBe(0));
    await expectStatus('Đang xác minh');
    await page.locator('img[src^="data:image/"][alt="Tệp đính kèm 1"]').waitFor({ timeout: 30_000 });
    const files = await db.media.findMany({ where: { caseId: c.id, purpose: 'info' } });
    expect(files).toHaveLength(1);
    const answers = await db.caseTimelineEntry.findMany({ where: { caseId: c.id, kind: 'info_supplied' } });
    expect(answers).toEqual([expect.objectContaining({ note: 'Cây ở đầu ngõ 7, cạnh trạm biến áp' })]);
  });
});

describe('a citizen withdraws a report', () => {
  it('while it may be withdrawn; afterwards withdrawing is no longer offered', async () => {
    const { page } = browser;
    const trackingCode = await reportInPortal(`Biển báo bị che khuất, gửi nhầm ${Date.now()}`);
    await openFromMyReports(trackingCode);
    await expectStatus('Đang xác minh');
    const withdraw = page.getByTestId('action-withdraw');
    await withdraw.getByLabel('Lý do (không bắt buộc)').fill('Tôi gửi nhầm địa điểm');
    page.once('dialog', (dialog) => void dialog.accept());
    await withdraw.getByRole('button', { name: 'Rút phản ánh' }).click();

    await page.getByTestId('action-sent').waitFor({ timeout: 30_000 });
    await expectStatus('Đã rút phản ánh');
    expect((await timelineLabels()).at(-1)).toBe('Người phản ánh đã rút phản ánh');
    expect(await page.getByTestId('action-withdraw').count()).toBe(0);
    await browser.screenshot('portal-track-11-withdrawn');
    const row = await db.case.findUniqueOrThrow({ where: { trackingCode } });
    expect(row.status).toBe('withdrawn');
    expect(await db.caseTimelineEntry.count({ where: { caseId: row.id, kind: 'withdrawn' } })).toBe(1);

    expect(browser.problems).toEqual([]);
  });
});
