import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, data, RouterProvider } from 'react-router';
import { AppProviders } from '../providers';
import { isFailedDownload, RouteErrorBoundary } from './error';

/** A route that fails while `flaky.broken`, as a page does when something it needs is not there. */
const flaky = { broken: true };
function Flaky() {
  if (flaky.broken) throw new Error('boom');
  return <h1>It works now</h1>;
}

function renderWithBoundary(children: Parameters<typeof createMemoryRouter>[0], path = '/') {
  const router = createMemoryRouter([{ errorElement: <RouteErrorBoundary />, HydrateFallback: () => null, children }], {
    initialEntries: [path],
  });
  render(
    <AppProviders queryClient={new QueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return router;
}

describe('the route error page', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  test('says something went wrong, with "Error:" in the title, and "Try again" renders the page again', async () => {
    flaky.broken = true;
    renderWithBoundary([{ path: '/', Component: Flaky }]);

    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Error: Something went wrong – Sitecard'));
    expect(screen.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe('/');

    flaky.broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'It works now' })).toBeTruthy();
  });

  test('a 404 is "Page not found", with no "Try again"', async () => {
    renderWithBoundary(
      [
        {
          path: '/gone',
          loader: () => {
            // React Router's way to answer "not found" from a loader: a thrown response.
            // eslint-disable-next-line @typescript-eslint/only-throw-error
            throw data(null, { status: 404 });
          },
          Component: () => null,
        },
      ],
      '/gone',
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Error: Page not found – Sitecard'));
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  test('a page whose code did not download is loaded afresh; other errors are not', () => {
    expect(isFailedDownload(new TypeError('Failed to fetch dynamically imported module: /assets/x.js'))).toBe(true);
    expect(isFailedDownload(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isFailedDownload(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isFailedDownload(new Error('boom'))).toBe(false);
  });
});
