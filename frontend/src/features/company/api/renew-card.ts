import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { companyOrderQueryKey } from './get-order';
import { companyCardsQueryKey } from './list-cards';
import { companyOrdersQueryKey, type CompanyOrder } from './list-orders';

/**
 * `POST /companies/{company_id}/cards/{id}/renew`: a new order made from the card's order, waiting for
 * the worker's photo. The card keeps working until the new card is activated; then it is terminated.
 */
export async function renewCard({ companyId, id }: { companyId: string; id: string }): Promise<CompanyOrder> {
  return expectOk(
    await api.POST('/api/v1/companies/{company_id}/cards/{id}/renew', {
      params: { path: { company_id: companyId, id } },
    }),
  );
}

export function useRenewCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renewCard,
    onSuccess: (order, { companyId }) => {
      queryClient.setQueryData(companyOrderQueryKey(companyId, order.id), order);
      void queryClient.invalidateQueries({ queryKey: [...companyOrdersQueryKey(companyId), 'list'] });
      void queryClient.invalidateQueries({ queryKey: companyCardsQueryKey(companyId) });
    },
  });
}
