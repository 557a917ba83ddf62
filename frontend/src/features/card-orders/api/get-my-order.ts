import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { myOrdersQueryKey, type HolderOrder } from './list-my-orders';

export const myOrderQueryKey = (id: string) => [...myOrdersQueryKey, id] as const;

/** `GET /me/card-orders/{id}`: one of the caller's orders, with what is missing and what did not match. */
export async function getMyOrder(id: string, signal?: AbortSignal): Promise<HolderOrder> {
  return expectOk(await api.GET('/api/v1/me/card-orders/{id}', { params: { path: { id } }, signal }));
}

export const myOrderQueryOptions = (id: string) =>
  queryOptions({ queryKey: myOrderQueryKey(id), queryFn: ({ signal }) => getMyOrder(id, signal) });

export function useMyOrder(id: string) {
  return useQuery(myOrderQueryOptions(id));
}
