/**
 * Postal addresses as lines, the way the destination country writes them: most of Europe puts the
 * postal code before the town ("111 22 Stockholm"), the UK, Ireland and North America after it.
 * The country is named in the reader's language.
 */
import { countryName } from './countries';

export type PostalAddress = {
  recipient?: string | null;
  address_line1?: string | null;
  address_line2?: string | null;
  postal_code?: string | null;
  city?: string | null;
  country?: string | null;
};

/** Countries that write the town before the postal code, on one line or on separate lines. */
const townFirst = new Set(['GB', 'IE', 'US', 'CA', 'AU', 'NZ', 'IN', 'BR', 'MX', 'ZA']);

export function addressLines(address: PostalAddress, language: string): string[] {
  const postal = address.postal_code?.trim() ?? '';
  const city = address.city?.trim() ?? '';
  const country = address.country?.trim().toUpperCase() ?? '';
  let locality: string[];
  if (country === 'GB' || country === 'IE') locality = [city, postal];
  else if (townFirst.has(country)) locality = [[city, postal].filter(Boolean).join(' ')];
  else locality = [[postal, city].filter(Boolean).join(' ')];
  return [
    address.recipient?.trim(),
    address.address_line1?.trim(),
    address.address_line2?.trim(),
    ...locality,
    country ? countryName(country, language) : '',
  ].filter((line): line is string => Boolean(line));
}
