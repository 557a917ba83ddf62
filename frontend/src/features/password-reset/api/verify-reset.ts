import { api, expectOk } from '../../../lib/api';

/** `POST /auth/password-reset/verify`: the code; the password changes and every session ends. */
export async function verifyPasswordReset(input: { challengeId: string; code: string }) {
  return expectOk(
    await api.POST('/api/v1/auth/password-reset/verify', {
      body: { challenge_id: input.challengeId, code: input.code },
    }),
  );
}
