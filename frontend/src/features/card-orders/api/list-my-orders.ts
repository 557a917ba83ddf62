import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';

export type HolderOrder = components['schemas']['HolderOrder'];

export const myOrdersQueryKey = ['my-orders'] as const;

/** `GET /me/card-orders`: the caller's orders, newest first. */
export async function listMyOrders(signal?: AbortSignal): Promise<HolderOrder[]> {
  return expectOk(await api.GET('/api/v1/me/card-orders', { signal }));
}

export const myOrdersQueryOptions = () =>
  queryOptions({ queryKey: myOrdersQueryKey, queryFn: ({ signal }) => listMyOrders(signal) });

export function useMyOrders() {
  return useQuery(myOrdersQueryOptions());
}
