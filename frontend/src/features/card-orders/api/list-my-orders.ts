import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';

export type HolderOrder = components['schemas']['HolderOrder'];

export const myOrdersQueryKey = ['my-orders'] as const;

/** `GET /me/card-orders`: the caller's orders, newest first. */
export async function listMyOrders(signal?: AbortSignal): Promise<HolderOrder[]> {
  return expectOk(await api.GET('/api/v1/me/card-orders', { signal }));
}

/**
 * Fresh for a few seconds: on a first load of /orders the list is asked for alongside `GET /me`
 * (`app/page-data.ts`), and the page that mounts moments later shows that answer instead of asking again.
 * Accepting or rejecting an order invalidates it at once.
 */
export const myOrdersQueryOptions = () =>
  queryOptions({ queryKey: myOrdersQueryKey, queryFn: ({ signal }) => listMyOrders(signal), staleTime: 10_000 });

export function useMyOrders() {
  return useQuery(myOrdersQueryOptions());
}
