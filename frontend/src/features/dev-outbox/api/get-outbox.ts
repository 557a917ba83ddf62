import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';

/** `GET /dev/outbox`: SMS and emails kept by a server in development mode (404 otherwise). */
export async function getOutbox(to: string | undefined, signal?: AbortSignal) {
  return expectOk(await api.GET('/api/v1/dev/outbox', { params: { query: { to: to || undefined } }, signal }));
}

export function useOutbox(to: string) {
  return useQuery(
    queryOptions({
      queryKey: ['dev', 'outbox', to],
      queryFn: ({ signal }) => getOutbox(to, signal),
      refetchInterval: 5000,
    }),
  );
}

/** Whether the server is in development mode: asks for a recipient that never gets messages. */
export function useDevMode() {
  return useQuery({
    queryKey: ['dev', 'enabled'],
    queryFn: async ({ signal }) => {
      try {
        await getOutbox('dev-mode-probe@invalid', signal);
        return true;
      } catch {
        return false;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}
