import { act, screen, within } from '@testing-library/react';
import { problem, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

/** Holds idle callbacks until `runIdle()`: "the page has not been idle yet". */
function stubIdleCallback() {
  const callbacks: (() => void)[] = [];
  vi.stubGlobal('requestIdleCallback', vi.fn((callback: () => void) => callbacks.push(callback)));
  vi.stubGlobal('cancelIdleCallback', vi.fn());
  return { runIdle: () => act(() => callbacks.splice(0).forEach((callback) => callback())) };
}

function markDevMode() {
  const meta = document.createElement('meta');
  meta.name = 'sitecard-dev';
  meta.content = '1';
  document.head.append(meta);
  return () => meta.remove();
}

describe('a first visit to a public page asks the server nothing', () => {
  test.each([
    ['/', 'Construction-site ID cards'],
    ['/sign-in', 'Sign in'],
    ['/check', 'Check a card'],
    ['/forgot-password', 'Reset your password'],
  ])('%s: no refresh (no session hint), no dev-outbox probe, no /healthz yet', async (path, title) => {
    stubIdleCallback();
    const server = stubApi();

    renderRoute(path);

    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  test('the home page\'s status line holds its place from the start; /healthz is asked once the page is idle', async () => {
    const { runIdle } = stubIdleCallback();
    const server = stubApi({ 'GET /healthz': { body: { status: 'ok' } } });

    renderRoute('/');

    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Checking the service…');
    expect(server.to('GET /healthz')).toHaveLength(0);

    runIdle();

    expect(await screen.findByText('Service status: working normally')).toBe(status);
    expect(server.to('GET /healthz')).toHaveLength(1);
  });
});

describe('the development outbox', () => {
  test('the footer links to it when the page carries the server\'s development mark, without a request', () => {
    const unmark = markDevMode();
    try {
      const server = stubApi();
      renderRoute('/check');
      const footer = screen.getByRole('contentinfo');
      expect(within(footer).getByRole('link', { name: /Development outbox/ }).getAttribute('href')).toBe('/dev/outbox');
      expect(server.to('GET /api/v1/dev/outbox')).toHaveLength(0);
    } finally {
      unmark();
    }
  });

  test('no link without the mark', () => {
    stubApi();
    renderRoute('/check');
    expect(within(screen.getByRole('contentinfo')).queryByRole('link')).toBeNull();
  });

  test('the outbox page itself fetches the messages when opened', async () => {
    const unmark = markDevMode();
    try {
      const server = stubApi({
        'GET /api/v1/dev/outbox': {
          body: [
            {
              channel: 'sms',
              to: '+46700000003',
              subject: null,
              body: 'Your Sitecard code is 123456',
              code: '123456',
              link: null,
              created_at: '2026-01-05T10:00:00Z',
            },
          ],
        },
      });
      renderRoute('/dev/outbox');
      expect(await screen.findByTestId('outbox-code')).toHaveProperty('textContent', '123456');
      expect(server.to('GET /api/v1/dev/outbox').length).toBeGreaterThan(0);
    } finally {
      unmark();
    }
  });

  test('a server outside development mode (404) gets the page saying so', async () => {
    stubApi({ 'GET /api/v1/dev/outbox': problem(404, 'not_found') });
    renderRoute('/dev/outbox');
    expect(
      await screen.findByText('The outbox is only available when the server runs in development mode.'),
    ).toBeTruthy();
  });
});
