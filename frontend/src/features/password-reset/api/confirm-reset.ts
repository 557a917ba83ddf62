import { api, expectOk } from '../../../lib/api';

/** `POST /auth/password-reset/confirm`: the new password, checked; takes effect after the second factor. */
export async function confirmPasswordReset(input: { token: string; password: string }) {
  return expectOk(
    await api.POST('/api/v1/auth/password-reset/confirm', {
      body: { token: input.token, new_password: input.password },
    }),
  );
}
