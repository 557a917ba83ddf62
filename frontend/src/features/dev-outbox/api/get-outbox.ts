import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectOk, isApiError } from '../../../lib/api';

/** `GET /dev/outbox`: SMS and emails kept by a server in development mode (404 otherwise). */
export async function getOutbox(to: string | undefined, signal?: AbortSignal) {
  return expectOk(await api.GET('/api/v1/dev/outbox', { params: { query: { to: to || undefined } }, signal }));
}

/** The server says it keeps no outbox: it is not in development mode. */
export function isOutboxDisabled(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}

/** The outbox, polled every 5 s while the page is open; not polled once the server says it has none. */
export function useOutbox(to: string) {
  return useQuery(
    queryOptions({
      queryKey: ['dev', 'outbox', to],
      queryFn: ({ signal }) => getOutbox(to, signal),
      refetchInterval: (query) => (isOutboxDisabled(query.state.error) ? false : 5000),
      retry: (failures, error) => !isOutboxDisabled(error) && failures < 1,
    }),
  );
}

/** The mark a server in development mode puts into index.html's `<head>` (and nothing otherwise). */
export const devModeMeta = 'meta[name="sitecard-dev"][content="1"]';

/**
 * Whether the server runs in development mode: read from the `<meta name="sitecard-dev" content="1">`
 * it puts into the page, or the Vite dev server. Synchronous and without a request, so no page load
 * asks the server (a 404 outside development mode) just to decide whether to show a footer link.
 */
export function isDevMode(doc: Document = document, viteDevServer: boolean = import.meta.env.DEV): boolean {
  return viteDevServer || doc.querySelector(devModeMeta) !== null;
}

/** `isDevMode()` for components; the answer never changes while the page is open. */
export function useDevMode(): boolean {
  return isDevMode();
}
