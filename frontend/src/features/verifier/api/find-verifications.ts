import { api, expectOk } from '../../../lib/api';
import type { components } from '../../../lib/api/schema';

export type VerificationRecord = components['schemas']['VerificationView'];

/**
 * `GET /identity-verifications?email=|document_number=`: the records of the worker at the desk, newest first. An
 * `@` makes the search an email address, anything else a document number.
 */
export async function findVerifications(search: string) {
  const value = search.trim();
  const query = value.includes('@') ? { email: value } : { document_number: value };
  return expectOk(await api.GET('/api/v1/identity-verifications', { params: { query } }));
}
