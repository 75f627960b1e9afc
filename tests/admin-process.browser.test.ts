/**
 * The process in the back office, in a browser, against the real workflow: a case accepted by the
 * ward, returned by it, re-routed to the environment department and accepted there, whose next
 * step then ran overdue and was escalated. A supervisor sees it counted on the Process page, its
 * path on the case's Diagram tab (markers by element id) and its workflow history on the History
 * tab, with the officials' names and the JSON export. Deadlines are hours away, so the
 * escalation is written directly (as tests/case-diagram.test.ts does).
 */
import { createApp } from '../api/app';
import { CaseDriver, officials } from './support/case-driver';
import { launchBrowser, type TestBrowser } from './support/browser';
import { apiDependencies, bundleWorkflows, startWorker, testConfig } from './support/platform';
import { serve, type Served } from './support/serve';
import { signInToBackOffice } from './support/back-office';

const config = testConfig({ TEMPORAL_UI_URL: 'http://temporal-ui.test:8080' });
const api = apiDependencies(config);
const db = api.deps.db;
let served: Served;
let browser: TestBrowser;
let worker: Awaited<ReturnType<typeof startWorker>>;
let base: string;
let people: Record<string, string> = {};

beforeAll(async () => {
  worker = await startWorker(config, await bundleWorkflows());
  const app = createApp({ ...api.deps, loginRateLimit: { limit: 10_000, windowMs: 60_000 } });
  served = await serve(app);
  ({ base } = served);
  browser = await launchBrowser();
  people = await officials(db, ['operator', '18073.officer', 'SNNMT.officer']);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await worker?.stop();
  await api.close();
});

