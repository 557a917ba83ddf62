/**
 * Sign-in state (placeholder until the login flow exists). The short-lived access token lives
 * in memory only, never in web storage; the refresh token is an HttpOnly cookie that the
 * browser sends by itself, so scripts never see it.
 */
let accessToken: string | null = null;

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}
