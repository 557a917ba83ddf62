/**
 * The answers to "Accept" in words. Only the problem `code` and its field list are read: a mismatch
 * names the fields that differ from the passport, an incomplete contact the fields to add.
 */
import { isApiError } from '../../lib/api';
import type { MessageKey } from '../../lib/i18n';
import { describeError, type Message } from '../../lib/messages';

export const identityFields = ['given_names', 'surname', 'date_of_birth', 'nationality'] as const;
export type IdentityField = (typeof identityFields)[number];

export function isIdentityField(field: string): field is IdentityField {
  return (identityFields as readonly string[]).includes(field);
}

const mismatchKeys: Record<IdentityField, MessageKey> = {
  given_names: 'orders.mismatch.given_names',
  surname: 'orders.mismatch.surname',
  date_of_birth: 'orders.mismatch.date_of_birth',
  nationality: 'orders.mismatch.nationality',
};

const contactKeys: Record<string, MessageKey> = {
  phone: 'orders.missing.phone',
  address_line1: 'orders.missing.address_line1',
  postal_code: 'orders.missing.postal_code',
  city: 'orders.missing.city',
  country: 'orders.missing.country',
};

/** Each differing field as a message linking to its row in the comparison. */
export function mismatchMessages(fields: readonly string[]): Message[] {
  return fields.map((field) =>
    isIdentityField(field)
      ? { key: mismatchKeys[field], field: `compare-${field}` }
      : { key: 'orders.mismatch.other', field: 'compare' },
  );
}

/** Each missing contact field as a message linking to the contact details. */
export function missingContactMessages(fields: readonly string[]): Message[] {
  const messages = fields.map((field) => ({
    key: contactKeys[field] ?? 'orders.missing.other',
    field: field === 'phone' ? 'contact-phone' : 'contact-address',
  }));
  // One message per distinct text (line 1, postal code and city all point at the address).
  return messages.filter((message, index) => messages.findIndex((m) => m.key === message.key) === index);
}

export type AcceptOutcome =
  | { kind: 'mismatch'; messages: Message[] }
  | { kind: 'incomplete'; messages: Message[] }
  | { kind: 'changed'; messages: Message[] }
  | { kind: 'other'; messages: Message[] };

/** What a failed accept means for the worker, and the messages for the error summary. */
export function acceptFailure(error: unknown): AcceptOutcome {
  if (isApiError(error)) {
    const fields = error.fieldErrors.map((item) => item.field);
    switch (error.code) {
      case 'identity_mismatch':
        return { kind: 'mismatch', messages: mismatchMessages(fields) };
      case 'contact_incomplete':
        return { kind: 'incomplete', messages: missingContactMessages(fields) };
      case 'stale_version':
        return { kind: 'changed', messages: [{ key: 'orders.accept.changed' }] };
      case 'invalid_state':
        return { kind: 'changed', messages: [{ key: 'orders.accept.invalidState' }] };
      case 'identity_not_verified':
        return { kind: 'other', messages: [{ key: 'orders.accept.notVerified' }] };
    }
  }
  return { kind: 'other', messages: [describeError(error)] };
}
