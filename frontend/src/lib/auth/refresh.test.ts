import { problem, setSessionHint, stubApi } from '../../test/api-stub';
import { api } from '../api/client';
import { refreshAccessToken } from './refresh';
import { ensureSessionChecked, signedIn, signOut } from './session';
import { hasSessionHint } from './session-hint';
import { getAccessToken, getAuthStatus, setAccessToken } from './token';

const tokens = (access: string) => ({ body: { access_token: access, token_type: 'Bearer', expires_in: 600 } });

describe('silent refresh with the HttpOnly cookie', () => {
  test('asks as a web client (empty body, X-Sitecard-Client) and keeps the token in memory only', async () => {
    const server = stubApi({ 'POST /api/v1/auth/refresh': tokens('access-1') });

    await expect(refreshAccessToken()).resolves.toBe('access-1');

    const [request] = server.to('POST /api/v1/auth/refresh');
    expect(request?.headers.get('X-Sitecard-Client')).toBe('web');
    expect(request?.body).toEqual({});
    expect(getAccessToken()).toBe('access-1');
    expect(getAuthStatus()).toBe('signed-in');
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
  });

  test('no cookie (401) means signed out', async () => {
    stubApi();
    await expect(refreshAccessToken()).resolves.toBeNull();
    expect(getAuthStatus()).toBe('signed-out');
  });

  test('a network failure is a failed refresh, not a crash', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(refreshAccessToken()).resolves.toBeNull();
  });

  test('concurrent callers share one request: a spent refresh token is never sent twice', async () => {
    const server = stubApi({ 'POST /api/v1/auth/refresh': tokens('access-2') });

    const results = await Promise.all([refreshAccessToken(), refreshAccessToken(), ensureSessionChecked()]);

    expect(results.slice(0, 2)).toEqual(['access-2', 'access-2']);
    expect(server.to('POST /api/v1/auth/refresh')).toHaveLength(1);
  });

  test('tabs take turns through a Web Lock where the browser has one', async () => {
    stubApi({ 'POST /api/v1/auth/refresh': tokens('access-3') });
    const request = vi.fn((_name: string, callback: () => Promise<unknown>) => callback());
    vi.stubGlobal('navigator', { ...navigator, locks: { request } });

    await expect(refreshAccessToken()).resolves.toBe('access-3');
    expect(request).toHaveBeenCalledWith('sitecard-refresh', expect.any(Function));
  });

  test('the start-up check asks once, then not again', async () => {
    setSessionHint();
    const server = stubApi();
    await ensureSessionChecked();
    await ensureSessionChecked();
    expect(server.to('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(getAuthStatus()).toBe('signed-out');
  });
});

describe('the session hint decides whether start-up asks at all', () => {
  test('without the hint the app is signed out at once, with no request', async () => {
    const server = stubApi();

    const checked = ensureSessionChecked();
    expect(getAuthStatus()).toBe('signed-out'); // synchronously: the first render already knows
    await checked;

    expect(server.requests).toHaveLength(0);
  });

  test('with the hint the refresh cookie is traded for a token, and the hint stays', async () => {
    const server = stubApi({ 'POST /api/v1/auth/refresh': tokens('access-4') });
    expect(hasSessionHint()).toBe(true);

    await ensureSessionChecked();

    expect(server.to('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(getAccessToken()).toBe('access-4');
    expect(hasSessionHint()).toBe(true);
  });

  test('a refused refresh (401) deletes the hint, so the next page load makes no call', async () => {
    setSessionHint();
    stubApi();

    await ensureSessionChecked();

    expect(getAuthStatus()).toBe('signed-out');
    expect(hasSessionHint()).toBe(false);
    expect(document.cookie).not.toContain('sitecard_session_hint');
  });

  test('a network failure or a server error keeps the hint: the session may still be there', async () => {
    setSessionHint();
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(refreshAccessToken()).resolves.toBeNull();
    expect(hasSessionHint()).toBe(true);

    stubApi({ 'POST /api/v1/auth/refresh': problem(503, 'service_unavailable') });
    await expect(refreshAccessToken()).resolves.toBeNull();
    expect(hasSessionHint()).toBe(true);

    stubApi({ 'POST /api/v1/auth/refresh': problem(429, 'too_many_requests') });
    await expect(refreshAccessToken()).resolves.toBeNull();
    expect(hasSessionHint()).toBe(true);
  });
});

describe('the API client on a 401', () => {
  test('a stale access token is renewed once and the request retried with the new one', async () => {
    setAccessToken('stale');
    const server = stubApi({
      'GET /api/v1/me': (request) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? { body: { id: 'me' } }
          : problem(401, 'invalid_token'),
      'POST /api/v1/auth/refresh': tokens('fresh'),
    });

    const { data, response } = await api.GET('/api/v1/me');

    expect(response.status).toBe(200);
    expect(data).toEqual({ id: 'me' });
    expect(server.to('GET /api/v1/me').map((r) => r.headers.get('Authorization'))).toEqual([
      'Bearer stale',
      'Bearer fresh',
    ]);
    expect(server.to('POST /api/v1/auth/refresh')).toHaveLength(1);
  });

  test('the retry carries the same body', async () => {
    setAccessToken('stale');
    const server = stubApi({
      'PATCH /api/v1/me/contact': [problem(401, 'invalid_token'), { body: { city: 'Kraków' } }],
      'POST /api/v1/auth/refresh': tokens('fresh'),
    });

    await api.PATCH('/api/v1/me/contact', { body: { city: 'Kraków' } });

    expect(server.to('PATCH /api/v1/me/contact').map((r) => r.body)).toEqual([{ city: 'Kraków' }, { city: 'Kraków' }]);
  });

  test('retries only once: a second 401 goes back to the caller, signed out if the refresh failed', async () => {
    setAccessToken('stale');
    const server = stubApi({ 'GET /api/v1/me': problem(401, 'invalid_token') });

    const { response } = await api.GET('/api/v1/me');

    expect(response.status).toBe(401);
    expect(server.to('GET /api/v1/me')).toHaveLength(1);
    expect(server.to('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(getAuthStatus()).toBe('signed-out');
  });

  test('a wrong code (401 invalid_code) is an answer, not a stale token: no refresh, no retry', async () => {
    setAccessToken('good');
    const server = stubApi({ 'POST /api/v1/auth/totp/confirm': problem(401, 'invalid_code') });

    const { response, error } = await api.POST('/api/v1/auth/totp/confirm', { body: { code: '123456' } });

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 'invalid_code' });
    expect(server.to('POST /api/v1/auth/totp/confirm')).toHaveLength(1);
    expect(server.to('POST /api/v1/auth/refresh')).toHaveLength(0);
    expect(getAccessToken()).toBe('good');
  });

  test('the renewal on a 401 does not depend on the session hint', async () => {
    setAccessToken('stale');
    const server = stubApi({
      'GET /api/v1/me': [problem(401, 'invalid_token'), { body: { id: 'me' } }],
      'POST /api/v1/auth/refresh': tokens('fresh'),
    });
    document.cookie = 'sitecard_session_hint=; Path=/; Max-Age=0'; // gone, e.g. deleted by hand

    const { response } = await api.GET('/api/v1/me');

    expect(response.status).toBe(200);
    expect(server.to('POST /api/v1/auth/refresh')).toHaveLength(1);
  });

  test('requests sent while signed out are not retried', async () => {
    const server = stubApi({ 'GET /api/v1/me': problem(401, 'unauthenticated') });
    await api.GET('/api/v1/me');
    expect(server.to('POST /api/v1/auth/refresh')).toHaveLength(0);
  });
});

describe('signing in and out', () => {
  test('sign-in keeps the token; sign-out tells the server and forgets it even when offline', async () => {
    signedIn('access-9');
    expect(getAuthStatus()).toBe('signed-in');
    const server = stubApi({ 'POST /api/v1/auth/logout': { status: 204 } });

    await signOut();

    const [logout] = server.to('POST /api/v1/auth/logout');
    expect(logout?.headers.get('Authorization')).toBe('Bearer access-9');
    expect(getAccessToken()).toBeNull();
    expect(getAuthStatus()).toBe('signed-out');

    signedIn('access-10');
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('offline'))));
    await signOut();
    expect(getAuthStatus()).toBe('signed-out');
  });

  test('sign-out deletes the session hint itself too, even when the server cannot be reached', async () => {
    setSessionHint();
    signedIn('access-11');
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('offline'))));

    await signOut();

    expect(hasSessionHint()).toBe(false);
  });
});
