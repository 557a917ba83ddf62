/** One field-level failure from a problem's `errors` list. */
export type ProblemFieldError = { field: string; code: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads `Retry-After` (seconds or an HTTP date) into seconds from now. */
function parseRetryAfter(header: string | null | undefined, problem: unknown): number | undefined {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  if (isRecord(problem) && typeof problem.retry_after === 'number') return problem.retry_after;
  return undefined;
}

/**
 * A non-2xx answer from the API. `code` is the problem's stable machine code (the only thing the UI
 * switches on; `title` and `detail` are never shown), `fieldErrors` its validation list.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: unknown;
  readonly code: string | undefined;
  readonly fieldErrors: ProblemFieldError[];
  /** Seconds to wait, from `Retry-After`, on 429 answers. */
  readonly retryAfter: number | undefined;

  constructor(status: number, problem: unknown, retryAfterHeader?: string | null) {
    super(`API request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = isRecord(problem) && typeof problem.code === 'string' ? problem.code : undefined;
    this.fieldErrors =
      isRecord(problem) && Array.isArray(problem.errors)
        ? problem.errors.flatMap((item: unknown) =>
            isRecord(item) && typeof item.field === 'string' && typeof item.code === 'string'
              ? [{ field: item.field, code: item.code }]
              : [],
          )
        : [];
    this.retryAfter = parseRetryAfter(retryAfterHeader, problem);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Unwraps an openapi-fetch result: the data of a 2xx answer, or an `ApiError` thrown for anything
 * else. Works for bodiless answers (202, 204) too, where `data` is undefined.
 */
export function expectOk<T>(result: { data?: T; error?: unknown; response: Response }): T {
  const { data, error, response } = result;
  if (!response.ok) throw new ApiError(response.status, error, response.headers.get('Retry-After'));
  return data as T;
}
