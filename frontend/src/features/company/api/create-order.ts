import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';
import { companyOrderQueryKey } from './get-order';
import { companyOrdersQueryKey } from './list-orders';

export type CreateOrderBody = components['schemas']['CreateOrder'];

/** `POST /companies/{company_id}/card-orders`: the order starts `awaiting_photo`; the worker is emailed. */
export async function createOrder({ companyId, body }: { companyId: string; body: CreateOrderBody }) {
  return expectOk(
    await api.POST('/api/v1/companies/{company_id}/card-orders', { params: { path: { company_id: companyId } }, body }),
  );
}

export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrder,
    onSuccess: (order, { companyId }) => {
      queryClient.setQueryData(companyOrderQueryKey(companyId, order.id), order);
      void queryClient.invalidateQueries({ queryKey: [...companyOrdersQueryKey(companyId), 'list'] });
    },
  });
}
