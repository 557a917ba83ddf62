import { api, expectOk, type components } from '../../../lib/api';

/** A residence permit, for a worker whose nationality is outside the EU/EEA and Switzerland. */
export type RightToWorkBody = components['schemas']['RightToWork'];

export type RecordVerificationBody = components['schemas']['RecordVerification'];

/**
 * `POST /identity-verifications`: the in-person check; the worker is emailed a registration link. 422
 * `right_to_work_required` when the nationality needs a residence permit and none was given.
 */
export async function recordVerification(body: RecordVerificationBody) {
  return expectOk(await api.POST('/api/v1/identity-verifications', { body }));
}
