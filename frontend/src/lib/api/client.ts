/**
 * The one HTTP client, typed by `schema.d.ts` (generated from `openapi/openapi.json` by
 * `npm run gen:api`; never edit it by hand). Every request carries the UI language, so the
 * API answers, emails and SMS follow it, and the access token once signed in.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { getAccessToken } from '../auth';
import { currentLanguage } from '../i18n';
import type { paths } from './schema';

const contextHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    const token = getAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  // Looked up on each call rather than captured once, so tests can stub `fetch`.
  fetch: (request) => globalThis.fetch(request),
});
api.use(contextHeaders);
