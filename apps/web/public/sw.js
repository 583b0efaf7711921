/*
 * The app shell for a phone in the field (instructors' 走访): once the app has been opened online, it
 * opens again without a connection, so a draft kept in the browser can be seen, finished and queued.
 *
 * - Page loads (navigations) go to the network first, and the answer (index.html) is kept; without a
 *   connection the kept one is served. So a new build is always picked up when online.
 * - Built assets (/assets/*, named by their content hash) are served from the cache once kept; the
 *   page tells this worker which ones it has already loaded (they came before the worker).
 * - Everything else (the API, uploads, downloads, other origins) is not touched: it goes to the
 *   network as if there were no worker, and fails offline as it should.
 */
const CACHE = 'cs-shell-v1';
const SHELL = '/';
const MAX_ENTRIES = 300;
const PASS = /^\/(api|health|metrics)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.add(new Request(SHELL, { headers: { accept: 'text/html' } })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** The page names the built assets it loaded before this worker took over. */
self.addEventListener('message', (event) => {
  const urls =
    event.data && event.data.type === 'cache' && Array.isArray(event.data.urls) ? event.data.urls : [];
  const mine = urls.filter((u) => {
    try {
      const url = new URL(u);
      return url.origin === self.location.origin && url.pathname.startsWith('/assets/');
    } catch {
      return false;
    }
  });
  if (!mine.length) return;
  // Only those not kept yet: a page that asks again costs nothing.
  event.waitUntil(
    caches.open(CACHE).then(async (c) => {
      const missing = [];
      for (const u of mine) if (!(await c.match(u))) missing.push(u);
      if (missing.length) await c.addAll(missing);
      await prune();
    }),
  );
});

async function prune() {
  const cache = await caches.open(CACHE);
  const keys = await cache.keys();
  // Oldest first: hashed assets of earlier builds are the first to go.
  await Promise.all(
    keys
      .slice(0, Math.max(0, keys.length - MAX_ENTRIES))
      .map((k) => (new URL(k.url).pathname === SHELL ? null : cache.delete(k))),
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || PASS.test(url.pathname)) return;

  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const type = response.headers.get('content-type') || '';
          if (response.ok && type.includes('text/html')) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((c) => c.put(SHELL, copy)));
          }
          return response;
        })
        .catch(() => caches.match(SHELL).then((kept) => kept || Response.error())),
    );
    return;
  }

  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(request).then(
        (kept) =>
          kept ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(
                caches
                  .open(CACHE)
                  .then((c) => c.put(request, copy))
                  .then(prune),
              );
            }
            return response;
          }),
      ),
    );
  }
});
