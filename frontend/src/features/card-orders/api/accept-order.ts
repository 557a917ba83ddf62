import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { myOrderQueryKey } from './get-my-order';
import { myOrdersQueryKey } from './list-my-orders';

/**
 * `POST /me/card-orders/{id}/accept` with the version the worker reviewed. Fails with
 * `contact_incomplete`, `identity_mismatch` (the order is then `needs_correction`),
 * `stale_version` or `invalid_state`.
 */
export async function acceptOrder({ id, version }: { id: string; version: number }) {
  return expectOk(
    await api.POST('/api/v1/me/card-orders/{id}/accept', { params: { path: { id } }, body: { version } }),
  );
}

export function useAcceptOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptOrder,
    onSuccess: (order) => queryClient.setQueryData(myOrderQueryKey(order.id), order),
    // A mismatch changes the order too (now `needs_correction`): whatever the answer, read it again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: myOrdersQueryKey }),
  });
}
