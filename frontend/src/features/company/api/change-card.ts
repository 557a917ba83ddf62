import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { companyCardsQueryKey } from './list-cards';

export type CardAction = 'block' | 'unblock' | 'terminate';

/**
 * `POST /companies/{company_id}/cards/{id}/block|unblock|terminate` with a reason. Blocking is
 * reversible; terminating is permanent (the worker left the company).
 */
export async function changeCard({
  companyId,
  id,
  action,
  reason,
}: {
  companyId: string;
  id: string;
  action: CardAction;
  reason: string;
}) {
  const options = { params: { path: { company_id: companyId, id } }, body: { reason } };
  switch (action) {
    case 'block':
      return expectOk(await api.POST('/api/v1/companies/{company_id}/cards/{id}/block', options));
    case 'unblock':
      return expectOk(await api.POST('/api/v1/companies/{company_id}/cards/{id}/unblock', options));
    case 'terminate':
      return expectOk(await api.POST('/api/v1/companies/{company_id}/cards/{id}/terminate', options));
  }
}

export function useChangeCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeCard,
    onSuccess: (_card, { companyId }) => queryClient.invalidateQueries({ queryKey: companyCardsQueryKey(companyId) }),
  });
}
