import type { FieldError } from '../../lib/messages';

export type SignInValues = { email: string; password: string };

/** Mirrors what the server needs to try a login: an address that looks like one, and a password. */
export function validateSignIn(values: SignInValues): FieldError[] {
  const errors: FieldError[] = [];
  const email = values.email.trim();
  if (!email) errors.push({ field: 'email', key: 'signIn.errors.emailRequired' });
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push({ field: 'email', key: 'signIn.errors.emailFormat' });
  if (!values.password) errors.push({ field: 'password', key: 'signIn.errors.passwordRequired' });
  return errors;
}
