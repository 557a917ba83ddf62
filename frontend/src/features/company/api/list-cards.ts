import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';
import type { ListQuery } from './list-orders';

export type CompanyCard = components['schemas']['CardView'];
export type CardPage = components['schemas']['CardPage'];
export type CardStatus = components['schemas']['CardStatusValue'];

export const companyCardsQueryKey = (companyId: string) => ['company', companyId, 'cards'] as const;

/** `GET /companies/{company_id}/cards`: one page of the company's cards, newest first. */
export async function listCards(companyId: string, query: ListQuery<CardStatus>, signal?: AbortSignal): Promise<CardPage> {
  return expectOk(
    await api.GET('/api/v1/companies/{company_id}/cards', {
      params: {
        path: { company_id: companyId },
        query: {
          q: query.q || undefined,
          status: query.status || undefined,
          limit: query.limit,
          cursor: query.cursor || undefined,
        },
      },
      signal,
    }),
  );
}

export const companyCardsQueryOptions = (companyId: string, query: ListQuery<CardStatus>) =>
  queryOptions({
    queryKey: [...companyCardsQueryKey(companyId), 'list', query],
    queryFn: ({ signal }) => listCards(companyId, query, signal),
    placeholderData: keepPreviousData,
  });

export function useCompanyCards(companyId: string, query: ListQuery<CardStatus>) {
  return useQuery(companyCardsQueryOptions(companyId, query));
}

/**
 * One card of the company. There is no `GET …/cards/{id}`, so the list is searched, a page of 100
 * at a time (at most ten pages); a card opened from the list is already known and passed in.
 */
export async function findCard(companyId: string, id: string, signal?: AbortSignal): Promise<CompanyCard | null> {
  let cursor: string | null | undefined;
  for (let page = 0; page < 10; page += 1) {
    const result = await listCards(companyId, { limit: 100, cursor }, signal);
    const card = result.items.find((item) => item.id === id);
    if (card) return card;
    if (!result.next_cursor) return null;
    cursor = result.next_cursor;
  }
  return null;
}

export function useCompanyCard(companyId: string, id: string, known?: CompanyCard) {
  return useQuery({
    queryKey: [...companyCardsQueryKey(companyId), 'one', id],
    queryFn: ({ signal }) => findCard(companyId, id, signal),
    initialData: known,
    staleTime: known ? 30_000 : 0,
  });
}
