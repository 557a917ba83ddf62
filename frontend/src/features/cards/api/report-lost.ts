import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { myCardsQueryKey } from './list-my-cards';

/** `POST /me/cards/{id}/report-lost`: the card is blocked at once and the company is told. */
export async function reportLost(id: string) {
  return expectOk(await api.POST('/api/v1/me/cards/{id}/report-lost', { params: { path: { id } } }));
}

export function useReportLost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reportLost,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myCardsQueryKey }),
  });
}
