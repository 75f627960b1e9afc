/**
 * Every create and edit page of the back office opens without a crash (an administrator, in
 * Chromium): react-admin throws on some input settings only when the page renders (the SLA
 * policy form's `emptyValue={null}` did), which no type check or API test sees. Then an SLA
 * policy is created and edited through its form, and read back through the API each time:
 * deadlines are data, and this is the page administrators change them on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { createApp } from '../api/app';
import { signInToBackOffice } from './support/back-office';
import { launchBrowser, type TestBrowser } from './support/browser';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';

const config = testConfig();
const api = apiDependencies(config);
const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
const as = officialSessions(() => app, config.DEMO_PASSWORD);
let served: Served;
let browser: TestBrowser;
const UI = 30_000;

/** The resources with a create or an edit page, read from admin/src/<resource>/index.ts: a new one is covered too. */
function resourcesWith(page: 'create' | 'edit'): string[] {
  const src = path.resolve(__dirname, '..', 'admin', 'src');
  return readdirSync(src)
    .filter((folder) => existsSync(path.join(src, folder, 'index.ts')))
    .filter((folder) => new RegExp(`^\\s*${page}:`, 'm').test(readFileSync(path.join(src, folder, 'index.ts'), 'utf8')))
    .sort();
}
const CREATE = resourcesWith('create');
const EDIT = resourcesWith('edit');

const made = { apiKey: '', announcement: '', slaPolicy: '' };

beforeAll(async () => {
  served = await serve(app);
  // Records no seed has, so that their edit pages have something to open.
  const admin = await as('admin');
  const key = await request(app)
    .post('/api/admin/api-keys')
    .set('Cookie', admin)
    .send({ name: 'Kênh thử biểu mẫu', channel: `forms-${Date.now()}` })
    .expect(201);
  made.apiKey = key.body.id;
  const unit = await api.deps.db.unit.findUniqueOrThrow({ where: { code: '18073' } });
  const announcement = await request(app)
    .post('/api/admin/announcements')
    .set('Cookie', admin)
    .send({
      unitId: unit.id,
      kind: 'disaster',
      severity: 'warning',
      titleVi: 'Thông báo thử biểu mẫu',
      bodyVi: 'Nội dung thông báo thử.',
      communeCodes: ['18073'],
      validFrom: new Date().toISOString(),
    })
    .expect(201);
  made.announcement = announcement.body.id;
  browser = await launchBrowser();
  await signInToBackOffice(browser.page, served.base, 'admin', config.DEMO_PASSWORD);
}, 90_000);

afterAll(async () => {
  const { db } = api.deps;
  if (made.slaPolicy) await db.slaPolicy.deleteMany({ where: { id: made.slaPolicy } });
  if (made.announcement) await db.announcement.deleteMany({ where: { id: made.announcement } });
  if (made.apiKey) await db.apiKey.deleteMany({ where: { id: made.apiKey } });
  await browser?.close();
  await served?.close();
  await api.close();
});

/** A GET of the back-office API from the signed-in page (its session cookie). */
async function apiGet<T>(page: Page, url: string): Promise<T> {
  return (await page.evaluate(async (u) => {
    const response = await fetch(u);
    if (!response.ok) throw new Error(`${u}: ${response.status}`);
    return response.json();
  }, url)) as T;
}

/** Opens a page and waits for its form's Save button; a crash shows react-admin's error page instead. */
async function openForm(page: Page, path: string): Promise<void> {
  await page.goto(`${served.base}/admin/${path}`);
  const save = page.getByRole('button', { name: 'Lưu' });
  const crashed = page.locator('.RaError-container');
  await save
    .or(crashed)
    .first()
    .waitFor({ timeout: UI })
    .catch(async (error: Error) => {
      const shot = await browser.screenshot(`admin-forms-failed-${path.replace(/\W+/g, '-')}`);
      throw new Error(
        `${path}: no form (${error.message}); see ${shot}; the page said: ${browser.problems.join('\n')}`,
      );
    });
  await page.waitForLoadState('networkidle');
  expect({ path, crashed: await crashed.count() }).toEqual({ path, crashed: 0 });
}

