import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { myCardsQueryKey } from './list-my-cards';

/**
 * `POST /me/cards/{id}/activate` with the number typed from the card (proof of holding it): the
 * card becomes active and its PIN is returned. 422 `card_number_mismatch`; after five wrong
 * numbers 409 `activation_locked`.
 */
export async function activateCard({ id, cardNumber }: { id: string; cardNumber: string }) {
  return expectOk(
    await api.POST('/api/v1/me/cards/{id}/activate', { params: { path: { id } }, body: { card_number: cardNumber } }),
  );
}

export function useActivateCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: activateCard,
    // Not awaited: the page shows the PIN at once, the list catches up behind it.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: myCardsQueryKey });
    },
  });
}
