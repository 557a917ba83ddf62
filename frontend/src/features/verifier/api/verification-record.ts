import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, expectOk, isApiError, type components } from '../../../lib/api';
import type { RightToWorkBody } from './record-verification';

/** The record, with `right_to_work_required` and the person's current permit (number's last 3 characters). */
export type VerificationRecordView = components['schemas']['VerificationView'];

const recordKey = (id: string) => ['verification-record', id] as const;

/** `GET /identity-verifications/{id}`: the record (document number masked), with the current permit. */
export async function getVerificationRecord(id: string, signal?: AbortSignal): Promise<VerificationRecordView> {
  return expectOk(await api.GET('/api/v1/identity-verifications/{id}', { params: { path: { id } }, signal }));
}

export function useVerificationRecord(id: string) {
  return useQuery(
    queryOptions({
      queryKey: recordKey(id),
      queryFn: ({ signal }) => getVerificationRecord(id, signal),
      retry: (count, error) => !isApiError(error) && count < 1,
    }),
  );
}

/**
 * `POST /identity-verifications/{id}/right-to-work`: a renewed residence permit for the same person; the
 * validity of their cards follows it. Answers the record as `GET` does.
 */
export async function recordPermit(input: { id: string; permit: RightToWorkBody }): Promise<VerificationRecordView> {
  return expectOk(
    await api.POST('/api/v1/identity-verifications/{id}/right-to-work', {
      params: { path: { id: input.id } },
      body: input.permit,
    }),
  );
}

export function useRecordPermit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordPermit,
    onSuccess: (record) => queryClient.setQueryData(recordKey(record.id), record),
  });
}
