import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { meQueryKey } from '../../../lib/auth';

/** `POST /me/authenticator-offer/decline`: "no, thanks", remembered on the account. */
export async function declineAuthenticatorOffer() {
  return expectOk(await api.POST('/api/v1/me/authenticator-offer/decline', {}));
}

export function useDeclineAuthenticatorOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declineAuthenticatorOffer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
