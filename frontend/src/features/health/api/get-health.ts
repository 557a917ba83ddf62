import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../../lib/api';

export async function getHealth(signal?: AbortSignal) {
  const { data, error, response } = await api.GET('/healthz', { signal });
  if (!data) throw new ApiError(response.status, error);
  return data;
}

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth(signal),
    staleTime: 30_000,
  });

/** The service's health; with `enabled: false` it waits (pending) without a request. */
export function useHealth({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...healthQueryOptions(), enabled });
}
