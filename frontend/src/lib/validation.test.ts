import { validateEmail, validateNewPassword, validatePhone } from './validation';

describe('new passwords: NIST rules, length only', () => {
  test('8 to 128 characters', () => {
    expect(validateNewPassword('')).toEqual([{ field: 'password', key: 'newPassword.errors.required' }]);
    expect(validateNewPassword('short')).toEqual([{ field: 'password', key: 'newPassword.errors.too_short' }]);
    expect(validateNewPassword('x'.repeat(129))).toEqual([{ field: 'password', key: 'newPassword.errors.too_long' }]);
    expect(validateNewPassword('granite ladder orchard')).toEqual([]);
  });

  test('counts characters, not UTF-16 units', () => {
    expect(validateNewPassword('żółćęśąź')).toEqual([]);
  });
});

describe('phone numbers', () => {
  test('missing and impossible numbers are explained', () => {
    expect(validatePhone({ country: 'SE', number: '' })).toEqual({
      phone: null,
      errors: [{ field: 'phone', key: 'phoneField.errors.required' }],
    });
    expect(validatePhone({ country: 'SE', number: '12' }, 'new_phone')).toEqual({
      phone: null,
      errors: [{ field: 'new_phone', key: 'phoneField.errors.invalid' }],
    });
  });

  test('a good number comes back in E.164', () => {
    expect(validatePhone({ country: 'PL', number: '601 234 567' })).toEqual({ phone: '+48601234567', errors: [] });
  });
});

describe('email addresses', () => {
  test('required, and shaped like an address', () => {
    expect(validateEmail('')).toEqual([{ field: 'email', key: 'emailField.errors.required' }]);
    expect(validateEmail('jan@')).toEqual([{ field: 'email', key: 'emailField.errors.format' }]);
    expect(validateEmail(' jan@example.com ')).toEqual([]);
  });
});
