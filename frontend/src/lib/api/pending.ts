/**
 * Calls to routes the generated types do not have yet (issue 30: the right to work and digital cards),
 * with the same headers, token refresh and problem handling as `api`. Removed once `schema.d.ts` has them.
 */
import { getAccessToken } from '../auth/token';
import { currentLanguage } from '../i18n';
import { fetchWithRefresh } from './client';
import { ApiError } from './errors';

export async function pendingApi<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers = new Headers({ 'Accept-Language': currentLanguage(), Accept: 'application/json' });
  const token = getAccessToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetchWithRefresh(
    new Request(new URL(path, window.location.origin), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) throw new ApiError(response.status, parsed, response.headers.get('Retry-After'));
  return parsed as T;
}