async function choose(page: Page, field: RegExp, option: string): Promise<void> {
  await page.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

interface ApiSlaPolicy {
  id: string;
  step: string;
  categoryCode: string | null;
  level: string | null;
  durationAmount: number;
  durationUnit: string;
  reminderAt: number;
  escalations: { level: number; afterWorkingHours: number; notify: string }[];
  basis: string | null;
}

describe('the back office forms', () => {
  // One browser for every page: each test answers for its own page's problems.
  beforeEach(() => browser.problems.splice(0));

  it('finds the resources of the back office', () => {
    expect(CREATE).toEqual(expect.arrayContaining(['sla-policies', 'announcements', 'units']));
    expect(EDIT).toEqual(expect.arrayContaining([...CREATE, 'communes', 'notification-templates']));
  });

  it.each(CREATE)('opens the create page of %s without a crash', async (resource) => {
    await openForm(browser.page, `${resource}/create`);
    expect(browser.problems).toEqual([]);
  });

  it.each(EDIT)('opens the edit page of %s without a crash', async (resource) => {
    const { page } = browser;
    const id =
      resource === 'api-keys'
        ? made.apiKey
        : resource === 'announcements'
          ? made.announcement
          : (await apiGet<{ id: string }[]>(page, `/api/admin/${resource}?range=%5B0%2C0%5D`))[0]?.id;
    expect(id).toBeTruthy();
    await openForm(page, `${resource}/${encodeURIComponent(String(id))}`);
    expect(browser.problems).toEqual([]);
  });

  it('creates an SLA policy through its form and edits it, each change read back through the API', async () => {
    const { page } = browser;
    const category = (
      await apiGet<{ code: string; nameVi: string }[]>(page, '/api/admin/categories?range=%5B0%2C0%5D')
    )[0]!;
    const basis = `Quyết định thử ${Date.now()} của UBND tỉnh`;

    await openForm(page, 'sla-policies/create');
    await choose(page, /^Bước/, 'Xử lý');
    await page.getByRole('combobox', { name: /^Lĩnh vực/ }).fill(category.nameVi);
    await page.getByRole('option', { name: category.nameVi }).first().click();
    await choose(page, /^Mức độ/, 'Phức tạp');
    await page.fill('input[name="durationAmount"]', '7');
    await choose(page, /^Đơn vị/, 'ngày làm việc');
    await page.fill('input[name="reminderAt"]', '0.5');
    await page.getByRole('button', { name: 'Thêm' }).click();
    await page.fill('input[name="escalations.0.level"]', '1');
    await page.fill('input[name="escalations.0.afterWorkingHours"]', '4');
    await choose(page, /^Báo cho/, 'Giám sát viên IOC');
    await page.fill('textarea[name="basis"]', basis);
    await browser.screenshot('admin-forms-01-sla-create');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/admin\/sla-policies(\?.*)?$/, { timeout: UI });

    const listed = await apiGet<ApiSlaPolicy[]>(page, '/api/admin/sla-policies?range=%5B0%2C499%5D');
    const created = listed.find((p) => p.basis === basis);
    expect(created).toMatchObject({
      step: 'process',
      categoryCode: category.code,
      level: 'complex',
      durationAmount: 7,
      durationUnit: 'days',
      reminderAt: 0.5,
      escalations: [{ level: 1, afterWorkingHours: 4, notify: 'ioc_supervisor' }],
    });
    made.slaPolicy = created!.id;

    // Edited: any level (the empty choice, stored as null) and a shorter deadline.
    await openForm(page, `sla-policies/${created!.id}`);
    expect(await page.inputValue('input[name="durationAmount"]')).toBe('7');
    await page.getByRole('combobox', { name: /^Mức độ/ }).click();
    await page.locator('li[role="option"][data-value=""]').click();
    await page.fill('input[name="durationAmount"]', '5');
    await browser.screenshot('admin-forms-02-sla-edit');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/admin\/sla-policies(\?.*)?$/, { timeout: UI });

    const edited = await apiGet<ApiSlaPolicy>(page, `/api/admin/sla-policies/${created!.id}`);
    expect(edited).toMatchObject({ level: null, durationAmount: 5, durationUnit: 'days', basis });
    expect(browser.problems).toEqual([]);
  });
});
