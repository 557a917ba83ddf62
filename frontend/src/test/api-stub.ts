import { sessionHintCookie } from '../lib/auth/session-hint';

/**
 * A fake API for component tests: answers by `METHOD /path` (query ignored), records every request
 * with its parsed JSON body. Without a route, the silent refresh answers 401 (nobody signed in), the
 * dev outbox 404 (not dev mode), and anything else 404. A route for the refresh stands for a browser
 * that holds a session, so the session hint cookie is set too, as the server does beside the refresh
 * cookie (without it the app would not ask).
 */
type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };
type Route = Reply | Reply[] | ((request: Request, body: unknown) => Reply | Promise<Reply>);

export type RecordedRequest = {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  body: unknown;
};

export const problem = (status: number, code: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { type: `https://sitecard.dev/problems/${code}`, title: code, status, code, ...extra },
});

const defaults: Record<string, Route> = {
  'POST /api/v1/auth/refresh': problem(401, 'invalid_refresh_token'),
  'GET /api/v1/dev/outbox': problem(404, 'not_found'),
};

export function stubApi(routes: Record<string, Route> = {}) {
  const requests: RecordedRequest[] = [];
  const served = new Map<string, number>();

  const fetchMock = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}`;
    const text = await request.clone().text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    requests.push({ method: request.method, path: url.pathname, search: url.search, headers: request.headers, body });
    const route = routes[key] ?? defaults[key] ?? problem(404, 'not_found');
    let reply: Reply;
    if (typeof route === 'function') {
      reply = await route(request, body);
    } else if (Array.isArray(route)) {
      const index = served.get(key) ?? 0;
      served.set(key, index + 1);
      reply = route[Math.min(index, route.length - 1)] ?? {};
    } else {
      reply = route;
    }
    const status = reply.status ?? 200;
    const headers = new Headers(reply.headers);
    if (status === 204 || (status === 202 && reply.body === undefined)) return new Response(null, { status, headers });
    if (!headers.has('Content-Type')) {
      headers.set('Content-Type', status >= 400 ? 'application/problem+json' : 'application/json');
    }
    return new Response(JSON.stringify(reply.body ?? {}), { status, headers });
  });
  vi.stubGlobal('fetch', fetchMock);
  if (routes['POST /api/v1/auth/refresh']) setSessionHint();

  return {
    fetchMock,
    requests,
    /** Requests to `METHOD /path`. */
    to: (key: string) => requests.filter((r) => `${r.method} ${r.path}` === key),
  };
}

/** The cookie the server sets beside the refresh cookie: "there is a session to refresh". */
export function setSessionHint(): void {
  document.cookie = `${sessionHintCookie}=1; Path=/; SameSite=Strict`;
}

/** `GET /me` for a signed-in cardholder, with overrides. */
export function meFixture(overrides: Record<string, unknown> = {}) {
  return {
    id: '01a2164a-308a-7513-83e5-feaf895d81e2',
    email: 'worker@demo.test',
    language: 'en',
    roles: ['cardholder'],
    companies: [],
    totp_enabled: false,
    totp_offer_declined: false,
    person: {
      given_names: 'Jan Piotr',
      surname: 'Kowalski',
      date_of_birth: '1990-04-12',
      nationality: 'POL',
      document_type: 'passport',
      document_number_masked: '••••••567',
    },
    contact: {
      phone: '+46700000003',
      address_line1: null,
      address_line2: null,
      postal_code: null,
      city: null,
      country: null,
    },
    ...overrides,
  };
}

/** A signed-in session: the silent refresh succeeds. */
export const signedInRefresh: Reply = {
  body: { access_token: 'access-1', token_type: 'Bearer', expires_in: 600 },
};
