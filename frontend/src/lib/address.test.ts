import { addressLines } from './address';
import { formatCardNumber, isCardNumber, normaliseCardNumber, shownCardNumber } from './card-number';
import { formatIsoDate } from './date';

describe('addresses as the destination country writes them', () => {
  const address = {
    recipient: 'Site office',
    address_line1: 'Byggvägen 1',
    address_line2: null,
    postal_code: '111 22',
    city: 'Stockholm',
    country: 'SE',
  };

  test('Swedish: postal code before the town, the country named in the reader’s language', () => {
    expect(addressLines(address, 'en')).toEqual(['Site office', 'Byggvägen 1', '111 22 Stockholm', 'Sweden']);
    expect(addressLines(address, 'sv').at(-1)).toBe('Sverige');
    expect(addressLines(address, 'pl').at(-1)).toBe('Szwecja');
  });

  test('British: the town, then the postcode on its own line', () => {
    expect(
      addressLines({ address_line1: '10 Downing Street', postal_code: 'SW1A 2AA', city: 'London', country: 'GB' }, 'en'),
    ).toEqual(['10 Downing Street', 'London', 'SW1A 2AA', 'United Kingdom']);
  });

  test('American: the town before the ZIP code', () => {
    expect(addressLines({ address_line1: '1 Main St', postal_code: '12345', city: 'Springfield', country: 'US' }, 'en'))
      .toEqual(['1 Main St', 'Springfield 12345', 'United States']);
  });

  test('empty parts are left out', () => {
    expect(addressLines({ address_line1: 'ul. Długa 5', address_line2: '  ', city: 'Warszawa', country: 'PL' }, 'pl'))
      .toEqual(['ul. Długa 5', 'Warszawa', 'Polska']);
  });
});

describe('dates per language', () => {
  test.each([
    ['en', '12 April 1990'],
    ['sv', '12 april 1990'],
    ['pl', '12 kwietnia 1990'],
  ])('%s writes 1990-04-12 as "%s"', (language, expected) => {
    expect(formatIsoDate('1990-04-12', language)).toBe(expected);
  });
});

describe('card numbers', () => {
  test('what people type is normalised: spaces, hyphens, small letters', () => {
    expect(normaliseCardNumber('ab 1234-5678 90')).toBe('AB1234567890');
    expect(isCardNumber('AB1234567890')).toBe(true);
    expect(isCardNumber('AB123456789')).toBe(false);
    expect(isCardNumber('A11234567890')).toBe(false);
  });

  test('shown in groups, as printed', () => {
    expect(formatCardNumber('AB1234567890')).toBe('AB 1234 5678 90');
    expect(formatCardNumber('nonsense')).toBe('nonsense');
    expect(shownCardNumber({ card_number: 'AB1234567890', card_number_last4: '7890' })).toBe('AB 1234 5678 90');
    expect(shownCardNumber({ card_number_last4: '7890' })).toBe('•••• 7890');
  });
});
