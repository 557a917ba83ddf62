import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { companyOrderQueryKey } from './get-order';
import { companyOrdersQueryKey } from './list-orders';

/** `POST /companies/{company_id}/card-orders/{id}/cancel`: possible until production starts. */
export async function cancelOrder({ companyId, id, reason }: { companyId: string; id: string; reason: string }) {
  return expectOk(
    await api.POST('/api/v1/companies/{company_id}/card-orders/{id}/cancel', {
      params: { path: { company_id: companyId, id } },
      body: { reason: reason || null },
    }),
  );
}

export function useCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelOrder,
    onSuccess: (order, { companyId }) => {
      queryClient.setQueryData(companyOrderQueryKey(companyId, order.id), order);
      void queryClient.invalidateQueries({ queryKey: [...companyOrdersQueryKey(companyId), 'list'] });
    },
  });
}
