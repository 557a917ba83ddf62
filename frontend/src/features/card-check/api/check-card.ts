/** `GET /card-check/{card_number}`: the public card check (no sign-in; rate-limited). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectOk, isApiError, type components } from '../../../lib/api';

export type CardCheck = components['schemas']['CardCheckResult'];

export async function checkCard(cardNumber: string, signal?: AbortSignal): Promise<CardCheck> {
  return expectOk(
    await api.GET('/api/v1/card-check/{card_number}', { params: { path: { card_number: cardNumber } }, signal }),
  );
}

export function useCardCheck(cardNumber: string | null) {
  return useQuery(
    queryOptions({
      queryKey: ['card-check', cardNumber],
      queryFn: ({ signal }) => checkCard(cardNumber ?? '', signal),
      enabled: cardNumber !== null,
      retry: (count, error) => !isApiError(error) && count < 1,
      staleTime: 0,
    }),
  );
}
