/**
 * Where to go after signing in: only a path on this site (`/account`), never another origin
 * (`//evil.example`, `https://…`) — an open redirect would help phishing.
 */
export function safeNextPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

/** `/sign-in?next=…` for the page the person wanted. */
export function signInPath(next?: string): string {
  return next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}

/** A link from an email (`http://127.0.0.1:8080/register?token=…`) as a path on this site, if it is one of ours. */
export function appPathFromLink(link: string, publicOrigins: readonly string[] = []): string | null {
  try {
    const url = new URL(link, window.location.origin);
    const ours = url.origin === window.location.origin || publicOrigins.includes(url.origin);
    const knownPath = /^\/(register|reset-password|orders|cards|sign-in|account|company|admin)\b/.test(url.pathname);
    if (!ours && !knownPath) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** Whether `path` is on the worker's way to an order (`/orders`, `/orders/…`): sign-in then shows their progress. */
export function isOrderPath(path: string): boolean {
  return path === '/orders' || path.startsWith('/orders/');
}
