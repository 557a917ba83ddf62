/**
 * Sign-in state. The short-lived access token lives in memory only, never in web storage; the
 * refresh token is an HttpOnly cookie (`sitecard_refresh`, path `/api/v1/auth`) that the browser
 * sends by itself, so scripts never see it. On start the app asks for a new access token with that
 * cookie ("silent refresh") if the readable session hint cookie says there is one (`session-hint.ts`);
 * a 401 from the API triggers one refresh and one retry (see the client).
 */
export {
  getAccessToken,
  getAuthStatus,
  setAccessToken,
  subscribeAuth,
  type AuthStatus,
} from './token';
export { refreshAccessToken } from './refresh';
export { clearSessionHint, hasSessionHint, sessionHintCookie } from './session-hint';
export { ensureSessionChecked, signedIn, signOut, useAuthStatus } from './session';
export { hasRole, meQueryKey, meQueryOptions, useMe, type Role } from './me';
export { resendCode } from './challenge';
