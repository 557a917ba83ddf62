import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';

export type OutboxItem = components['schemas']['OutboxItem'];
export type OutboxPage = components['schemas']['OutboxPage'];
export type OutboxStatus = components['schemas']['OutboxStatusValue'];
export type OutboxQuery = { status?: OutboxStatus | ''; limit: number; cursor?: string | null };

export const outboxStatuses: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'dead'];

export function isOutboxStatus(value: string): value is OutboxStatus {
  return (outboxStatuses as readonly string[]).includes(value);
}

export const operatorOutboxQueryKey = ['operator', 'outbox'] as const;

/** `GET /outbox`: one page of messages, newest first, without their content. */
export async function listOutbox(query: OutboxQuery, signal?: AbortSignal): Promise<OutboxPage> {
  return expectOk(
    await api.GET('/api/v1/outbox', {
      params: { query: { status: query.status || undefined, limit: query.limit, cursor: query.cursor || undefined } },
      signal,
    }),
  );
}

export const operatorOutboxQueryOptions = (query: OutboxQuery) =>
  queryOptions({
    queryKey: [...operatorOutboxQueryKey, 'list', query],
    queryFn: ({ signal }) => listOutbox(query, signal),
    placeholderData: keepPreviousData,
  });

export function useOperatorOutbox(query: OutboxQuery) {
  return useQuery(operatorOutboxQueryOptions(query));
}

/** `POST /outbox/{id}/retry`: a dead message is due again (202); 409 `not_dead` if it no longer is dead. */
export async function retryOutboxMessage(id: string): Promise<void> {
  expectOk(await api.POST('/api/v1/outbox/{id}/retry', { params: { path: { id } } }));
}

/** Either way (sent again, or no longer dead) the list is out of date: it is loaded again. */
export function useRetryOutboxMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryOutboxMessage,
    onSettled: () => queryClient.invalidateQueries({ queryKey: operatorOutboxQueryKey }),
  });
}
