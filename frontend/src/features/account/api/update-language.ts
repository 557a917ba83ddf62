import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { meQueryKey } from '../../../lib/auth';
import type { components } from '../../../lib/api/schema';

type Language = components['schemas']['LanguageValue'];

/** `PATCH /me`: the language of the account's emails and SMS. */
export async function updateLanguage(language: Language) {
  return expectOk(await api.PATCH('/api/v1/me', { body: { language } }));
}

export function useUpdateLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLanguage,
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
