import { useMutation } from '@tanstack/react-query';
import { api, expectOk, isApiError, type components } from '../../../lib/api';

/** The answer to a batch: the new orders' ids (none on a dry run) and how many rows the file had. */
export type BatchResult = components['schemas']['BatchCreated'];

/**
 * One problem in a batch file (the API's `FieldError` with its `row`): `row` 1 is the first worker, 0
 * the file as a whole or its header row; `field` a column name or `file`; `code` is stable (its
 * `message` is English for developers and never shown).
 */
export type BatchError = Required<Pick<components['schemas']['FieldError'], 'row' | 'field' | 'code'>>;

/** `csv` is the file's text as read (UTF-8, its byte order mark kept): sent, it is the same bytes. */
export type BatchRequest = { companyId: string; csv: string; dryRun: boolean };

/**
 * `POST /companies/{company_id}/card-orders/batch` with the CSV file as the body, unchanged. All or
 * nothing: 201 with the new orders, or with `dry_run` 200 and nothing created; 422 `batch_invalid`
 * with the problems by row, 413 `too_many_rows`.
 */
export async function orderBatch({ companyId, csv, dryRun }: BatchRequest): Promise<BatchResult> {
  return expectOk(
    await api.POST('/api/v1/companies/{company_id}/card-orders/batch', {
      params: { path: { company_id: companyId }, query: { dry_run: dryRun || undefined } },
      // The file as it is (the server reads the BOM and the separator), not serialised as JSON.
      body: csv,
      bodySerializer: (body) => body,
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    }),
  );
}

/** The problems of a 422 `batch_invalid`, or null for any other failure. */
export function batchErrors(error: unknown): BatchError[] | null {
  if (!isApiError(error) || error.code !== 'batch_invalid') return null;
  const problem = error.problem as { errors?: unknown } | null;
  const list = Array.isArray(problem?.errors) ? (problem.errors as unknown[]) : [];
  return list.flatMap((item) => {
    const { row, field, code } = (item ?? {}) as Record<string, unknown>;
    return typeof row === 'number' && typeof field === 'string' && typeof code === 'string'
      ? [{ row, field, code }]
      : [];
  });
}

export function useOrderBatch() {
  return useMutation({ mutationFn: orderBatch });
}
