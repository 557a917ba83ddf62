import { api, expectOk } from '../../../lib/api';

/** `POST /me/password`: the current password, then the new one; other sessions end. */
export async function changePassword(input: { currentPassword: string; newPassword: string }) {
  return expectOk(
    await api.POST('/api/v1/me/password', {
      body: { current_password: input.currentPassword, new_password: input.newPassword },
    }),
  );
}
