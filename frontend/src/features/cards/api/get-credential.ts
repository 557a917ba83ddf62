import { queryOptions, useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api';
import { pendingApi } from '../../../lib/api/pending';

/** `{credential, expires_at}`: the signed digital card (compact JWS, at most 24 hours) for an active card. */
export type CardCredential = { credential: string; expires_at: string };

/** `GET /me/cards/{id}/credential`: 409 `invalid_state` unless the card is active. */
export async function getCardCredential(id: string): Promise<CardCredential> {
  return pendingApi<CardCredential>('GET', `/api/v1/me/cards/${encodeURIComponent(id)}/credential`);
}

export const cardCredentialQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['card-credential', id],
    queryFn: () => getCardCredential(id),
    // A new one each time the page opens; never retried on an answer from the server.
    staleTime: 0,
    retry: (count, error) => !isApiError(error) && count < 1,
  });

export function useCardCredential(id: string, enabled: boolean) {
  return useQuery({ ...cardCredentialQueryOptions(id), enabled });
}
