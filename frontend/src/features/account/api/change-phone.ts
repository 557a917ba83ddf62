import { api, expectOk } from '../../../lib/api';

/** `POST /me/phone`: a code goes to the new number; nothing changes until it is typed. */
export async function changePhone(phone: string) {
  return expectOk(await api.POST('/api/v1/me/phone', { body: { phone } }));
}

/** `POST /me/phone/verify`: the new number replaces the old one. */
export async function verifyPhoneChange(input: { challengeId: string; code: string }) {
  return expectOk(
    await api.POST('/api/v1/me/phone/verify', { body: { challenge_id: input.challengeId, code: input.code } }),
  );
}
