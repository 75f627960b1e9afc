/**
 * Every link a message can carry (notifications/links.ts) opens a route that exists: the portal's
 * and the back office's route tables are read from their sources (portal/src/App.tsx,
 * admin/src/App.tsx and the resources' views), the API's from its router; each link's path must
 * match one of them with react-router's own matcher, never the portal's catch-all.
 * The browser tests open the case links in the built apps (tests/portal-messages.browser.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { matchPath } from 'react-router';
import { ANNOUNCEMENTS_ANCHOR, messageLinks } from '../notifications/links';

const root = path.join(__dirname, '..');
const source = (file: string) => readFileSync(path.join(root, file), 'utf8');

const BASE = 'https://phananh.hatinh.gov.vn';
const links = messageLinks(`${BASE}/`);
const CASE_ID = '5f0c8e7a-3b1d-4c2e-9f6a-1d2e3f4a5b6c';

/** The portal's routes, as <Route path="…"> declares them; "*" (the fallback to home) left out. */
function portalRoutes(): string[] {
  const paths = [...source('portal/src/App.tsx').matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1]!);
  expect(paths.length).toBeGreaterThan(3);
  return paths.filter((p) => p !== '*');
}

/**
 * The back office's routes: under the BrowserRouter's basename, react-admin's routes of each
 * <Resource> (list at /name, /name/create, /name/:id, /name/:id/show when the resource has the
 * view) and the custom routes.
 */
function backOfficeRoutes(): string[] {
  const app = source('admin/src/App.tsx');
  const basename = /<BrowserRouter\s+basename="([^"]+)"/.exec(app)?.[1];
  expect(basename).toBe('/admin');
  const routes: string[] = [];
  for (const [, name, spread] of app.matchAll(/<Resource\s+name="([^"]+)"(?:\s+\{\.\.\.(\w+)\})?/g)) {
    if (!spread) continue;
    // Resources imported by default from their folder; the others (monitoring) are no link's target.
    const from = new RegExp(`import\\s+${spread}\\s+from\\s+'\\./([^']+)'`).exec(app)?.[1];
    if (!from) continue;
    const views = source(`admin/src/${from}/index.ts`);
    const has = (view: string) => new RegExp(`^\\s*${view}:`, 'm').test(views);
    if (has('list')) routes.push(`/${name}`);
    if (has('create')) routes.push(`/${name}/create`);
    if (has('edit')) routes.push(`/${name}/:id`);
    if (has('show')) routes.push(`/${name}/:id/show`);
  }
  for (const [, p] of app.matchAll(/<Route\s+path="([^"]+)"/g)) routes.push(p!);
  return routes.map((r) => `${basename}${r}`);
}

/** The API's GET routes for subscriptions, mounted under /api/v1 (api/app.ts). */
function apiRoutes(): string[] {
  expect(source('api/app.ts')).toMatch(/app\.use\(\s*'\/api\/v1',[^;]*citizenSubscriptionRoutes/);
  return [...source('api/routes/citizen-subscriptions.ts').matchAll(/router\.get\('([^']+)'/g)].map(
    (m) => `/api/v1${m[1]}`,
  );
}

function matching(url: string, routes: string[]): string[] {
  const { pathname } = new URL(url);
  return routes.filter((route) => matchPath({ path: route, end: true }, pathname));
}

describe('links in messages', () => {
  it("lead the reporter to the portal's tracking page", () => {
    const url = links.citizenCase('HT-2612-7K3Q');
    expect(url).toBe(`${BASE}/track/HT-2612-7K3Q`);
    expect(matching(url, portalRoutes())).toEqual(['/track/:code']);
  });

  it("lead officials to the back office's case page, without a hash router", () => {
    const url = links.officialCase(CASE_ID);
    expect(url).toBe(`${BASE}/admin/cases/${CASE_ID}/show`);
    expect(url).not.toContain('#');
    expect(matching(url, backOfficeRoutes())).toContain('/admin/cases/:id/show');
  });

  it("lead subscribers to the portal's home, where announcements are listed", () => {
    const url = links.announcements();
    expect(matching(url, portalRoutes())).toEqual(['/']);
    expect(new URL(url).hash).toBe(`#${ANNOUNCEMENTS_ANCHOR}`);
    expect(source('portal/src/pages/Home.tsx')).toContain(`id="${ANNOUNCEMENTS_ANCHOR}"`);
  });

  it("lead to the API's confirm and unsubscribe pages, token encoded", () => {
    const confirm = links.confirmSubscription('a+b/c');
    const unsubscribe = links.unsubscribe('a+b/c');
    expect(new URL(confirm).searchParams.get('token')).toBe('a+b/c');
    expect(matching(confirm, apiRoutes())).toEqual(['/api/v1/subscriptions/confirm']);
    expect(matching(unsubscribe, apiRoutes())).toEqual(['/api/v1/subscriptions/unsubscribe']);
  });

  it("lead subscribers to the portal's feed and to its area alerts page, where the token manages them", () => {
    expect(matching(links.feed(), portalRoutes())).toEqual(['/feed']);
    const manage = links.manageSubscription('a+b/c');
    expect(new URL(manage).searchParams.get('token')).toBe('a+b/c');
    expect(matching(manage, portalRoutes())).toEqual(['/alerts']);
    expect(source('portal/src/pages/Alerts.tsx')).toContain("params.get('token')");
  });

  it('are built by the link module alone', () => {
    // No other file of the product writes a link path into a message.
    for (const file of [
      'activities/notify-reporter.ts',
      'activities/notify-officials.ts',
      'notifications/announcement-alerts.ts',
      'notifications/area-digests.ts',
      'api/services/subscriptions/subscribe.ts',
    ]) {
      expect(source(file)).toContain('messageLinks(');
      expect(source(file)).not.toMatch(/\$\{publicBaseUrl\}\//);
    }
  });
});
