/**
 * One whole case by four people, in the real back office (Chromium, one browser per official)
 * and the citizen API: a report with a photo, no category of its own and no commune, so nothing
 * routes it; the IOC operator verifies it and routes it to UBND phường Thành Sen (18073); the
 * unit's leader accepts it and assigns the officer; the officer replies with a proof photo
 * uploaded through the form; the leader approves; the reporter rates through the API; the case
 * shows closed with every timeline entry. Screenshots of each step: test-artifacts/screenshots/e2e-*.
 */
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import request from 'supertest';
import { createApp } from '../api/app';
import { launchBrowser, type TestBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';
import { signInToBackOffice } from './support/back-office';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
let served: Served;
let server: Server;
let worker: Awaited<ReturnType<typeof startWorker>>;
let base: string;
const browsers: Record<'operator' | 'leader' | 'officer', TestBrowser | undefined> = {
  operator: undefined,
  leader: undefined,
  officer: undefined,
};

const UI = 30_000;
const REPLY = 'Kính gửi Ông/Bà, UBND phường Thành Sen đã thu gom toàn bộ rác thải và xử phạt người vi phạm.';

function jpeg(color: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: color } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  served = await serve(app);
  ({ server, base } = served);
  for (const who of ['operator', 'leader', 'officer'] as const) browsers[who] = await launchBrowser();
}, 180_000);

afterAll(async () => {
  for (const b of Object.values(browsers)) await b?.close();
  await served?.close();
  await worker?.stop();
  await api.close();
});

const signIn = (page: Page, username: string) => signInToBackOffice(page, base, username, config.DEMO_PASSWORD);

async function openCase(page: Page, id: string): Promise<void> {
  await page.goto(`${base}/admin/cases/${id}/show`);
  await page.getByTestId('case-description').waitFor({ timeout: UI });
}

/** Waits for the open task at `step`, opens the form of `outcome` and returns the dialog. */
async function answer(page: Page, step: string, outcome: string) {
  // The workflow opens the next task a moment after the previous answer: the panel looks again.
  await page.locator(`[data-testid="current-task"][data-step="${step}"]`).waitFor({ timeout: UI });
  await page.getByTestId(`outcome-${outcome}`).click();
  const dialog = page.getByTestId('outcome-dialog');
  await dialog.waitFor();
  return dialog;
}

/** Sends the open form, waits for the workflow's answer, screenshots it and closes the dialog. */
async function send(browser: TestBrowser, shot: string): Promise<void> {
  const { page } = browser;
  await page.getByTestId('outcome-dialog').getByRole('button', { name: 'Gửi' }).click();
  await page.getByTestId('workflow-answer').waitFor({ timeout: UI });
  await browser.screenshot(shot);
  await page.getByTestId('close-answer').click();
  await page.getByTestId('outcome-dialog').waitFor({ state: 'detached' });
}

/** Picks the option of an autocomplete in the dialog by typing part of its label. */
async function choose(page: Page, typed: string, option: RegExp): Promise<void> {
  const dialog = page.getByTestId('outcome-dialog');
  const box = dialog.getByRole('combobox');
  await box.click();
  await box.fill(typed);
  await page.getByRole('option', { name: option }).click({ timeout: UI });
}

