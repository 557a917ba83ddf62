import { useMutation } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';

/**
 * `POST /auth/login/verify` as a web client: the refresh token comes back only as the HttpOnly
 * cookie; the body has the access token (kept in memory).
 */
export async function verifyLogin(input: { challengeId: string; code: string }) {
  return expectOk(
    await api.POST('/api/v1/auth/login/verify', {
      body: { challenge_id: input.challengeId, code: input.code, client: 'web' },
      credentials: 'same-origin',
    }),
  );
}

export function useVerifyLogin() {
  return useMutation({ mutationFn: verifyLogin });
}
