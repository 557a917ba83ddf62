import { api, expectOk } from '../../../lib/api';

/** `POST /accounts`: password and phone for the registration link's account; an SMS code goes to the phone. */
export async function createAccount(input: { token: string; password: string; phone: string }) {
  return expectOk(
    await api.POST('/api/v1/accounts', {
      body: { registration_token: input.token, password: input.password, phone: input.phone },
    }),
  );
}
