import { api, expectOk, type components } from '../../../lib/api';

export type RecordVerificationBody = components['schemas']['RecordVerification'];

/** `POST /identity-verifications`: the in-person check; the worker is emailed a registration link. */
export async function recordVerification(body: RecordVerificationBody) {
  return expectOk(await api.POST('/api/v1/identity-verifications', { body }));
}
