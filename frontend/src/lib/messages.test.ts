import { ApiError } from './api/errors';
import { describeError, errorFor, fieldErrorsFromProblem } from './messages';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  new ApiError(status, { type: 'x', title: 'Server text never shown', status, code, ...extra });

describe('describeError: problem codes become translated messages', () => {
  test("the caller's message for a known code", () => {
    expect(describeError(problem(401, 'invalid_credentials'), { invalid_credentials: 'signIn.errors.invalidCredentials' }))
      .toEqual({ key: 'signIn.errors.invalidCredentials', waitSeconds: undefined });
  });

  test('429 says how long to wait, from Retry-After', () => {
    const error = new ApiError(429, { code: 'too_many_attempts' }, '90');
    expect(error.retryAfter).toBe(90);
    expect(describeError(error)).toEqual({ key: 'errors.tooManyAttemptsWait', waitSeconds: 90 });
  });

  test('429 without Retry-After falls back to the body, then to words without a time', () => {
    expect(describeError(problem(429, 'too_many_attempts', { retry_after: 30 }))).toEqual({
      key: 'errors.tooManyAttemptsWait',
      waitSeconds: 30,
    });
    expect(describeError(problem(429, 'too_many_attempts'), { too_many_attempts: 'signIn.errors.tooManyAttempts' }))
      .toEqual({ key: 'errors.tooManyAttempts' });
  });

  test('server trouble, permission and a failed connection each have their words', () => {
    expect(describeError(problem(500, 'internal_error'))).toEqual({ key: 'errors.server' });
    expect(describeError(problem(403, 'forbidden'))).toEqual({ key: 'errors.forbidden' });
    expect(describeError(new TypeError('Failed to fetch'))).toEqual({ key: 'errors.network' });
    expect(describeError(problem(400, 'something_new'))).toEqual({ key: 'errors.unexpected' });
  });
});

describe('fieldErrorsFromProblem: validation errors land on the form’s controls', () => {
  const rules = {
    postal_code: { field: 'postal_code', fallback: 'address.errors.postalCodeFormat' as const },
    city: {
      field: 'city',
      codes: { required: 'address.errors.cityRequired' as const },
      fallback: 'address.errors.tooLong' as const,
    },
  };

  test('by field and code, with a fallback per field', () => {
    const error = problem(422, 'validation_failed', {
      errors: [
        { field: 'city', code: 'required', message: 'English for developers' },
        { field: 'postal_code', code: 'invalid_format', message: '…' },
        { field: 'city', code: 'brand_new_code', message: '…' },
      ],
    });
    const messages = fieldErrorsFromProblem(error, rules);
    expect(messages).toEqual([
      { field: 'city', key: 'address.errors.cityRequired' },
      { field: 'postal_code', key: 'address.errors.postalCodeFormat' },
      { field: 'city', key: 'address.errors.tooLong' },
    ]);
    expect(errorFor(messages, 'city')).toEqual({ field: 'city', key: 'address.errors.cityRequired' });
  });

  test('a field the form does not have becomes a general message, not lost', () => {
    const error = problem(422, 'validation_failed', { errors: [{ field: 'delivery.recipient', code: 'required' }] });
    expect(fieldErrorsFromProblem(error, rules)).toEqual([{ key: 'errors.checkAnswers' }]);
  });

  test('malformed error lists are ignored', () => {
    const error = problem(422, 'validation_failed', { errors: [{ nope: 1 }, 'x'] });
    expect(error.fieldErrors).toEqual([]);
  });
});
