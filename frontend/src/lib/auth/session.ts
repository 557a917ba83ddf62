/** Starting, ending and observing the session. */
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../api/client';
import { clearStoredCards } from '../offline-card';
import { refreshAccessToken } from './refresh';
import { clearSessionHint, hasSessionHint } from './session-hint';
import { getAuthStatus, setAccessToken, subscribeAuth, type AuthStatus } from './token';

let checked: Promise<unknown> | null = null;

/**
 * On the first call, finds out whether someone is signed in. With the session hint it trades the
 * refresh cookie for an access token, so a reload keeps the person signed in; without it the app is
 * signed out at once (synchronously), with no request.
 */
export function ensureSessionChecked(): Promise<unknown> {
  if (checked) return checked;
  if (getAuthStatus() !== 'unknown') {
    checked = Promise.resolve();
  } else if (hasSessionHint()) {
    checked = refreshAccessToken();
  } else {
    setAccessToken(null);
    checked = Promise.resolve();
  }
  return checked;
}

/** For tests: the next `ensureSessionChecked` asks the server again. */
export function resetSessionCheckForTests(): void {
  checked = null;
}

/** The sign-in status; the first use starts the session check (the app's start-up does it earlier). */
export function useAuthStatus(): AuthStatus {
  const status = useSyncExternalStore(subscribeAuth, getAuthStatus, getAuthStatus);
  useEffect(() => {
    void ensureSessionChecked();
  }, []);
  return status;
}

/** After a completed second factor: the access token from `/auth/login/verify`. */
export function signedIn(accessToken: string): void {
  checked = Promise.resolve();
  setAccessToken(accessToken);
}

/**
 * Ends this session on the server (its refresh tokens are revoked and the cookies cleared) and forgets
 * the access token and the digital cards kept for offline use. Signed out locally even if the server
 * cannot be reached.
 */
export async function signOut(): Promise<void> {
  try {
    await api.POST('/api/v1/auth/logout');
  } catch {
    // Offline: the token is forgotten anyway and expires within minutes.
  } finally {
    // The server removes the hint too; this covers a sign-out that could not reach it.
    clearSessionHint();
    clearStoredCards();
    checked = Promise.resolve();
    setAccessToken(null);
  }
}
