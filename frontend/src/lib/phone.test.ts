import { formatPhone } from './phone';

describe('formatPhone: E.164 numbers in the international format, grouped as in their country', () => {
  test.each([
    ['+46700000003', '+46 70 000 00 03'],
    ['+46701234567', '+46 70 123 45 67'],
    ['+48601234567', '+48 601 234 567'],
    ['+37061234567', '+370 612 34567'],
    ['+4915112345678', '+49 1511 2345678'],
    ['+380501234567', '+380 50 123 4567'],
    ['+390612345678', '+39 06 1234 5678'],
    ['+447911123456', '+44 7911 123456'],
  ])('%s → %s', (phone, expected) => {
    expect(formatPhone(phone)).toBe(expected);
  });

  test('masked numbers stay as they are', () => {
    expect(formatPhone('+46•••••••58')).toBe('+46•••••••58');
  });

  test('what is not an E.164 number is shown unchanged', () => {
    expect(formatPhone('')).toBe('');
    expect(formatPhone('070 123 45 67')).toBe('070 123 45 67');
    expect(formatPhone('+999123456789')).toBe('+999123456789');
  });
});
