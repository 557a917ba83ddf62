/**
 * The data a signed-in page shows first, asked for on a first load as soon as the session is known, alongside
 * `GET /me`, instead of after it: otherwise the page's request waits for `/me`, the first render and the
 * page's code, one after the other, and the page's main content comes a couple of round trips later.
 * A page not listed here asks for its data when it mounts, as before.
 */
import type { QueryClient } from '@tanstack/react-query';
import { myOrdersQueryOptions } from '../features/card-orders/api/list-my-orders';

const pages: { path: RegExp; prefetch: (queryClient: QueryClient) => Promise<unknown> }[] = [
  // A worker's links (SMS, email, the home page) lead here.
  { path: /^\/orders\/?$/, prefetch: (queryClient) => queryClient.prefetchQuery(myOrdersQueryOptions()) },
];

/** Starts the request for the data of the page at `pathname`, if it has one listed; never rejects. */
export function prefetchPageData(queryClient: QueryClient, pathname: string): Promise<unknown> {
  const page = pages.find((p) => p.path.test(pathname));
  return page ? page.prefetch(queryClient).catch(() => undefined) : Promise.resolve();
}
