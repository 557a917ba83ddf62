import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { api, expectOk, type components } from '../../../lib/api';

/**
 * `GET /audit-events` until `schema.d.ts` has it (the "audit events" commit on main): the same fields,
 * so switching is using `components['schemas']` here and `api` without the cast.
 */
export type AuditEvent = {
  id: string;
  kind: string;
  actor_id?: string | null;
  /** Who acted: an account, a partner client, the system… */
  actor_kind: string;
  subject_type?: string | null;
  subject_id?: string | null;
  data: Record<string, unknown>;
  at: string;
};
export type AuditEventPage = { items: AuditEvent[]; next_cursor?: string | null };
export type AuditQuery = {
  kind?: string;
  subject_id?: string;
  actor_id?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string | null;
};

type Problem = { headers: { [name: string]: unknown }; content: { 'application/problem+json': unknown } };
type AuditPaths = {
  '/api/v1/audit-events': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: {
        query?: { [K in Exclude<keyof AuditQuery, 'limit'>]?: string } & { limit?: number };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': AuditEventPage } };
        400: Problem;
        401: Problem;
        403: Problem;
        422: Problem;
      };
    };
  };
};

const auditApi = api as unknown as Client<AuditPaths>;

export type ChainReport = components['schemas']['AuditChainReport'];

export const auditEventsQueryKey = ['operator', 'audit-events'] as const;

/** `GET /audit-events`: one page, newest first, with the filters given (empty ones left out). */
export async function listAuditEvents(query: AuditQuery, signal?: AbortSignal): Promise<AuditEventPage> {
  const { limit, cursor, ...filters } = query;
  const given = Object.fromEntries(Object.entries(filters).filter(([, value]) => Boolean(value))) as Record<string, string>;
  return expectOk(
    await auditApi.GET('/api/v1/audit-events', {
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
