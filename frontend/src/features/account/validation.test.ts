import { validateContact } from './validation';

const complete = {
  address_line1: 'ul. Długa 5',
  address_line2: '',
  postal_code: '00-238',
  city: 'Warszawa',
  country: 'PL',
};

describe('the address form mirrors PATCH /me/contact', () => {
  test('a complete international address passes; line 2 is optional', () => {
    expect(validateContact(complete)).toEqual([]);
  });

  test('missing fields are each explained', () => {
    expect(validateContact({ address_line1: ' ', address_line2: '', postal_code: '', city: '', country: '' })).toEqual([
      { field: 'address_line1', key: 'address.errors.line1Required' },
      { field: 'postal_code', key: 'address.errors.postalCodeRequired' },
      { field: 'city', key: 'address.errors.cityRequired' },
      { field: 'country', key: 'address.errors.countryRequired' },
    ]);
  });

  test('postal codes: 2 to 12 letters, digits, spaces or hyphens', () => {
    expect(validateContact({ ...complete, postal_code: 'SW1A 1AA' })).toEqual([]);
    expect(validateContact({ ...complete, postal_code: '1' })).toEqual([
      { field: 'postal_code', key: 'address.errors.postalCodeFormat' },
    ]);
    expect(validateContact({ ...complete, postal_code: '123/45' })).toEqual([
      { field: 'postal_code', key: 'address.errors.postalCodeFormat' },
    ]);
  });

  test('the country must be an ISO alpha-2 code', () => {
    expect(validateContact({ ...complete, country: 'POL' })).toEqual([
      { field: 'country', key: 'address.errors.countryRequired' },
    ]);
  });
});
