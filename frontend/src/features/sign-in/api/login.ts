import { useMutation } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';
import { chosenLanguage } from '../../../lib/i18n/languages';
import { readStoredLanguage } from '../../../lib/i18n/storage';

export type LoginInput = { email: string; password: string };

/**
 * `POST /auth/login`: email and password → a second-factor challenge. A language picked on this device goes
 * along, so the code SMS and later messages come in it (the server saves it on the account).
 */
export async function login(input: LoginInput) {
  const language = chosenLanguage(readStoredLanguage());
  return expectOk(await api.POST('/api/v1/auth/login', { body: { ...input, ...(language && { language }) } }));
}

export function useLogin() {
  return useMutation({ mutationFn: login });
}