describe('a whole case by four people', () => {
  it('goes from the report to closed: verify, route, accept, assign, reply with proof, approve, rate', async () => {
    const operator = browsers.operator!;
    const leader = browsers.leader!;
    const officer = browsers.officer!;

    // 1. The citizen reports, with a photo, through the API: no commune, category "other".
    const report = {
      categoryCode: 'khac',
      description: 'Bãi rác tự phát ở khu đất trống giáp ranh, bốc mùi nhiều ngày (kiểm thử đầu cuối)',
      location: { address: 'Khu đất trống cuối đường Nguyễn Du' },
      reporter: { name: 'Phạm Thị Hồng', phone: '0905 246 813', email: 'hong.pham@example.vn' },
    };
    const created = await request(server)
      .post('/api/v1/reports')
      .field('report', JSON.stringify(report))
      .attach('media', await jpeg({ r: 90, g: 110, b: 70 }), { filename: 'bai-rac.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const { id, trackingCode, citizenToken } = created.body as {
      id: string;
      trackingCode: string;
      citizenToken: string;
    };
    expect(await db.media.count({ where: { caseId: id, purpose: 'report' } })).toBe(1);

    // 2. The operator finds it, verifies it, and — no rule routes it — chooses the unit.
    await signIn(operator.page, 'operator');
    await operator.page.getByRole('menuitem', { name: /Phản ánh/ }).click();
    await operator.page.getByText(trackingCode).waitFor({ timeout: UI });
    await operator.screenshot('e2e-01-operator-list');
    await openCase(operator.page, id);
    await operator.page.getByTestId('personal-data').getByText('Phạm Thị Hồng').waitFor({ timeout: UI });
    await answer(operator.page, 'verify', 'accept');
    await operator.screenshot('e2e-02-operator-verify-form');
    await send(operator, 'e2e-03-operator-verified');

    await answer(operator.page, 'route', 'route');
    await operator.page.getByTestId('routing-suggestion').waitFor({ timeout: UI });
    await choose(operator.page, '18073', /\(18073\)/);
    await operator.screenshot('e2e-04-operator-route-form');
    await send(operator, 'e2e-05-operator-routed');
    expect(await db.case.findUniqueOrThrow({ where: { id } })).toMatchObject({
      unitId: (await db.unit.findUniqueOrThrow({ where: { code: '18073' } })).id,
    });

    // 3. The unit's leader accepts the case and assigns the officer.
    await signIn(leader.page, '18073.leader');
    await openCase(leader.page, id);
    await answer(leader.page, 'accept', 'accept');
    await send(leader, 'e2e-06-leader-accepted');
    await answer(leader.page, 'assign', 'assign');
    await choose(leader.page, '18073.officer', /18073\.officer/);
    await leader.screenshot('e2e-07-leader-assign-form');
    await send(leader, 'e2e-08-leader-assigned');
    // Officers and leaders never see the reporter.
    expect(await leader.page.getByTestId('personal-data').count()).toBe(0);
    expect(await leader.page.getByText('Phạm Thị Hồng').count()).toBe(0);

    // 4. The officer writes the reply and uploads a proof photo through the form's file input.
    await signIn(officer.page, '18073.officer');
    await openCase(officer.page, id);
    const dialog = await answer(officer.page, 'process', 'reply');
    await dialog.locator('textarea[name="reply"]').fill(REPLY);
    const proof = path.join(process.env.TEST_WORK_DIR ?? os.tmpdir(), `proof-${Date.now()}.jpg`);
    writeFileSync(proof, await jpeg({ r: 200, g: 200, b: 190 }));
    await dialog.getByTestId('proof-file').setInputFiles(proof);
    await dialog.getByText(path.basename(proof)).waitFor({ timeout: UI });
    await officer.screenshot('e2e-09-officer-reply-form');
    await send(officer, 'e2e-10-officer-replied');
    expect(await db.media.count({ where: { caseId: id, purpose: 'proof' } })).toBe(1);

    // 5. The leader approves the reply; it is published and the reporter may rate it.
    await leader.page.reload();
    await leader.page.getByTestId('case-description').waitFor({ timeout: UI });
    const approval = await answer(leader.page, 'approve', 'approve');
    await approval.getByText(REPLY).waitFor({ timeout: UI });
    await leader.screenshot('e2e-11-leader-approve-form');
    await send(leader, 'e2e-12-leader-approved');
    await eventually(
      async () => expect(await db.case.findUniqueOrThrow({ where: { id } })).toMatchObject({ step: 'rate' }),
      { timeoutMs: UI },
    );

    // 6. The rating arrives through the citizen API.
    await request(server)
      .post(`/api/v1/reports/${trackingCode}/rating`)
      .set('X-Citizen-Token', citizenToken)
      .send({ score: 5, comment: 'Xử lý nhanh, cảm ơn phường.' })
      .expect(200);
    await eventually(
      async () => expect(await db.case.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'closed' }),
      { timeoutMs: UI },
    );

    // 7. The case page shows it closed, with its whole timeline (every entry, internal ones too).
    const timeline = await db.caseTimelineEntry.findMany({ where: { caseId: id }, orderBy: { seq: 'asc' } });
    const kinds = timeline.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'received',
        'verification_started',
        'verified',
        'routing_needs_operator',
        'routed',
        'accepted',
        'processing_started',
        'reply_submitted',
        'reply_published',
        'rated',
        'closed',
      ]),
    );
    for (const b of [operator, leader]) {
      await openCase(b.page, id);
      await b.page.locator('[data-testid="case-status"][data-status="closed"]').waitFor({ timeout: UI });
      await b.page.getByTestId('case-status').getByText('Đã hoàn thành').waitFor();
      await b.page.locator('[data-testid="timeline-entry"][data-kind="closed"]').waitFor({ timeout: UI });
      const entries = b.page.getByTestId('timeline-entry');
      const shown: string[] = [];
      for (let i = 0; i < (await entries.count()); i++)
        shown.push((await entries.nth(i).getAttribute('data-kind')) ?? '');
      expect([...shown].sort()).toEqual([...kinds].sort());
      await b.page.getByTestId('current-task').waitFor({ state: 'detached' });
    }
    await operator.screenshot('e2e-13-operator-closed');
    await leader.screenshot('e2e-14-leader-closed');

    const tasks = await db.task.findMany({ where: { caseId: id }, orderBy: { seq: 'asc' } });
    expect(tasks.map((t) => [t.step, t.state, t.outcome])).toEqual([
      ['verify', 'done', 'accept'],
      ['route', 'done', 'route'],
      ['accept', 'done', 'accept'],
      ['assign', 'done', 'assign'],
      ['process', 'done', 'reply'],
      ['approve', 'done', 'approve'],
    ]);
    for (const b of [operator, leader, officer]) expect(b.problems).toEqual([]);
  }, 300_000);
});
