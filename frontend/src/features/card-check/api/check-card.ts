/**
 * `GET /card-check/{card_number}`: the public card check (API.md). The route is not in the OpenAPI
 * document yet, so its answer is typed here by hand and the call goes through the client untyped.
 * TODO: when the card-check route lands in openapi.json, run `npm run gen:api`, delete `CardCheck`
 * and use `components['schemas'][…]` and `api.GET('/api/v1/card-check/{card_number}', …)` instead.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, isApiError } from '../../../lib/api';
import { currentLanguage } from '../../../lib/i18n';

export type CardCheck = {
  status: 'valid' | 'not_valid';
  reason?: 'blocked' | 'terminated' | 'expired' | 'not_activated' | 'unknown' | null;
  valid_until?: string | null;
  company_name?: string | null;
};

/** Two capital letters and ten digits, e.g. `AB1234567890`; spaces and hyphens are dropped. */
export function normaliseCardNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

export function isCardNumber(value: string): boolean {
  return /^[A-Z]{2}[0-9]{10}$/.test(value);
}

export async function checkCard(cardNumber: string, signal?: AbortSignal): Promise<CardCheck> {
  const response = await globalThis.fetch(
    new Request(new URL(`/api/v1/card-check/${encodeURIComponent(cardNumber)}`, window.location.origin), {
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
      signal,
    }),
  );
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new ApiError(response.status, body, response.headers.get('Retry-After'));
    // An unknown number (or, until the route lands, no such route) is "not valid: unknown".
    if (error.status === 404 && error.code === 'not_found') return { status: 'not_valid', reason: 'unknown' };
    throw error;
  }
  return body as CardCheck;
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
