/**
 * Keeping the app usable with no connection, for the digital card: registers the service worker
 * (`public/sw.js`) and puts the app shell into its cache: `index.html` and every script, style and locale
 * chunk this page has loaded (hashed, so they never go stale). The service worker answers navigations
 * from the cached `index.html` when the network is gone and scripts from the cache; the API is never
 * cached there (the card page keeps its own copy of the card, see `offline-card.ts`).
 *
 * Only the digital card calls this, so people who never open it get no service worker.
 */
export const shellCacheName = 'sitecard-shell-v1';

function shellUrls(): string[] {
  const urls = new Set<string>(['/', '/favicon.svg']);
  const add = (value: string | null | undefined) => {
    if (!value) return;
    try {
      const url = new URL(value, window.location.href);
      if (url.origin === window.location.origin && url.pathname.startsWith('/assets/')) urls.add(url.pathname);
    } catch {
      // Not a URL.
    }
  };
  for (const entry of performance.getEntriesByType('resource')) add(entry.name);
  for (const element of document.querySelectorAll('script[src], link[href]')) {
    add(element.getAttribute('src') ?? element.getAttribute('href'));
  }
  return [...urls];
}

let started: Promise<void> | null = null;

/** Registers the service worker and caches the shell once per page load; never throws. */
export function keepAppOffline(): Promise<void> {
  if (import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
    return Promise.resolve();
  }
  if (typeof caches === 'undefined') return Promise.resolve();
  started ??= (async () => {
    try {
      await navigator.serviceWorker.register('/sw.js', { scope: '/' });
      const cache = await caches.open(shellCacheName);
      await Promise.all(
        shellUrls().map(async (path) => {
          // Hashed assets never change; `index.html` is fetched again so it names the current ones.
          if (path !== '/' && (await cache.match(path))) return;
          const response = await fetch(path, { cache: 'no-cache', credentials: 'same-origin' });
          if (response.ok) await cache.put(path, response);
        }),
      );
    } catch {
      // No offline copy this time; the page works online as before.
    }
  })();
  return started;
}
