import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { myOrderQueryKey } from './get-my-order';
import { myOrdersQueryKey } from './list-my-orders';

/** `POST /me/card-orders/{id}/reject`: the worker refuses the order; the company is emailed the reason. */
export async function rejectOrder({ id, reason }: { id: string; reason: string }) {
  return expectOk(await api.POST('/api/v1/me/card-orders/{id}/reject', { params: { path: { id } }, body: { reason } }));
}

export function useRejectOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejectOrder,
    onSuccess: (order) => {
      queryClient.setQueryData(myOrderQueryKey(order.id), order);
      return queryClient.invalidateQueries({ queryKey: myOrdersQueryKey, exact: true });
    },
  });
}
