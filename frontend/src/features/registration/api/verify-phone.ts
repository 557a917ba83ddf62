import { api, expectOk } from '../../../lib/api';

/** `POST /accounts/verify-phone`: the SMS code proves the phone; the account becomes active. */
export async function verifyRegistrationPhone(input: { challengeId: string; code: string }) {
  return expectOk(
    await api.POST('/api/v1/accounts/verify-phone', { body: { challenge_id: input.challengeId, code: input.code } }),
  );
}
