/**
 * The citizens' portal is usable without a mouse and without sight, on a 360 px phone:
 * - axe-core (WCAG 2.0/2.1/2.2 A and AA, best practices) finds nothing on any screen (home, also
 *   with a tracking search left empty, the report form empty and with its errors, the result, a
 *   case's page as its reporter and as the public sees it, the feed, help, sign-in and its error), in Vietnamese and in
 *   English; the lowest text contrast axe measured is printed and is at least 4.5:1; no screen
 *   shows an emoji (phones without an emoji font draw boxes), categories' icons are drawn;
 * - every visible control is at least 44 × 44 CSS px (a hidden radio or file input counts as its
 *   label, which takes the touch);
 * - with the keyboard only, a citizen opens the form, picks a category, writes, gives an address
 *   and sends: focus is visible at every step, moves to the first invalid field when the form
 *   has errors, and to the result's heading (with the tracking code) once it is sent.
 */
import { readFileSync } from 'node:fs';
import { createApp } from '../api/app';
import { launchBrowser, type TestBrowser } from './support/browser';
import { CitizenCases } from './support/citizen-cases';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';

const config = testConfig();
const api = apiDependencies(config);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const MIN_TARGET = 44;

let worker: Awaited<ReturnType<typeof startWorker>>;
let served: Served;
let browser: TestBrowser;
let base: string;
/** A published case (rateable) whose token is on the test's phone, as if it had sent it. */
let published: { trackingCode: string; token: string; id: string };
/** A published case as anyone sees it (its token is not on the phone). */
let publicCase: string;
/** The tracking code of the report sent with the keyboard. */
let keyboardCode: string | undefined;

interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}
interface AxeOutcome {
  violations: AxeFinding[];
  /** Contrast ratios axe measured on text that passed or failed (not the undecidable ones). */
  contrast: { ratio: number; target: string }[];
}

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  const generous = { limit: 1_000, windowMs: 60_000 };
  const app = createApp({ ...api.deps, citizenRateLimits: { reports: generous, citizenActions: generous } });
  served = await serve(app);
  base = served.base;
  const cases = new CitizenCases(api.deps, config);
  const c = await cases.report({ description: 'Cây đổ chắn ngang đường Nguyễn Du, cần dọn gấp' });
  await cases.publish(c, '18073');
  published = { trackingCode: c.trackingCode, token: c.token, id: c.id };
  const other = await cases.report({ description: 'Đèn đường hỏng cả đoạn đường Phan Đình Phùng' });
  await cases.publish(other, '18073');
  publicCase = other.trackingCode;
  browser = await launchBrowser();
  await browser.page.setViewportSize({ width: 360, height: 740 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await worker?.stop();
  await api.close();
});

/** Runs axe on the page as it is now; its source is evaluated, as a <script> would break the CSP. */
async function axe(): Promise<AxeOutcome> {
  const { page } = browser;
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) await page.evaluate(AXE);
  return page.evaluate<AxeOutcome>(`axe.run(document, { runOnly: ${JSON.stringify(TAGS)} })
    .then((r) => ({
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      })),
      contrast: [...r.passes, ...r.violations].filter((rule) => rule.id === 'color-contrast')
        .flatMap((rule) => rule.nodes.flatMap((n) => [...n.any, ...n.all]
          .filter((check) => check.data && typeof check.data.contrastRatio === 'number')
          .map((check) => ({ ratio: check.data.contrastRatio, target: n.target.join(' ') })))),
    }))`);
}

