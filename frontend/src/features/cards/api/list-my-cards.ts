import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';

export type Card = components['schemas']['CardView'];

export const myCardsQueryKey = ['my-cards'] as const;

/** `GET /me/cards`: the caller's cards. */
export async function listMyCards(signal?: AbortSignal): Promise<Card[]> {
  return expectOk(await api.GET('/api/v1/me/cards', { signal }));
}

export const myCardsQueryOptions = () =>
  queryOptions({ queryKey: myCardsQueryKey, queryFn: ({ signal }) => listMyCards(signal) });

export function useMyCards() {
  return useQuery(myCardsQueryOptions());
}
