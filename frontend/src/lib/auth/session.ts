/** Starting, ending and observing the session. */
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../api/client';
import { refreshAccessToken } from './refresh';
import { getAuthStatus, setAccessToken, subscribeAuth, type AuthStatus } from './token';

let checked: Promise<unknown> | null = null;

/** On the first call, tries the refresh cookie once, so a reload keeps the person signed in. */
export function ensureSessionChecked(): Promise<unknown> {
  checked ??= getAuthStatus() === 'unknown' ? refreshAccessToken() : Promise.resolve();
  return checked;
}

/** For tests: the next `ensureSessionChecked` asks the server again. */
export function resetSessionCheckForTests(): void {
  checked = null;
}

/** The sign-in status; the first use starts the silent refresh. */
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
 * Ends this session on the server (its refresh tokens are revoked and the cookie cleared) and forgets
 * the access token. Signed out locally even if the server cannot be reached.
 */
export async function signOut(): Promise<void> {
  try {
    await api.POST('/api/v1/auth/logout');
  } catch {
    // Offline: the token is forgotten anyway and expires within minutes.
  } finally {
    checked = Promise.resolve();
    setAccessToken(null);
  }
}
