import { fireEvent, screen } from '@testing-library/react';
import { meFixture, problem, signedInRefresh, stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

describe('home page', () => {
  test('shows the service status from GET /healthz in a live region', async () => {
    const api = stubApi({ 'GET /healthz': { body: { status: 'ok' } } });

    renderRoute('/');

    const status = await screen.findByText('Service status: working normally');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.getAttribute('role')).toBe('status');
    const [request] = api.to('GET /healthz');
    expect(request?.headers.get('Accept-Language')).toBe('en');
  });

  test('says the service is unavailable when /healthz fails, without server text', async () => {
    stubApi({ 'GET /healthz': problem(503, 'service_unavailable', { detail: 'database exploded' }) });

    renderRoute('/');

    expect(await screen.findByText('Service status: unavailable')).toBeTruthy();
    expect(screen.queryByText(/exploded/)).toBeNull();
  });

  test('has landmarks, one h1 and the app name', async () => {
    stubApi({ 'GET /healthz': { body: { status: 'ok' } } });

    renderRoute('/');

    expect(screen.getByRole('banner').textContent).toContain('Sitecard');
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    await screen.findByText('Service status: working normally');
  });

  test('switching to Svenska translates the page, sets <html lang> and remembers only the language', async () => {
    const api = stubApi({ 'GET /healthz': { body: { status: 'ok' } } });
    renderRoute('/');
    await screen.findByText('Service status: working normally');

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'sv' } });

    expect(await screen.findByText('Tjänstens status: fungerar normalt')).toBeTruthy();
    expect(screen.getByLabelText('Språk')).toBeTruthy();
    expect(document.documentElement.lang).toBe('sv');
    expect(Object.keys(window.localStorage)).toEqual(['sitecard.language']);
    expect(window.localStorage.getItem('sitecard.language')).toBe('sv');
    expect(api.to('GET /healthz')).toHaveLength(1);
  });

  test('a signed-in person gets shortcuts, not the "no account yet" explanation', async () => {
    stubApi({
      'POST /api/v1/auth/refresh': signedInRefresh,
      'GET /api/v1/me': { body: meFixture() },
      'GET /healthz': { body: { status: 'ok' } },
    });
    renderRoute('/');
    expect(await screen.findByText('You are signed in as worker@demo.test.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'No account yet?' })).toBeNull();
  });

  test('names every language in itself', () => {
    stubApi({ 'GET /healthz': { body: { status: 'ok' } } });
    renderRoute('/');

    const options = screen.getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['English', 'Svenska', 'Deutsch', 'Eesti', 'Latviešu', 'Lietuvių', 'Polski', 'Română', 'Українська']);
  });
});
