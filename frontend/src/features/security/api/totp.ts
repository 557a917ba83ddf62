import { useQuery } from '@tanstack/react-query';
import { api, expectOk } from '../../../lib/api';

/**
 * `POST /auth/totp`: a new secret and its QR code; login keeps using SMS until it is confirmed. `currentPassword`
 * is the step-up the API asks for (`step_up_required`) when the sign-in is older than five minutes.
 */
export async function startTotp(currentPassword?: string) {
  return expectOk(
    await api.POST('/api/v1/auth/totp', currentPassword ? { body: { current_password: currentPassword } } : {}),
  );
}

export const totpEnrolmentKey = ['auth', 'totp', 'enrolment'];

/**
 * Starts enrolment once per visit of the set-up page (a query, so a re-render or React's strict-mode
 * double mount does not start a second enrolment and invalidate the QR code on screen).
 */
export function useTotpEnrolment() {
  return useQuery({
    queryKey: totpEnrolmentKey,
    queryFn: () => startTotp(),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

/** `POST /auth/totp/confirm`: the app's current code; from now on login asks for the app's code. */
export async function confirmTotp(code: string) {
  return expectOk(await api.POST('/api/v1/auth/totp/confirm', { body: { code } }));
}

/** `DELETE /auth/totp`: needs a fresh code from the app; login goes back to SMS. */
export async function removeTotp(code: string) {
  return expectOk(await api.DELETE('/api/v1/auth/totp', { body: { code } }));
}
