import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';

export const sessionsQueryKey = ['auth', 'sessions'] as const;

/** `GET /auth/sessions`: the caller's live sessions, newest first. */
export async function listSessions(signal?: AbortSignal) {
  return expectOk(await api.GET('/api/v1/auth/sessions', { signal }));
}

export const sessionsQueryOptions = () =>
  queryOptions({ queryKey: sessionsQueryKey, queryFn: ({ signal }) => listSessions(signal) });

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}

/** `DELETE /auth/sessions/{id}`: signs out that device. */
export async function revokeSession(id: string) {
  return expectOk(await api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } }));
}

/** `DELETE /auth/sessions`: signs out every device but this one. */
export async function revokeOtherSessions() {
  return expectOk(await api.DELETE('/api/v1/auth/sessions'));
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeOtherSessions,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}
