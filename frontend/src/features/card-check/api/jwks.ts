/**
 * `GET /.well-known/jwks.json`: Sitecard's public signing keys, for checking a digital card in the browser.
 * The last answer is kept in `localStorage` (public keys, nothing personal), so a card can still be checked
 * with no connection.
 */
import { api, expectOk } from '../../../lib/api';
import type { Jwk } from '../credential';

const storageKey = 'sitecard-jwks';

function keysOf(value: unknown): Jwk[] {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return [];
  return keys.filter(
    (key): key is Jwk => typeof key === 'object' && key !== null && typeof (key as { kty?: unknown }).kty === 'string',
  );
}

function storedKeys(): Jwk[] {
  try {
    return keysOf(JSON.parse(window.localStorage.getItem(storageKey) ?? 'null'));
  } catch {
    return [];
  }
}

/** The signing keys: fetched, or the last ones fetched when the server cannot be reached. */
export async function signingKeys(): Promise<{ keys: Jwk[]; fromDevice: boolean }> {
  try {
    const body: unknown = expectOk(await api.GET('/.well-known/jwks.json'));
    const keys = keysOf(body);
    try {
      window.localStorage.setItem(storageKey, JSON.stringify({ keys }));
    } catch {
      // Storage full or disabled: checked online only.
    }
    return { keys, fromDevice: false };
  } catch (error) {
    const keys = storedKeys();
    if (keys.length > 0) return { keys, fromDevice: true };
    throw error;
  }
}
