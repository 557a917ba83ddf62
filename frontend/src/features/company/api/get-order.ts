import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { companyOrdersQueryKey, type CompanyOrder } from './list-orders';

export const companyOrderQueryKey = (companyId: string, id: string) =>
  [...companyOrdersQueryKey(companyId), 'one', id] as const;

/** `GET /companies/{company_id}/card-orders/{id}`: one order with its history. */
export async function getOrder(companyId: string, id: string, signal?: AbortSignal): Promise<CompanyOrder> {
  return expectOk(
    await api.GET('/api/v1/companies/{company_id}/card-orders/{id}', {
      params: { path: { company_id: companyId, id } },
      signal,
    }),
  );
}

export const companyOrderQueryOptions = (companyId: string, id: string) =>
  queryOptions({
    queryKey: companyOrderQueryKey(companyId, id),
    queryFn: ({ signal }) => getOrder(companyId, id, signal),
  });

export function useCompanyOrder(companyId: string, id: string | undefined) {
  return useQuery({ ...companyOrderQueryOptions(companyId, id ?? ''), enabled: Boolean(id) });
}
