/**
 * Officials' letters as the citizen receives them, in a real browser at a phone's size: the
 * operator sends the seeded request-for-information letter and the officer the seeded reply
 * letter through the back office's API, each with the official's words written in place of the
 * blanks; the citizen follows the link of the message they received (notifications/links.ts) to
 * the portal's tracking page and reads each letter filled (no "{{"), with its line breaks, and
 * the answer deadline in Hà Tĩnh's time. An official's link opens the case in the back office.
 */
import type { Express } from 'express';
import request from 'supertest';
import { letterDateTime } from '../domain/reply-letters';
import { messageLinks } from '../notifications/links';
import { SEED_REPLY_TEMPLATES } from '../prisma/seed/reply-templates';
import { signInToBackOffice } from './support/back-office';
import type { TestBrowser } from './support/browser';
import { CitizenCases, type CitizenCase } from './support/citizen-cases';
import { eventually } from './support/eventually';
import { officialSessions } from './support/official-sessions';
import { apiDependencies, testConfig } from './support/platform';
import { startPortalSession, type PortalSession } from './support/portal-session';

const config = testConfig();
const api = apiDependencies(config);
const db = api.deps.db;
const cases = new CitizenCases(api.deps, config);
const UNIT = '18073';
const REPORTER = { name: 'Lê Thị Thư', phone: '0912 111 222', email: 'le.thi.thu@example.vn' };
const QUESTION = 'Rác đổ ở đầu ngõ hay cuối ngõ?\nXin gửi thêm một ảnh chụp ban ngày.';
const RESULT = 'Ngày 05/12, tổ công tác đã thu gom toàn bộ rác.\nĐã lập biên bản xử phạt người đổ trộm.';
let session: PortalSession;
let app: Express;
let browser: TestBrowser;
let base: string;
const as = officialSessions(() => app, config.DEMO_PASSWORD);

beforeAll(async () => {
  session = await startPortalSession(config, api);
  ({ browser, base, app } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
  await api.close();
});

const template = (code: string) => SEED_REPLY_TEMPLATES.find((t) => t.code === code)!.bodyVi;

/** The citizen reported from this phone: the portal keeps the case's token on it (device-store.ts). */
async function keptOnThePhone(c: CitizenCase) {
  await browser.page.goto(`${base}/`);
  const saved = {
    trackingCode: c.trackingCode,
    citizenToken: c.token,
    id: c.id,
    key: c.id,
    createdAt: new Date().toISOString(),
    sentAt: new Date().toISOString(),
    description: 'Rác thải',
  };
  // Evaluated as source: the tests' TypeScript has no DOM types.
  await browser.page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('ihatinh-portal', 2);
    open.onerror = () => reject(open.error);
    open.onupgradeneeded = () => {
      for (const [name, keyPath] of [['outbox', 'key'], ['reports', 'trackingCode'], ['actions', 'key']])
        open.result.createObjectStore(name, { keyPath });
    };
    open.onsuccess = () => {
      const tx = open.result.transaction('reports', 'readwrite');
      tx.objectStore('reports').put(${JSON.stringify(saved)});
      tx.oncomplete = () => { open.result.close(); resolve(true); };
      tx.onerror = () => reject(tx.error);
    };
  })`);
}

async function complete(c: CitizenCase, username: string, body: Record<string, unknown>) {
  const taskId = (await c.driver.settled()).openTask!.id;
  await request(app)
    .post(`/api/admin/tasks/${taskId}/complete`)
    .set('Cookie', await as(username))
    .send(body)
    .expect(200);
}

/** The reporter's message for the event, once the workflow has written it. */
function messageOf(c: CitizenCase, event: string, channel: 'email' | 'sms') {
  return eventually(() => db.notification.findFirstOrThrow({ where: { caseId: c.id, event, channel } }));
}

/** Opens the link a message carries, on this test's server (PUBLIC_BASE_URL is another origin). */
async function follow(text: string) {
  const link = new URL(/https?:\/\/\S+/.exec(text)![0]);
  await browser.page.goto(`${base}${link.pathname}`);
  return link;
}

describe('letters in the portal', () => {
  it('the request for information: filled, its deadline in Hà Tĩnh time, its lines kept', async () => {
    const c = await cases.report({ reporter: REPORTER, confidential: false });
    await complete(c, 'operator', {
      outcome: 'request_info',
      question: template('request-info').replace('{{question}}', QUESTION),
    });
    const due = (await c.driver.quiet((s) => s.status === 'info_requested')).infoRequest!.due;
    const sms = await messageOf(c, 'info_requested', 'sms');
    const mail = await messageOf(c, 'info_requested', 'email');
    expect(`${sms.body}${mail.subject}${mail.body}`).not.toContain('{{');
    expect(mail.body).toContain(QUESTION); // the mail keeps the lines

    await keptOnThePhone(c);
    const link = await follow(sms.body);
    expect(link.pathname).toBe(`/track/${c.trackingCode}`);
    const question = browser.page.getByTestId('info-question');
    await question.waitFor({ timeout: 30_000 });
    const shown = await question.innerText();
    expect(shown).not.toContain('{{');
    expect(shown).toContain(`Kính gửi: Quý Ông/Bà ${REPORTER.name}`);
    expect(shown).toContain(QUESTION); // innerText has the line break only if it is rendered
    expect(shown).toContain(`trước ${letterDateTime(due)}`);
    expect(await browser.page.getByTestId('timeline').innerText()).toContain(QUESTION);
    await browser.screenshot('portal-messages-01-request-for-information');
  });

  it('the reply letter: filled, published with its lines, and the case page opens in the back office', async () => {
    const c = await cases.report({ reporter: REPORTER });
    await cases.toProcess(c, UNIT);
    const proof = await cases.addMedia(c, 'proof');
    await complete(c, `${UNIT}.officer`, {
      outcome: 'reply',
      reply: template('reply-letter').replace('{{result}}', RESULT),
      attachmentIds: [proof.id],
    });
    await complete(c, `${UNIT}.leader`, { outcome: 'approve' });
    await c.driver.quiet((s) => s.step === 'rate');
    const sms = await messageOf(c, 'reply_published', 'sms');

    await keptOnThePhone(c);
    await follow(sms.body);
    const reply = browser.page.getByTestId('case-reply');
    await reply.waitFor({ timeout: 30_000 });
    const shown = await reply.innerText();
    expect(shown).not.toContain('{{');
    expect(shown).toContain(RESULT);
    expect(shown).toContain(c.trackingCode);
    expect(shown).toContain('Kính gửi: Quý Ông/Bà\n'); // confidential: not named
    await browser.screenshot('portal-messages-02-reply-letter');

    // The officials' link: the back office's case page, no hash router.
    await signInToBackOffice(browser.page, base, `${UNIT}.leader`, config.DEMO_PASSWORD);
    await browser.page.goto(messageLinks(base).officialCase(c.id));
    await browser.page.getByTestId('case-description').waitFor({ timeout: 30_000 });
    expect(await browser.page.getByText(c.trackingCode).count()).toBeGreaterThan(0);
  });
});
