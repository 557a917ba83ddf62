/** `POST /auth/login/resend`: a new SMS code for any open challenge (login, registration, phone, reset). */
import { api } from '../api/client';
import { expectOk } from '../api/errors';
import type { components } from '../api/schema';

export async function resendCode(challengeId: string): Promise<components['schemas']['ChallengeStarted']> {
  return expectOk(await api.POST('/api/v1/auth/login/resend', { body: { challenge_id: challengeId } }));
}
