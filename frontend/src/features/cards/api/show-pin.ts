import { useMutation } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';

/** `POST /me/cards/{id}/pin`: the PIN again, for the number typed from the card. */
export async function showPin({ id, cardNumber }: { id: string; cardNumber: string }) {
  return expectOk(
    await api.POST('/api/v1/me/cards/{id}/pin', { params: { path: { id } }, body: { card_number: cardNumber } }),
  );
}

export function useShowPin() {
  return useMutation({ mutationFn: showPin });
}
