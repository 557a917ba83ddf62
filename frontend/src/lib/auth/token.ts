/**
 * The in-memory access token and the sign-in status derived from it. `unknown` until the first
 * silent refresh has answered, so guards can wait instead of bouncing a signed-in person to sign-in.
 */
export type AuthStatus = 'unknown' | 'signed-in' | 'signed-out';

let accessToken: string | null = null;
let status: AuthStatus = 'unknown';
const listeners = new Set<() => void>();

export function getAccessToken(): string | null {
  return accessToken;
}

export function getAuthStatus(): AuthStatus {
  return status;
}

/** A token means signed in; `null` means signed out. */
export function setAccessToken(token: string | null): void {
  accessToken = token;
  const next: AuthStatus = token ? 'signed-in' : 'signed-out';
  if (next !== status) {
    status = next;
    for (const listener of listeners) listener();
  }
}

export function subscribeAuth(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Back to the state of a fresh page load (tests only). */
export function resetAuthForTests(): void {
  accessToken = null;
  status = 'unknown';
  for (const listener of listeners) listener();
}
