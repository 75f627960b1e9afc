/**
 * Every link the platform puts in a message, built in one place from PUBLIC_BASE_URL. Each leads
 * to a route that exists: the portal's tracking page, the back office's case page (a browser
 * router under /admin: no hash), the portal's home, which lists the announcements, and the API's
 * confirm and unsubscribe pages, and the portal's feed and area alerts page. tests/message-links.test.ts checks every path below against the
 * portal's and the back office's route tables and the API.
 */

/** The route each link opens, as the app that serves it declares it. */
export const LINK_ROUTES = {
  /** portal/src/App.tsx */
  citizenCase: '/track/:code',
  /** admin/src/App.tsx: BrowserRouter basename "/admin", Resource "cases" with a show view. */
  officialCase: '/admin/cases/:id/show',
  /** portal/src/App.tsx: the home page, whose section #announcements lists them. */
  announcements: '/',
  /** portal/src/App.tsx: the public feed of published reports. */
  feed: '/feed',
  /** portal/src/App.tsx: the area alerts page; with ?token=… it manages that subscription. */
  manageSubscription: '/alerts',
  /** api/routes/citizen-subscriptions.ts */
  confirmSubscription: '/api/v1/subscriptions/confirm',
  unsubscribe: '/api/v1/subscriptions/unsubscribe',
} as const;

/** The id of the home page's announcements section (portal/src/pages/Home.tsx). */
export const ANNOUNCEMENTS_ANCHOR = 'announcements';

export interface MessageLinks {
  /** The reporter's case page (status, timeline, reply, rating). */
  citizenCase(trackingCode: string): string;
  /** The case in the back office: its current task is answered there. */
  officialCase(caseId: string): string;
  announcements(): string;
  /** The public feed, optionally of one commune. */
  feed(): string;
  /** The portal's page where the holder of the token sees and changes what they receive. */
  manageSubscription(token: string): string;
  confirmSubscription(token: string): string;
  unsubscribe(token: string): string;
}

export function messageLinks(publicBaseUrl: string): MessageLinks {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const withToken = (path: string, token: string) => `${base}${path}?token=${encodeURIComponent(token)}`;
  return {
    citizenCase: (trackingCode) =>
      `${base}${LINK_ROUTES.citizenCase.replace(':code', encodeURIComponent(trackingCode))}`,
    officialCase: (caseId) => `${base}${LINK_ROUTES.officialCase.replace(':id', encodeURIComponent(caseId))}`,
    announcements: () => `${base}${LINK_ROUTES.announcements}#${ANNOUNCEMENTS_ANCHOR}`,
    feed: () => `${base}${LINK_ROUTES.feed}`,
    manageSubscription: (token) => withToken(LINK_ROUTES.manageSubscription, token),
    confirmSubscription: (token) => withToken(LINK_ROUTES.confirmSubscription, token),
    unsubscribe: (token) => withToken(LINK_ROUTES.unsubscribe, token),
  };
}
