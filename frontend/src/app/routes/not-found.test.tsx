import { fireEvent, screen } from '@testing-library/react';
import { stubApi } from '../../test/api-stub';
import { renderRoute } from '../../test/render-route';

describe('unknown client-side path', () => {
  test('renders "Page not found" inside the layout with a link home', () => {
    renderRoute('/some/client/route');

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('banner').textContent).toContain('Sitecard');
    const home = screen.getByRole('link', { name: 'Go to the home page' });
    expect(home.getAttribute('href')).toBe('/');
  });

  test('the link home navigates and moves focus to the new heading', async () => {
    stubApi({ 'GET /healthz': { body: { status: 'ok' } } });
    const { router } = renderRoute('/no/such/page');

    fireEvent.click(screen.getByRole('link', { name: 'Go to the home page' }));

    await screen.findByText('Service status: working normally');
    expect(router.state.location.pathname).toBe('/');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });
});
