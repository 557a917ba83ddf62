import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';
import { companyOrderQueryKey } from './get-order';
import { companyOrdersQueryKey } from './list-orders';

export type CorrectOrderBody = components['schemas']['CorrectOrder'];

/**
 * `PATCH /companies/{company_id}/card-orders/{id}` with the version that was read: the order goes
 * back to `awaiting_cardholder` and the worker is asked to check it again. 409 `stale_version`.
 */
export async function correctOrder({ companyId, id, body }: { companyId: string; id: string; body: CorrectOrderBody }) {
  return expectOk(
    await api.PATCH('/api/v1/companies/{company_id}/card-orders/{id}', {
      params: { path: { company_id: companyId, id } },
      body,
    }),
  );
}

export function useCorrectOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: correctOrder,
    onSuccess: (order, { companyId }) => {
      queryClient.setQueryData(companyOrderQueryKey(companyId, order.id), order);
      void queryClient.invalidateQueries({ queryKey: [...companyOrdersQueryKey(companyId), 'list'] });
    },
  });
}
