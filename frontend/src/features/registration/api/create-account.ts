import { api, expectOk } from '../../../lib/api';
import { chosenLanguage } from '../../../lib/i18n/languages';
import { readStoredLanguage } from '../../../lib/i18n/storage';

/**
 * `POST /accounts`: password and phone for the registration link's account; an SMS code goes to the phone,
 * in the language picked on this device if one was.
 */
export async function createAccount(input: { token: string; password: string; phone: string }) {
  const language = chosenLanguage(readStoredLanguage());
  return expectOk(
    await api.POST('/api/v1/accounts', {
      body: { registration_token: input.token, password: input.password, phone: input.phone, ...(language && { language }) },
    }),
  );
}
