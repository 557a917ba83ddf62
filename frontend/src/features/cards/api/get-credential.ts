import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectOk, isApiError, type components } from '../../../lib/api';

/** `{credential, expires_at}`: the signed digital card (compact JWS, at most 24 hours) for an active card. */
export type CardCredential = components['schemas']['CardCredential'];

/** `GET /me/cards/{id}/credential`: 409 `invalid_state` unless the card is active. */
export async function getCardCredential(id: string, signal?: AbortSignal): Promise<CardCredential> {
  return expectOk(await api.GET('/api/v1/me/cards/{id}/credential', { params: { path: { id } }, signal }));
}

export const cardCredentialQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['card-credential', id],
    queryFn: ({ signal }) => getCardCredential(id, signal),
    // A new one each time the page opens; never retried on an answer from the server.
    staleTime: 0,
    retry: (count, error) => !isApiError(error) && count < 1,
  });

export function useCardCredential(id: string, enabled: boolean) {
  return useQuery({ ...cardCredentialQueryOptions(id), enabled });
}
