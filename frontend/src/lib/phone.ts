/**
 * Phone numbers for reading: the API stores E.164 (`+46700000003`), which is hard to read back or to
 * compare with the phone in your hand. Shown in the international format with the country's own
 * grouping (`+46 70 000 00 03`).
 *
 * libphonenumber-js (its small "min" metadata, about 20 kB gzipped) is only imported here, and only
 * signed-in pages import this module, so it never comes with the first download. Building numbers
 * from what people type is in `phone-input.ts`, which the public registration pages use.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * `+46700000003` → `+46 70 000 00 03`. Masked numbers (`+46•••••••58`) and anything that is not a
 * phone number come back unchanged, so nothing is ever hidden by formatting.
 */
export function formatPhone(phone: string): string {
  const trimmed = phone.trim();
  if (!/^\+[0-9]{8,15}$/.test(trimmed)) return phone;
  return parsePhoneNumberFromString(trimmed)?.formatInternational() ?? phone;
}
