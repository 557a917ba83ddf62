import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';

export type CompanyOrder = components['schemas']['CompanyOrder'];
export type OrderPage = components['schemas']['OrderPage'];
export type OrderStatus = components['schemas']['OrderStatusValue'];
/**
 * One page's query: `q` a search (names in any spelling, email, card number or its last 4+ digits;
 * at most 100 characters), `status` one of the list's statuses; either empty for all.
 */
export type ListQuery<Status extends string> = {
  q?: string;
  status?: Status | '';
  limit: number;
  cursor?: string | null;
};

export const companyOrdersQueryKey = (companyId: string) => ['company', companyId, 'orders'] as const;

/** `GET /companies/{company_id}/card-orders`: one page of the company's orders, newest first. */
export async function listOrders(companyId: string, query: ListQuery<OrderStatus>, signal?: AbortSignal): Promise<OrderPage> {
  return expectOk(
    await api.GET('/api/v1/companies/{company_id}/card-orders', {
      params: {
        path: { company_id: companyId },
        query: {
          q: query.q || undefined,
          status: query.status || undefined,
          limit: query.limit,
          cursor: query.cursor || undefined,
        },
      },
      signal,
    }),
  );
}

export const companyOrdersQueryOptions = (companyId: string, query: ListQuery<OrderStatus>) =>
  queryOptions({
    queryKey: [...companyOrdersQueryKey(companyId), 'list', query],
    queryFn: ({ signal }) => listOrders(companyId, query, signal),
    // Keep the old page on screen while the next one loads (no jump to a skeleton).
    placeholderData: keepPreviousData,
  });

export function useCompanyOrders(companyId: string, query: ListQuery<OrderStatus>) {
  return useQuery(companyOrdersQueryOptions(companyId, query));
}
