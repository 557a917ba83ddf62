import { render, screen, within } from '@testing-library/react';
import { getAuthStatus } from '../lib/auth';
import { meFixture, setSessionHint, signedInRefresh, stubApi } from '../test/api-stub';
import { App, sessionSettled } from './App';

// The app's start-up (main.tsx renders once `sessionSettled()` and the language are ready).
describe('start-up', () => {
  test('without the session hint it is ready at once: signed out, no request', async () => {
    const server = stubApi();

    await sessionSettled();

    expect(getAuthStatus()).toBe('signed-out');
    expect(server.requests).toHaveLength(0);
  });

  test('with the hint it waits for the refresh and GET /me, so the first frame has the signed-in menu', async () => {
    const server = stubApi({
      'POST /api/v1/auth/refresh': signedInRefresh,
      'GET /api/v1/me': { body: meFixture({ roles: ['cardholder'] }) },
    });

    await sessionSettled();
    expect(server.to('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(server.to('GET /api/v1/me')).toHaveLength(1);

    render(<App />);

    // Synchronously: nothing is added to the navigation after the first frame.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'My card orders',
      'My cards',
      'Your account',
    ]);
    expect(screen.getByText('You are signed in as worker@demo.test.')).toBeTruthy();
    expect(server.to('GET /api/v1/me')).toHaveLength(1);
  });

  test('on /orders the orders are asked for alongside GET /me, and the first frame does not wait for them', async () => {
    window.history.replaceState(null, '', '/orders');
    try {
      const server = stubApi({
        'POST /api/v1/auth/refresh': signedInRefresh,
        'GET /api/v1/me': { body: meFixture({ roles: ['cardholder'] }) },
        // Never answers: the start-up must not wait for it.
        'GET /api/v1/me/card-orders': () => new Promise(() => undefined),
      });

      await sessionSettled();

      expect(getAuthStatus()).toBe('signed-in');
      expect(server.to('GET /api/v1/me/card-orders')).toHaveLength(1);
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });

  test('a refresh that hangs delays the first frame by 3 seconds at most', async () => {
    setSessionHint();
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => undefined)));
    vi.useFakeTimers();
    try {
      let ready = false;
      void sessionSettled().then(() => {
        ready = true;
      });
      await vi.advanceTimersByTimeAsync(2999);
      expect(ready).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(ready).toBe(true);
      expect(getAuthStatus()).toBe('unknown');
    } finally {
      vi.useRealTimers();
    }
  });
});
