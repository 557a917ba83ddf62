/**
 * Checks shared by several forms, mirroring the API's rules so most mistakes are caught before a
 * round trip (the server still decides). Each returns field errors keyed for the error summary.
 */
import { loadedPasswordEstimator } from './password-strength-loader';
import type { MessageKey } from './i18n';
import type { FieldError } from './messages';
import { toE164 } from './phone-input';

/** The server's policy, NIST SP 800-63B: 8 to 128 characters, no composition rules. */
export function validateNewPassword(password: string, field = 'password'): FieldError[] {
  const length = [...password].length;
  if (length === 0) return [{ field, key: 'newPassword.errors.required' }];
  if (length < 8) return [{ field, key: 'newPassword.errors.too_short' }];
  if (length > 128) return [{ field, key: 'newPassword.errors.too_long' }];
  return [];
}

/**
 * Length first, then zxcvbn (as the server does): a password it would refuse as too easy to guess
 * is refused here already. If the estimator has not loaded (slow connection), the server decides.
 */
export function checkNewPassword(password: string, userInputs: readonly string[] = [], field = 'password'): FieldError[] {
  const errors = validateNewPassword(password, field);
  if (errors.length > 0) return errors;
  const estimator = loadedPasswordEstimator();
  if (estimator && estimator.estimateStrength(password, userInputs).score < estimator.minScore) {
    return [{ field, key: 'newPassword.errors.too_common' }];
  }
  return [];
}

export type PhoneInput = { country: string; number: string };

/**
 * Builds the E.164 number, or says what is wrong with it. `required` is the message for an empty
 * number: "your" phone by default; a form about someone else's phone says whose.
 */
export function validatePhone(
  value: PhoneInput,
  field = 'phone',
  required: MessageKey = 'phoneField.errors.required',
): { phone: string; errors: FieldError[] } | { phone: null; errors: FieldError[] } {
  if (!value.number.trim()) return { phone: null, errors: [{ field, key: required }] };
  const phone = toE164(value.country, value.number);
  if (!phone) return { phone: null, errors: [{ field, key: 'phoneField.errors.invalid' }] };
  return { phone, errors: [] };
}

// In a module of its own, so the public "forgot password" page (in the first download) does not bring
// the phone and country code along.
export { validateEmail } from './email';

/** Server field errors of a `weak_password` problem, by the policy's codes. */
export const weakPasswordCodes = {
  too_short: 'newPassword.errors.too_short',
  too_long: 'newPassword.errors.too_long',
  too_common: 'newPassword.errors.too_common',
} as const;

/** A reason someone else will read (rejecting an order, blocking a card): 1 to 500 characters. */
export function validateReason(reason: string, field = 'reason'): FieldError[] {
  const trimmed = reason.trim();
  if (!trimmed) return [{ field, key: 'reason.errors.required' }];
  if ([...trimmed].length > 500) return [{ field, key: 'reason.errors.tooLong' }];
  return [];
}
