/**
 * The one HTTP client, typed by `schema.d.ts` (generated from `openapi/openapi.json` by
 * `npm run gen:api`; never edit it by hand). Every request carries the UI language, so the
 * API answers, emails and SMS follow it, and the access token once signed in.
 *
 * An expired access token is renewed once with the refresh cookie and the request retried once;
 * any other 401 (a wrong code, a revoked session) goes back to the caller untouched.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { refreshAccessToken } from '../auth/refresh';
import { getAccessToken } from '../auth/token';
import { currentLanguage } from '../i18n';
import type { paths } from './schema';

/** Problem codes that mean "the access token is missing or stale": worth one refresh. */
const staleTokenCodes = new Set(['invalid_token', 'unauthenticated']);

const contextHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    const token = getAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

async function problemCode(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.clone().json();
    const code = (body as { code?: unknown } | null)?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** `fetch` with one refresh-and-retry for requests that were sent with a token that went stale. */
export async function fetchWithRefresh(request: Request): Promise<Response> {
  // Looked up on each call rather than captured once, so tests can stub `fetch`.
  const retry = request.headers.has('Authorization') ? request.clone() : null;
  const response = await globalThis.fetch(request);
  if (response.status !== 401 || !retry) return response;
  if (!staleTokenCodes.has((await problemCode(response)) ?? '')) return response;
  // Another request may have renewed the token meanwhile; otherwise renew it now.
  const current = getAccessToken();
  const token =
    current && retry.headers.get('Authorization') !== `Bearer ${current}` ? current : await refreshAccessToken();
  if (!token) return response;
  retry.headers.set('Authorization', `Bearer ${token}`);
  return globalThis.fetch(retry);
}

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  fetch: fetchWithRefresh,
});
api.use(contextHeaders);
