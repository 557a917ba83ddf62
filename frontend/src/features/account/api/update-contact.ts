import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { meQueryKey } from '../../../lib/auth';

export type ContactInput = {
  address_line1: string;
  address_line2: string;
  postal_code: string;
  city: string;
  country: string;
};

/** `PATCH /me/contact`: the address (the phone changes only with an SMS code). */
export async function updateContact(input: ContactInput) {
  return expectOk(await api.PATCH('/api/v1/me/contact', { body: input }));
}

export function useUpdateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateContact,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
