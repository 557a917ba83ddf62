import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';

export type AuditEvent = components['schemas']['AuditEventView'];
export type AuditEventPage = components['schemas']['AuditPage'];
export type AuditQuery = {
  kind?: string;
  subject_id?: string;
  actor_id?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string | null;
};

export type ChainReport = components['schemas']['AuditChainReport'];

export const auditEventsQueryKey = ['operator', 'audit-events'] as const;

/** `GET /audit-events`: one page, newest first, with the filters given (empty ones left out). */
export async function listAuditEvents(query: AuditQuery, signal?: AbortSignal): Promise<AuditEventPage> {
  const { limit, cursor, ...filters } = query;
  const given = Object.fromEntries(Object.entries(filters).filter(([, value]) => Boolean(value))) as Record<string, string>;
  return expectOk(
    await api.GET('/api/v1/audit-events', {
      params: { query: { ...given, limit, cursor: cursor || undefined } },
      signal,
    }),
  );
}

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: [...auditEventsQueryKey, query],
    queryFn: ({ signal }) => listAuditEvents(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** `GET /audit-chain`: checks every checkpoint and sealed event; a broken chain is still a 200 (`ok: false`). */
export async function verifyChain(): Promise<ChainReport> {
  return expectOk(await api.GET('/api/v1/audit-chain'));
}

/** A mutation rather than a query: it runs when asked (the button), and every press checks again. */
export function useVerifyChain() {
  return useMutation({ mutationFn: verifyChain });
}
