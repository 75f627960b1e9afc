/*
 * The portal's service worker, hand-written (no Workbox): the app shell works without a
 * connection. Pages: network first, the cached shell (/) when offline. Hashed assets
 * (/assets/*): cache first, they never change. The form's reference data (categories,
 * communes): network first, the last copy when offline. Everything else, reports (POST) and
 * other API reads included, goes to the network untouched: the report outbox lives in
 * IndexedDB (src/outbox.ts), not here.
 */
const SHELL = 'portal-shell-v1';
const DATA = 'portal-data-v1';
const SHELL_FILES = ['/', '/manifest.webmanifest', '/icon.svg', '/icon-maskable.svg'];
const CACHED_API = ['/api/v1/categories', '/api/v1/communes'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await cache.addAll(SHELL_FILES);
      // The entry's scripts and styles, named in the built index.html.
      const html = await (await cache.match('/')).text();
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll(assets);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (![SHELL, DATA].includes(name)) await caches.delete(name);
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
