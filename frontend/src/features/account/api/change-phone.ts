import { api, expectOk } from '../../../lib/api';

/**
 * `POST /me/phone`: a code goes to the new number; nothing changes until it is typed. `currentPassword` is the
 * step-up the API asks for (`step_up_required`) when the sign-in is older than five minutes.
 */
export async function changePhone(phone: string, currentPassword?: string) {
  return expectOk(await api.POST('/api/v1/me/phone', { body: { phone, current_password: currentPassword } }));
}

/** `POST /me/phone/verify`: the new number replaces the old one. */
export async function verifyPhoneChange(input: { challengeId: string; code: string }) {
  return expectOk(
    await api.POST('/api/v1/me/phone/verify', { body: { challenge_id: input.challengeId, code: input.code } }),
  );
}
