import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, type components } from '../../../lib/api';

/** A partner client as operators see it; `webhook_events` null (or absent): every type. */
export type PartnerClient = components['schemas']['PartnerClientView'];
export type PartnerClientList = components['schemas']['PartnerClientList'];
export type PartnerSecrets = components['schemas']['PartnerSecretsView'];
export type CreatePartnerClientBody = components['schemas']['CreatePartnerClient'];
export type UpdatePartnerClientBody = components['schemas']['UpdatePartnerClient'];

export const partnerClientsQueryKey = ['operator', 'partner-clients'] as const;

/** `GET /partner-clients`: every partner client (a short list, not paged), never a secret. */
export async function listPartnerClients(signal?: AbortSignal): Promise<PartnerClientList> {
  return expectOk(await api.GET('/api/v1/partner-clients', { signal }));
}

export function usePartnerClients() {
  return useQuery({ queryKey: partnerClientsQueryKey, queryFn: ({ signal }) => listPartnerClients(signal) });
}

/** One client, from the list (there is no `GET /partner-clients/{id}`). */
export function usePartnerClient(clientId: string) {
  const list = usePartnerClients();
  return { ...list, client: list.data?.items.find((item) => item.client_id === clientId) };
}

/*
 * The answers that carry secrets are kept out of the query cache and dropped from the mutation cache as
 * soon as nothing shows them (`gcTime: 0`): once the page that showed them is left, they are gone.
 */

/** `POST /partner-clients`: answers the client secret and the webhook secret, this once. */
export async function createPartnerClient(body: CreatePartnerClientBody): Promise<PartnerSecrets> {
  return expectOk(await api.POST('/api/v1/partner-clients', { body }));
}

export function useCreatePartnerClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPartnerClient,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerClientsQueryKey }),
  });
}

/** `PATCH /partner-clients/{client_id}`: only the fields sent change. */
export async function updatePartnerClient({ clientId, body }: { clientId: string; body: UpdatePartnerClientBody }) {
  return expectOk(
    await api.PATCH('/api/v1/partner-clients/{client_id}', { params: { path: { client_id: clientId } }, body }),
  );
}

export function useUpdatePartnerClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePartnerClient,
    onSuccess: (client) => {
      queryClient.setQueryData<PartnerClientList>(partnerClientsQueryKey, (list) =>
        list ? { items: list.items.map((item) => (item.client_id === client.client_id ? client : item)) } : list,
      );
      return queryClient.invalidateQueries({ queryKey: partnerClientsQueryKey });
    },
  });
}

/** `POST /partner-clients/{client_id}/rotate-secret`: new secrets; the old client secret stops working at once. */
export async function rotatePartnerSecrets(clientId: string): Promise<PartnerSecrets> {
  return expectOk(
    await api.POST('/api/v1/partner-clients/{client_id}/rotate-secret', {
      params: { path: { client_id: clientId } },
    }),
  );
}

export function useRotatePartnerSecrets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotatePartnerSecrets,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerClientsQueryKey }),
  });
}
