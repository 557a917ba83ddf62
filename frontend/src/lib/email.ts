/** The email check of forms, mirroring the API's rule: an address that looks like one, at most 254 characters. */
import type { FieldError } from './messages';

export function validateEmail(email: string, field = 'email'): FieldError[] {
  const trimmed = email.trim();
  if (!trimmed) return [{ field, key: 'emailField.errors.required' }];
  if (trimmed.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) {
    return [{ field, key: 'emailField.errors.format' }];
  }
  return [];
}
