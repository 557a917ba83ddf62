// Sitecard's service worker: lets a worker show their digital card at a site gate with no connection.
// Registered only by the digital-card page (src/lib/offline-shell.ts), which also fills the cache with the
// app shell. Navigations go to the network and fall back to the cached index.html; hashed assets come from
// the cache, and are added to it when first fetched. The API is never cached here.
const SHELL = 'sitecard-shell-v1';

self.addEventListener('install', () => {
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith('sitecard-shell-') && name !== SHELL).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

async function fromNetworkOrShell(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match('/', { cacheName: SHELL });
    if (shell) return shell;
    throw error;
  }
}

async function fromCacheOrNetwork(request, path) {
  const cache = await caches.open(SHELL);
  const cached = await cache.match(path);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(path, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = url.pathname;
  if (path.startsWith('/api/') || path.startsWith('/.well-known/') || path.startsWith('/docs')) return;
  if (request.mode === 'navigate') {
    event.respondWith(fromNetworkOrShell(request));
  } else if (path.startsWith('/assets/')) {
    event.respondWith(fromCacheOrNetwork(request, path));
  }
});