describe('the process in the back office', () => {
  it('shows a returned and escalated case on the Process page, its Diagram and its History', async () => {
    const c = await CaseDriver.start(api.deps.temporal, config.TEMPORAL_TASK_QUEUE, {
      description: 'Cống thoát nước bị tắc, nước tràn ra đường (kiểm thử quy trình)',
    });
    await c.complete('verify', 'accept', {}, people.operator!);
    // moi-truong in 18073 goes to the ward, which returns it; re-routed to the department.
    await c.complete('accept', 'return', { reason: 'Không thuộc thẩm quyền của phường' }, people['18073.officer']!);
    await c.complete('accept', 'accept', {}, people['SNNMT.officer']!);
    const state = await c.quiet();
    expect(state.openTask?.step).toBe('assign');
    // The assign deadline passed and the leader was alerted (escalation level 1).
    await db.caseTimelineEntry.create({
      data: {
        caseId: c.caseId,
        seq: 900,
        kind: 'overdue',
        visibility: 'internal',
        note: 'assign: level 1',
        at: new Date(),
      },
    });
    await db.case.update({ where: { id: c.caseId }, data: { overdue: true, escalationLevel: 1 } });
    const names = Object.fromEntries(
      (await db.user.findMany({ where: { id: { in: Object.values(people) } }, select: { id: true, name: true } })).map(
        (u) => [u.id, u.name],
      ),
    );

    const { page } = browser;
    await signInToBackOffice(page, base, 'supervisor', config.DEMO_PASSWORD);

    // The Process page, from the menu: open and overdue cases on the steps.
    await page.getByRole('menuitem', { name: 'Quy trình' }).click();
    await page.locator('[data-testid="process-diagram"][data-ready="true"]').waitFor({ timeout: 30_000 });
    const open = page.getByTestId('process-open-assign');
    const overdue = page.getByTestId('process-overdue-assign');
    await open.waitFor();
    await overdue.waitFor();
    expect(Number(/\d+/.exec(await open.innerText())?.[0])).toBeGreaterThanOrEqual(1);
    expect(await open.innerText()).toMatch(/đang mở/);
    expect(Number(/\d+/.exec(await overdue.innerText())?.[0])).toBeGreaterThanOrEqual(1);
    expect(await page.locator('g.djs-element[data-element-id="assign"]').getAttribute('class')).toContain(
      'process-has-overdue',
    );
    await browser.screenshot('process-01-page-vi');

    // A click on the step lists its cases.
    await page.locator('g.djs-element[data-element-id="assign"]').click();
    await page.waitForURL(/\/admin\/cases\?filter=/, { timeout: 15_000 });
    expect(decodeURIComponent(page.url())).toContain('{"step":"assign"}');
    await page.getByText(c.trackingCode).waitFor({ timeout: 30_000 });
    await browser.screenshot('process-02-cases-of-step-vi');

    // The case's Diagram tab: the path taken, the current step, the overdue step.
    await page.goto(`${base}/admin/cases/${c.caseId}/show`);
    await page.getByTestId('tab-diagram').click();
    await page.locator('[data-testid="case-diagram-canvas"][data-ready="true"]').waitFor({ timeout: 30_000 });
    const classOf = async (id: string) =>
      (await page.locator(`.djs-element[data-element-id="${id}"]`).first().getAttribute('class')) ?? '';
    await page.getByTestId('diagram-times-assign').waitFor();
    expect(await classOf('verify')).toContain('case-completed');
    expect(await classOf('accept')).toContain('case-completed');
    expect(await classOf('assign')).toContain('case-active');
    expect(await classOf('assign')).toContain('case-overdue');
    expect(await classOf('verify')).not.toContain('case-overdue');
    expect(await classOf('process')).not.toMatch(/case-(completed|active)/);
    expect(await classOf('verify_accept')).toContain('case-flow-taken');
    expect(await classOf('accept_return')).toContain('case-flow-taken');
    expect(await classOf('accept_accept')).toContain('case-flow-taken');
    expect(await classOf('verify_reject')).not.toContain('case-flow-taken');
    const times = await page.getByTestId('diagram-times-assign').innerText();
    expect(times).toMatch(/đã mất/);
    expect(times).toMatch(/hạn/);
    expect(await page.getByTestId('diagram-times-assign').getAttribute('class')).toContain('overdue');
    expect(await page.getByTestId('diagram-times-verify').innerText()).toMatch(/đã mất/);
    await page.getByTestId('case-diagram').scrollIntoViewIfNeeded();
    await browser.screenshot('process-03-case-diagram-vi');

    // The History tab: the officials' Updates by name, the link to Temporal, the JSON export.
    await page.getByTestId('tab-history').click();
    await page.getByTestId('case-history').waitFor({ timeout: 30_000 });
    const update = (outcome: string) =>
      page.locator(
        `[data-testid="history-event"][data-type="WorkflowExecutionUpdateAccepted"][data-name="completeTask"][data-outcome="${outcome}"]`,
      );
    await expect(update('return').getByTestId('history-who').innerText()).resolves.toBe(
      names[people['18073.officer']!],
    );
    const accepted = await update('accept').getByTestId('history-who').allInnerTexts();
    expect(accepted).toEqual(expect.arrayContaining([names[people.operator!], names[people['SNNMT.officer']!]]));
    expect(await page.locator('[data-testid="history-event"][data-type="WorkflowExecutionStarted"]').count()).toBe(1);
    expect(await page.getByTestId('history-temporal-ui').getAttribute('href')).toBe(
      `http://temporal-ui.test:8080/namespaces/default/workflows/${c.caseId}`,
    );
    const exportLink = page.getByTestId('history-export');
    expect(await exportLink.getAttribute('href')).toBe(`/api/admin/cases/${c.caseId}/history.json`);
    const exported = await page.evaluate(
      async (href) => {
        const response = await fetch(href!);
        return { status: response.status, disposition: response.headers.get('content-disposition') };
      },
      await exportLink.getAttribute('href'),
    );
    expect(exported).toEqual({ status: 200, disposition: `attachment; filename="history-${c.trackingCode}.json"` });
    await page.getByTestId('case-history').scrollIntoViewIfNeeded();
    await browser.screenshot('process-04-case-history-vi');

    expect(browser.problems).toEqual([]);
  });
});
