/**
 * The session hint: a cookie `sitecard_session_hint=1` that the server sets beside the HttpOnly refresh
 * cookie (same lifetime, `Path=/`, `SameSite=Strict`, readable by scripts because it holds no secret) on
 * every sign-in and refresh, and removes on sign-out. Scripts cannot see the refresh cookie itself, so
 * this is how the app knows a silent refresh is worth a request: without the hint it is signed out at
 * once, and a visitor who never signed in sends no refresh that could only answer 401.
 */
export const sessionHintCookie = 'sitecard_session_hint';

/** Whether `cookies` (by default the page's `document.cookie`) has `sitecard_session_hint=1`. */
export function hasSessionHint(cookies: string = readCookies()): boolean {
  return cookies.split(';').some((cookie) => cookie.trim() === `${sessionHintCookie}=1`);
}

/**
 * Deletes the hint, after the server refused a refresh or on sign-out, so the next page load makes no
 * refresh request. Same name and path as the server's cookie, or the browser would keep that one.
 */
export function clearSessionHint(): void {
  if (typeof document === 'undefined') return;
  document.cookie = `${sessionHintCookie}=; Path=/; Max-Age=0; SameSite=Strict`;
}

function readCookies(): string {
  try {
    return typeof document === 'undefined' ? '' : document.cookie;
  } catch {
    // A sandboxed document without cookie access: no hint.
    return '';
  }
}
