/**
 * Card portraits. `GET /card-orders/{id}/photo` needs the bearer token, so an `<img src>` cannot
 * load it: it is fetched through the API client as a blob and shown as a `data:` URL (the CSP
 * allows it), which needs no releasing and survives in the query cache.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './api/client';
import { expectOk } from './api/errors';

/** A file or blob as a `data:` URL. */
export function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(blob);
  });
}

export async function fetchPortrait(orderId: string, signal?: AbortSignal): Promise<string> {
  const result = await api.GET('/api/v1/card-orders/{id}/photo', {
    params: { path: { id: orderId } },
    parseAs: 'blob',
    signal,
  });
  return readAsDataUrl(expectOk(result));
}

/**
 * The portrait of an order, when `photoUrl` says it has one. `version` changes when the photo may
 * have (the order's `version`), so a replaced photo is fetched again.
 */
export function usePortrait(orderId: string, photoUrl: string | null | undefined, version?: number) {
  return useQuery({
    queryKey: ['portrait', orderId, version],
    queryFn: ({ signal }) => fetchPortrait(orderId, signal),
    enabled: Boolean(photoUrl),
    staleTime: Infinity,
  });
}
