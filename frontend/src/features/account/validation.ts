import type { FieldError } from '../../lib/messages';
import type { ServerFieldRule } from '../../lib/messages';
import { countryByAlpha2 } from '../../lib/countries';
import type { ContactInput } from './api/update-contact';

/** Mirrors `PATCH /me/contact`: line 1 and city required, postal code 2–12 letters/digits/spaces/hyphens. */
export function validateContact(values: ContactInput): FieldError[] {
  const errors: FieldError[] = [];
  const line1 = values.address_line1.trim();
  if (!line1) errors.push({ field: 'address_line1', key: 'address.errors.line1Required' });
  else if (line1.length > 200) errors.push({ field: 'address_line1', key: 'address.errors.tooLong' });
  if (values.address_line2.trim().length > 200) errors.push({ field: 'address_line2', key: 'address.errors.tooLong' });
  const postal = values.postal_code.trim();
  if (!postal) errors.push({ field: 'postal_code', key: 'address.errors.postalCodeRequired' });
  else if (!/^[A-Za-z0-9 -]{2,12}$/.test(postal)) {
    errors.push({ field: 'postal_code', key: 'address.errors.postalCodeFormat' });
  }
  const city = values.city.trim();
  if (!city) errors.push({ field: 'city', key: 'address.errors.cityRequired' });
  else if (city.length > 100) errors.push({ field: 'city', key: 'address.errors.tooLong' });
  if (!values.country) errors.push({ field: 'country', key: 'address.errors.countryRequired' });
  else if (!countryByAlpha2(values.country)) errors.push({ field: 'country', key: 'address.errors.countryRequired' });
  return errors;
}

/** Where the server's field errors for the contact go. */
export const contactServerFields: Record<string, ServerFieldRule> = {
  address_line1: {
    field: 'address_line1',
    codes: { required: 'address.errors.line1Required', invalid_format: 'address.errors.tooLong' },
    fallback: 'address.errors.line1Required',
  },
  address_line2: { field: 'address_line2', fallback: 'address.errors.tooLong' },
  postal_code: { field: 'postal_code', fallback: 'address.errors.postalCodeFormat' },
  city: {
    field: 'city',
    codes: { required: 'address.errors.cityRequired', invalid_format: 'address.errors.tooLong' },
    fallback: 'address.errors.cityRequired',
  },
  country: { field: 'country', fallback: 'address.errors.countryRequired' },
};
