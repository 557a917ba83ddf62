import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { api, expectOk, type components } from '../../../lib/api';
import { companyOrderQueryKey } from './get-order';
import { companyCardsQueryKey } from './list-cards';
import { companyOrdersQueryKey, type CompanyOrder } from './list-orders';

type Problem = {
  headers: { [name: string]: unknown };
  content: { 'application/problem+json': components['schemas']['Problem'] };
};

/**
 * `POST …/cards/{id}/renew`, as the API documents it, typed here until `schema.d.ts` (generated from
 * `openapi/openapi.json`) has it. Once `npm run gen:api` brings the path in, drop this and the cast below.
 */
type RenewPaths = {
  '/api/v1/companies/{company_id}/cards/{id}/renew': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post: {
      parameters: { query?: never; header?: never; path: { company_id: string; id: string }; cookie?: never };
      requestBody?: never;
      responses: {
        /** The new order; `Location` names it. */
        201: { headers: { [name: string]: unknown }; content: { 'application/json': CompanyOrder } };
        400: Problem;
        401: Problem;
        403: Problem;
        /** No such card in this company. */
        404: Problem;
        /** `invalid_state`: the card has been terminated. */
        409: Problem;
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};

const renewApi = api as unknown as Client<RenewPaths>;

/**
 * `POST /companies/{company_id}/cards/{id}/renew`: a new order made from the card's order, waiting for
 * the worker's photo. The card keeps working until the new card is activated; then it is terminated.
 */
export async function renewCard({ companyId, id }: { companyId: string; id: string }): Promise<CompanyOrder> {
  return expectOk(
    await renewApi.POST('/api/v1/companies/{company_id}/cards/{id}/renew', {
      params: { path: { company_id: companyId, id } },
    }),
  );
}

export function useRenewCard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: renewCard,
    onSuccess: (order, { companyId }) => {
      queryClient.setQueryData(companyOrderQueryKey(companyId, order.id), order);
      void queryClient.invalidateQueries({ queryKey: [...companyOrdersQueryKey(companyId), 'list'] });
      void queryClient.invalidateQueries({ queryKey: companyCardsQueryKey(companyId) });
    },
  });
}
