/**
 * Remembers the language choice, and nothing else: tokens never go to web storage.
 * Storage can be unavailable (private mode, disabled by policy), so failures are ignored.
 */
const key = 'sitecard.language';

export function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function storeLanguage(code: string): void {
  try {
    window.localStorage.setItem(key, code);
  } catch {
    // The choice still applies to this page; it is just not remembered.
  }
}
