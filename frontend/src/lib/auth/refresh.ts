/**
 * Silent refresh: trades the HttpOnly refresh cookie for a new access token. Refresh tokens are
 * single-use and a reused one ends the whole session, so at most one refresh may be in flight: calls
 * in this tab share one promise, and tabs take turns through a Web Lock (where the browser has them),
 * each then sending the cookie the previous one rotated.
 *
 * It calls `fetch` directly rather than the API client, because the client calls it on a 401.
 *
 * When the server refuses the refresh (the cookie is missing, spent or revoked), the session hint and the
 * digital cards kept for offline use are deleted too, so the next page load does not ask again. A network failure or a server error keeps
 * it: the session may well still be there once the connection or the server is back.
 */
import { currentLanguage } from '../i18n';
import type { components } from '../api/schema';
import { clearStoredCards } from '../offline-card';
import { clearSessionHint } from './session-hint';
import { setAccessToken } from './token';

type TokenResponse = components['schemas']['TokenResponse'];

const refreshPath = '/api/v1/auth/refresh';
const lockName = 'sitecard-refresh';

/** A 4xx answer other than "slow down": the server says there is no session to refresh. */
function isRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 429;
}

let inFlight: Promise<string | null> | null = null;

function isTokenResponse(value: unknown): value is TokenResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { access_token?: unknown }).access_token === 'string'
  );
}

async function requestNewToken(): Promise<string | null> {
  try {
    const response = await globalThis.fetch(
      new Request(new URL(refreshPath, window.location.origin), {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          // Cross-site forms cannot set this header: the server's CSRF check for the cookie.
          'X-Sitecard-Client': 'web',
          'Accept-Language': currentLanguage(),
        },
        body: '{}',
      }),
    );
    if (!response.ok) {
      if (isRefusal(response.status)) {
        clearSessionHint();
        clearStoredCards();
      }
      return null;
    }
    const body: unknown = await response.json();
    return isTokenResponse(body) ? body.access_token : null;
  } catch {
    return null;
  }
}

async function refreshOnce(): Promise<string | null> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const token = locks
    ? await locks.request(lockName, () => requestNewToken())
    : await requestNewToken();
  setAccessToken(token);
  return token;
}

/** A new access token, or `null` (and signed out) if the cookie is missing, spent or revoked. */
export function refreshAccessToken(): Promise<string | null> {
  inFlight ??= refreshOnce().finally(() => {
    inFlight = null;
  });
  return inFlight;
}
