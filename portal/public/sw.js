/*
 * The portal's service worker, hand-written (no Workbox): the whole app works without a
 * connection, every screen included, even one never opened online: at install it keeps every
 * file of the build, listed by Vite in /asset-manifest.json, and at activation it drops the
 * files of older builds. Pages: network first, the cached shell (/) when offline. Hashed assets
 * (/assets/*): cache first, they never change. The form's reference data (categories,
 * communes): network first, the last copy when offline. Everything else, reports (POST) and
 * other API reads included, goes to the network untouched: the outbox lives in IndexedDB
 * (src/outbox.ts), not here. A new build is a new registration URL (src/main.tsx), so the
 * browser installs this worker again for it.
 *
 * Area alerts by Web Push (src/push.ts subscribes): a push message is JSON { title, body, url, tag }
 * (the platform's notifications/push-payload.ts), shown as a notification; a click opens its url,
 * a route of this portal, in a window of the portal already open if there is one.
 */
const SHELL = 'portal-shell-v1';
const DATA = 'portal-data-v1';
const SHELL_FILES = ['/', '/manifest.webmanifest', '/icon.svg', '/icon-maskable.svg'];
const CACHED_API = ['/api/v1/categories', '/api/v1/communes'];

/** Every file of the current build (/assets/…), from Vite's manifest. */
async function buildFiles() {
  const response = await fetch('/asset-manifest.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`asset-manifest.json: HTTP ${response.status}`);
  const files = new Set();
  for (const entry of Object.values(await response.json())) {
    files.add(`/${entry.file}`);
    for (const file of [...(entry.css ?? []), ...(entry.assets ?? [])]) files.add(`/${file}`);
  }
  return [...files];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(SHELL_FILES);
      // Hashed files already kept (an earlier build's shared chunks) are not fetched again.
      const missing = [];
      for (const file of await buildFiles()) if (!(await cache.match(file))) missing.push(file);
      await cache.addAll(missing);
      // The form's reference data too, in Vietnamese (the default), so a first report can be made
      // offline; each later online visit refreshes it in the visitor's language.
      const data = await caches.open(DATA);
      for (const url of CACHED_API) {
        const response = await fetch(url, { headers: { 'Accept-Language': 'vi' } }).catch(() => undefined);
        if (response?.ok) await data.put(url, response);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (![SHELL, DATA].includes(name)) await caches.delete(name);
      // Older builds' files: a phone's storage is not an archive. Kept if the list cannot be read.
      const current = new Set(await buildFiles().catch(() => []));
      if (current.size > 0) {
        const cache = await caches.open(SHELL);
        for (const request of await cache.keys()) {
          const { pathname } = new URL(request.url);
          if (pathname.startsWith('/assets/') && !current.has(pathname)) await cache.delete(request);
        }
      }
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(request, cacheName, fallbackUrl) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackUrl ?? request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(fallbackUrl ?? request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (/^\/(api|admin|open311|healthz|metrics)(\/|$)/.test(url.pathname)) return;
    event.respondWith(networkFirst(request, SHELL, '/'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname.startsWith('/api/v1/icons/')) {
    // Categories' icons: the same name is the same picture (a month's cache), and the form needs them offline.
    event.respondWith(cacheFirst(request));
  } else if (CACHED_API.includes(url.pathname)) {
    event.respondWith(networkFirst(request, DATA));
  } else if (SHELL_FILES.includes(url.pathname)) {
    event.respondWith(networkFirst(request, SHELL));
  }
});

self.addEventListener('push', (event) => {
  let message = { title: 'Phản ánh hiện trường Hà Tĩnh', body: '', url: '/', tag: 'message' };
  try {
    message = { ...message, ...event.data.json() };
  } catch {
    if (event.data) message.body = event.data.text();
  }
  event.waitUntil(
    self.registration.showNotification(message.title || 'Phản ánh hiện trường Hà Tĩnh', {
      body: message.body,
      tag: message.tag,
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      data: { url: message.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  // The link's route, opened in this portal (the platform builds links for the portal's routes).
  const target = new URL(event.notification.data?.url ?? '/', self.location.origin);
  const url = self.location.origin + target.pathname + target.search + target.hash;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin && 'navigate' in w);
      if (open) {
        await open.focus();
        return open.navigate(url);
      }
      return self.clients.openWindow(url);
    })(),
  );
});
