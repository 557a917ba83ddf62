import { toE164 } from './phone-input';

describe('toE164: the country and the number as typed become the international form', () => {
  test.each([
    ['SE', '070-123 45 67', '+46701234567'],
    ['SE', '70 123 45 67', '+46701234567'],
    ['SE', '(070) 123.45.67', '+46701234567'],
    ['PL', '601 234 567', '+48601234567'],
    ['LT', '612 34567', '+37061234567'],
    ['IT', '06 1234 5678', '+390612345678'],
    ['GB', '07911 123456', '+447911123456'],
    ['US', '(202) 555-0143', '+12025550143'],
  ])('%s %s → %s', (country, typed, expected) => {
    expect(toE164(country, typed)).toBe(expected);
  });

  test('a number typed with + or 00 is already international: the country is ignored', () => {
    expect(toE164('SE', '+48 601 234 567')).toBe('+48601234567');
    expect(toE164('SE', '0048 601 234 567')).toBe('+48601234567');
  });

  test.each([
    ['SE', ''],
    ['SE', '   '],
    ['SE', '070 12'],
    ['SE', '070 abc 45 67'],
    ['SE', '+0701234567'],
    ['SE', '+1234567890123456'],
    ['XX', '070 123 45 67'],
  ])('refuses %s "%s"', (country, typed) => {
    expect(toE164(country, typed)).toBeNull();
  });
});
