import { api, expectOk } from '../../../lib/api';
import type { components } from '../../../lib/api/schema';

export type CardAtDesk = components['schemas']['CardAtDesk'];

/** `GET /identity-verifications/{id}/cards`: the cards of the worker the record is for. */
export async function cardsAtDesk(recordId: string) {
  return expectOk(await api.GET('/api/v1/identity-verifications/{id}/cards', { params: { path: { id: recordId } } }));
}

/** `POST /cards/{id}/activate-in-person`: the document and the card checked at the desk; answers the PIN. */
export async function activateInPerson(input: { cardId: string; cardNumber: string; documentNumber: string }) {
  return expectOk(
    await api.POST('/api/v1/cards/{id}/activate-in-person', {
      params: { path: { id: input.cardId } },
      body: { card_number: input.cardNumber, document_number: input.documentNumber },
    }),
  );
}
