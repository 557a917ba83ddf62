import { api, expectOk } from '../../../lib/api';

/** `POST /auth/password-reset`: always 202, whether or not the address has an account. */
export async function requestPasswordReset(email: string) {
  return expectOk(await api.POST('/api/v1/auth/password-reset', { body: { email } }));
}
