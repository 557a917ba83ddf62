import { api, expectOk } from '../../../lib/api';

/**
 * `POST /identity-verifications/{id}/reset-second-factor`: after checking the document again in
 * person, the worker's phone is replaced, any authenticator app removed and every session ended.
 */
export async function resetSecondFactor(input: { recordId: string; newPhone: string; documentNumber: string }) {
  return expectOk(
    await api.POST('/api/v1/identity-verifications/{id}/reset-second-factor', {
      params: { path: { id: input.recordId } },
      body: { new_phone: input.newPhone, document_number: input.documentNumber },
    }),
  );
}
