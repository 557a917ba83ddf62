import { createBrowserRouter, RouterProvider } from 'react-router';
import { ensureSessionChecked, getAuthStatus, meQueryOptions } from '../lib/auth';
import { prefetchPageData } from './page-data';
import { AppProviders, createQueryClient } from './providers';
import { routes } from './router';

const queryClient = createQueryClient();
// Created on import: the code of a lazily loaded page starts downloading while the session is checked.
const router = createBrowserRouter(routes);

/** The longest the first render waits for the session check; after that the page shows with placeholders. */
const sessionWaitMs = 3000;

/**
 * Resolves when the first render can show the right navigation: at once when nobody is signed in (no
 * session hint, no request), after the silent refresh and `GET /me` when someone is, so the signed-in
 * menu and the role-based links are there from the first frame instead of pushing the page down when
 * they arrive. Never rejects; gives up waiting after `sessionWaitMs`. The data of the page being opened is
 * asked for alongside `/me` (`page-data.ts`); the first render does not wait for it.
 */
export function sessionSettled(): Promise<void> {
  const settled = ensureSessionChecked()
    .then(() => {
      if (getAuthStatus() !== 'signed-in') return undefined;
      void prefetchPageData(queryClient, window.location.pathname);
      return queryClient.prefetchQuery(meQueryOptions());
    })
    .catch(() => undefined);
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, sessionWaitMs));
  return Promise.race([settled, timeout]).then(() => undefined);
}

export function App() {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
