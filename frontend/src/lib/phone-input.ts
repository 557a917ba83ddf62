/**
 * Phone numbers as the API stores them: E.164 (`+46701234567`). People type the national number the
 * way they know it (`070-123 45 67`) and pick the country; this builds the international form, with
 * the same rules as the server's `PhoneE164::parse` (8 to 15 digits, no leading zero).
 * Showing a stored number to people is `phone.ts`.
 */
import { countryByAlpha2 } from './countries';

/** Countries whose national numbers keep their leading 0 after the country code (Italy, San Marino, Vatican). */
const keepsLeadingZero = new Set(['39', '378']);

export const defaultPhoneCountry = 'SE';

/** The country most readers of a language have their mobile number in; Swedish sites otherwise. */
const countryOfLanguage: Record<string, string> = { pl: 'PL', lt: 'LT', lv: 'LV', et: 'EE', ro: 'RO', uk: 'UA', de: 'DE' };

/** The phone country a worker's own number most likely has: a Polish reader a Polish number. */
export function phoneCountryFor(language: string): string {
  return countryOfLanguage[language] ?? defaultPhoneCountry;
}

/** Separators people type inside numbers. */
const separators = /[\s\-.()\u00a0/]/g;

/**
 * `country` is ISO alpha-2; `number` is what the person typed. A number that starts with `+` or `00`
 * is taken as already international and the country is ignored. Returns `null` when it cannot be a
 * phone number.
 */
export function toE164(country: string, number: string): string | null {
  const compact = number.replace(separators, '');
  if (compact === '') return null;
  let digits: string;
  if (compact.startsWith('+')) {
    digits = compact.slice(1);
  } else if (compact.startsWith('00')) {
    digits = compact.slice(2);
  } else {
    const callingCode = countryByAlpha2(country)?.callingCode;
    if (!callingCode) return null;
    const national = keepsLeadingZero.has(callingCode) ? compact : compact.replace(/^0/, '');
    digits = `${callingCode}${national}`;
  }
  if (!/^[1-9][0-9]{7,14}$/.test(digits)) return null;
  return `+${digits}`;
}