function readable(violations: AxeFinding[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

/** Visible controls smaller than 44 × 44 px; a hidden radio, checkbox or file input is measured by its label. */
async function smallTargets(): Promise<{ offenders: string[]; smallest: number }> {
  return browser.page.evaluate<{ offenders: string[]; smallest: number }>(`(() => {
    const offenders = [];
    let smallest = Infinity;
    const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
      ' "' + (el.textContent || el.getAttribute('aria-label') || el.getAttribute('value') || '').trim().slice(0, 30) + '"';
    for (const control of document.querySelectorAll('a[href], button, input, select, textarea, label')) {
      let el = control;
      if (el.tagName === 'LABEL' && !el.querySelector('input[type=radio], input[type=checkbox], input[type=file]')) continue;
      if (el.tagName === 'INPUT' && ['radio', 'checkbox', 'file'].includes(el.type)) el = el.closest('label') || el;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const hidden = style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0 ||
        box.right <= 0 || box.bottom <= 0 || box.left >= document.documentElement.scrollWidth;
      if (hidden || el.closest('[aria-hidden="true"]')) continue;
      const size = Math.min(box.width, box.height);
      smallest = Math.min(smallest, size);
      if (box.width < ${MIN_TARGET} - 0.5 || box.height < ${MIN_TARGET} - 0.5)
        offenders.push(describe(el) + ' ' + box.width.toFixed(0) + '×' + box.height.toFixed(0));
    }
    return { offenders: [...new Set(offenders)], smallest };
  })()`);
}

interface Checked {
  screen: string;
  violations: AxeFinding[];
  offenders: string[];
  scrollWidth: number;
  /** Characters drawn only with an emoji font, which many phones (and this Chromium) lack. */
  emoji: string;
  contrast: AxeOutcome['contrast'];
  smallest: number;
}
const checked: Checked[] = [];

/** axe and the touch targets on the screen now shown, kept for the verdict; a screenshot to look at. */
async function check(screen: string): Promise<Checked> {
  const { page } = browser;
  // A locator, not waitForFunction: that evaluates strings with eval, which the CSP forbids.
  await page.locator('main [role="status"]', { hasText: /Đang tải|Loading/ }).waitFor({ state: 'detached' });
  const outcome = await axe();
  const targets = await smallTargets();
  await browser.screenshot(`portal-a11y-${screen}`);
  const result = {
    screen,
    violations: outcome.violations,
    offenders: targets.offenders,
    scrollWidth: await page.evaluate<number>('document.documentElement.scrollWidth'),
    emoji: await page.evaluate<string>(
      String.raw`[...document.body.innerText.matchAll(/[\p{Emoji_Presentation}\uFE0F]/gu)].map((m) => m[0]).join('')`,
    ),
    contrast: outcome.contrast,
    smallest: targets.smallest,
  };
  checked.push(result);
  return result;
}

/** Every problem of the screens checked, readably; empty when there is none. */
function problems(results: Checked[]): string {
  return results
    .flatMap((r) => [
      ...(r.violations.length ? [`${r.screen}: axe\n${readable(r.violations)}`] : []),
      ...(r.offenders.length ? [`${r.screen}: targets under ${MIN_TARGET} px: ${r.offenders.join('; ')}`] : []),
      ...(r.scrollWidth > 360 ? [`${r.screen}: ${r.scrollWidth} px wide, scrolls sideways`] : []),
      ...(r.emoji ? [`${r.screen}: emoji that need an emoji font: ${r.emoji}`] : []),
    ])
    .join('\n');
}

/** The element that has focus, whether something shows it, and whether the fixed bars leave it in view. */
interface Focus {
  tag: string;
  id: string;
  name: string;
  value: string;
  text: string;
  /** The text of its <label>. */
  label: string;
  /** An outline or a ring, its own or (for a radio or file input drawn invisible) its label's. */
  visible: boolean;
  /** No part of it is under the fixed bottom navigation or above the window (WCAG 2.4.11). */
  unobscured: boolean;
}

async function focused(): Promise<Focus> {
  return browser.page.evaluate(`(() => {
    const el = document.activeElement;
    const shows = (node) => {
      if (!node) return false;
      const s = getComputedStyle(node);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
    };
    const target = getComputedStyle(el).opacity === '0' && el.closest('label') ? el.closest('label') : el;
    const box = target.getBoundingClientRect();
    const nav = document.querySelector('.bottom-nav');
    const unobscured = Boolean(el.closest('.bottom-nav')) || box.height === 0 ||
      (box.top >= 0 && box.bottom <= (nav ? nav.getBoundingClientRect().top : innerHeight));
    return {
      unobscured,
      tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name') || '', value: el.value || '',
      text: (el.textContent || '').trim().slice(0, 60),
      label: ((el.labels && el.labels[0] && el.labels[0].textContent) || '').trim(),
      // A radio or file input drawn invisible (opacity 0) shows its focus on its label.
      visible: (getComputedStyle(el).opacity !== '0' && shows(el)) || shows(el.closest('label')),
    };
  })()`);
}

/** Presses Tab (Shift+Tab backwards) until `wanted` has focus; every stop on the way must show its focus. */
async function tabTo(wanted: (f: Focus) => boolean, backwards = false) {
  for (let i = 0; i < 60; i++) {
    await browser.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused();
    expect(now).toEqual({ ...now, visible: true, unobscured: true });
    if (wanted(now)) return now;
  }
  throw new Error('the element was not reached with Tab');
}

/** Puts the published case on this phone, as "my reports" keeps the cases it sent (src/outbox.ts). */
async function keepOnPhone(c: { trackingCode: string; token: string; id: string }) {
  await browser.page.evaluate(`new Promise((resolve, reject) => {
    // The version the app is at (src/device-store.ts); on a phone that never opened it, v1's stores.
    const open = indexedDB.open('ihatinh-portal');
    open.onupgradeneeded = () => {
      open.result.createObjectStore('outbox', { keyPath: 'key' });
      open.result.createObjectStore('reports', { keyPath: 'trackingCode' });
    };
    open.onsuccess = () => {
      const tx = open.result.transaction('reports', 'readwrite');
      const now = new Date().toISOString();
      tx.objectStore('reports').put({ trackingCode: ${JSON.stringify(c.trackingCode)},
        citizenToken: ${JSON.stringify(c.token)}, id: ${JSON.stringify(c.id)}, key: 'a11y-test',
        createdAt: now, sentAt: now, description: 'Cây đổ chắn ngang đường Nguyễn Du' });
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  })`);
}

describe('the portal, without a mouse and without sight, at 360 px', () => {
  it('finds what it looks for (the checks can fail)', async () => {
    const { page } = browser;
    await page.goto(`${base}/help`);
    await page.getByTestId('hotline').waitFor({ timeout: 30_000 });
    await page.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend',
      '<div id="flawed"><img src="/icon.svg"><button type="button" style="min-height:0;padding:0;width:20px;height:20px">x</button> 📞</div>')`);
    const flawed = await check('flawed');
    checked.pop(); // not a screen of the portal: kept out of the contrast and target figures
    expect(flawed.violations.map((v) => v.id)).toContain('image-alt');
    expect(flawed.offenders).toEqual([expect.stringMatching(/^button "x" 20×20$/)]);
    expect(problems([flawed])).toMatch(/image-alt[\s\S]*20×20[\s\S]*emoji that need an emoji font: 📞/);
    await page.evaluate(`document.getElementById('flawed').remove()`);
  });

  it('reports with the keyboard only: visible focus, errors focused, the result heading focused', async () => {
    const { page } = browser;
    await page.goto(`${base}/`);
    await page.getByTestId('new-report').waitFor({ timeout: 30_000 });

    await tabTo((f) => f.tag === 'a' && /Gửi phản ánh mới/.test(f.text));
    await page.keyboard.press('Enter');
    await page.locator('input[name="category"]').first().waitFor({ timeout: 30_000 });
    // The new screen's heading has focus: a screen reader says where the citizen is.
    expect(await focused()).toMatchObject({ tag: 'h1', text: 'Gửi phản ánh' });

    // Sent empty: the first invalid field (the category) takes the focus, its error tied to it.
    await tabTo((f) => f.tag === 'button' && f.text === 'Gửi phản ánh');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').first().waitFor();
    const invalid = await focused();
    expect(invalid).toMatchObject({ tag: 'input', name: 'category' });
    expect(await page.evaluate<string>(`document.activeElement.getAttribute('aria-describedby')`)).toContain(
      'category-error',
    );
    await browser.screenshot('portal-a11y-keyboard-errors');

    // A category with the arrow keys (a radio group: arrows move and choose).
    for (let i = 0; i < 20 && (await focused()).value !== 'moi-truong'; i++) await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ name: 'category', value: 'moi-truong', visible: true, unobscured: true });
    expect(await page.locator('input[name="category"][value="moi-truong"]').isChecked()).toBe(true);

    await tabTo((f) => f.id === 'description');
    await page.keyboard.type('Rác thải đổ trộm ven đường, gửi bằng bàn phím');
    // Space toggles the "urgent" checkbox, and again.
    await tabTo((f) => f.tag === 'input' && /Khẩn cấp/.test(f.label));
    const urgent = page.getByLabel('Khẩn cấp (nguy hiểm đến người, tài sản)');
    await page.keyboard.press('Space');
    expect(await urgent.isChecked()).toBe(true);
    await page.keyboard.press('Space');
    expect(await urgent.isChecked()).toBe(false);
    await tabTo((f) => f.id === 'address');
    // Shift+Tab goes back the same way (the longitude is just before), Tab returns.
    await tabTo((f) => f.id === 'lng', true);
    await tabTo((f) => f.id === 'address');
    await page.keyboard.type('Đường Hà Huy Tập, phường Thành Sen');
    await tabTo((f) => f.tag === 'button' && f.text === 'Gửi phản ánh');
    await page.keyboard.press('Enter');

    const code = page.getByTestId('tracking-code');
    await code.waitFor({ timeout: 30_000 });
    keyboardCode = (await code.textContent())!.trim();
    expect(keyboardCode).toMatch(/^HT-\d{4}-[2-9A-Z]{4}$/);
    // The result's heading has focus (and names the code as its description).
    const heading = await focused();
    expect(heading).toMatchObject({ tag: 'h1', text: 'Đã gửi phản ánh' });
    expect(
      await page.evaluate<string>(
        `document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent`,
      ),
    ).toContain(keyboardCode);
    expect(problems([await check('report-sent-vi')])).toBe('');
    // The check left the focus where it was.
    expect(await focused()).toMatchObject({ tag: 'h1' });
    // From the result on, still by keyboard: the link to the case opens its page.
    await tabTo((f) => f.tag === 'a' && /Xem phản ánh|View/.test(f.text));
    await page.keyboard.press('Enter');
    await page.getByTestId('case-status').waitFor({ timeout: 30_000 });
    expect(browser.problems).toEqual([]);
  }, 120_000);

  it.each(['vi', 'en'] as const)(
    'has no axe violation and no small target on any screen (%s)',
    async (language) => {
      const { page } = browser;
      await page.goto(`${base}/help`);
      await page.evaluate(`localStorage.setItem('portal.language', '${language}')`);
      await keepOnPhone(published);
      const open = async (path: string, ready: string) => {
        await page.goto(`${base}${path}`);
        await page.locator(ready).first().waitFor({ timeout: 30_000 });
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
      };

      const results: Checked[] = [];
      await open('/', '[data-testid="my-reports"] a');
      results.push(await check(`home-${language}`));
      // Tracking without a code: the field says what is missing and keeps the focus.
      await page.locator('#track-code ~ button[type="submit"]').click();
      await page.locator('#track-code-error').waitFor();
      expect(await focused()).toMatchObject({ id: 'track-code' });
      expect(await page.locator('#track-code').getAttribute('aria-describedby')).toBe('track-code-error');
      results.push(await check(`home-errors-${language}`));
      await open('/report', 'input[name="category"]');
      await page.locator('.category-icon').first().waitFor();
      // Every category's icon is the API's SVG, drawn (no broken image, no fallback needed).
      await page.waitForLoadState('load');
      expect(
        await page.evaluate<string[]>(`[...document.querySelectorAll('.category-icon')]
          .filter((el) => !(el.tagName === 'IMG' && el.complete && el.naturalWidth > 0 && el.src.includes('/api/v1/icons/')))
          .map((el) => el.outerHTML)`),
      ).toEqual([]);
      results.push(await check(`report-${language}`));
      await page.locator('button[type="submit"]').click();
      await page.locator('.field-error').first().waitFor();
      results.push(await check(`report-errors-${language}`));
      await open(`/track/${keyboardCode ?? published.trackingCode}`, '[data-testid="case-status"]');
      results.push(await check(`track-own-${language}`));
      await open(`/track/${published.trackingCode}`, '.stars');
      results.push(await check(`track-rate-${language}`));
      await open(`/track/${publicCase}`, '[data-testid="case-status"]');
      results.push(await check(`track-public-${language}`));
      await open('/feed', '[data-testid="feed"] li');
      results.push(await check(`feed-${language}`));
      await open('/help', '[data-testid="hotline"]');
      results.push(await check(`help-${language}`));
      await open('/statistics', '[data-testid="stats-total"]');
      results.push(await check(`statistics-${language}`));
      await open('/alerts', '[data-testid="alert-whole-province"]');
      results.push(await check(`alerts-${language}`));
      await open('/sign-in', '#sign-in-phone');
      results.push(await check(`sign-in-${language}`));
      // Sending without a number: the field says what is wanted.
      await page.locator('#sign-in-phone ~ button[type="submit"]').click();
      await page.locator('#phone-error').waitFor();
      expect(await page.locator('#sign-in-phone').getAttribute('aria-describedby')).toBe('phone-error');
      results.push(await check(`sign-in-errors-${language}`));
      expect(problems(results)).toBe('');
      expect(browser.problems).toEqual([]);
    },
    180_000,
  );

  it('has text contrast of at least 4.5:1 everywhere axe could measure it', () => {
    const all = checked.flatMap((c) => c.contrast.map((m) => ({ ...m, screen: c.screen })));
    expect(all.length).toBeGreaterThan(50);
    const lowest = all.reduce((a, b) => (b.ratio < a.ratio ? b : a));
    const smallest = Math.min(...checked.map((c) => c.smallest));
    process.stdout.write(
      `portal a11y: lowest text contrast ${lowest.ratio.toFixed(2)}:1 (${lowest.screen}: ${lowest.target}); ` +
        `smallest touch target ${smallest.toFixed(0)} px; ${checked.length} screens checked\n`,
    );
    expect(lowest.ratio).toBeGreaterThanOrEqual(4.5);
  });
});
