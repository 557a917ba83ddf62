import { ApiError } from '../../lib/api';
import { fieldErrorsFromProblem } from '../../lib/messages';
import type { CompanyOrder } from './api/list-orders';
import {
  checkPhotoFile,
  checkPhotoSize,
  emptyOrderValues,
  orderServerFields,
  uploadErrorMessage,
  validateCorrection,
  validateOrder,
  valuesFromOrder,
  type OrderValues,
} from './validation';

const today = '2026-11-26';

const complete: OrderValues = {
  ...emptyOrderValues,
  given_names: ' Jan Piotr ',
  surname: 'Kowalski',
  date_of_birth: { day: '12', month: '4', year: '1990' },
  nationality: 'POL',
  email: 'jan@example.com ',
  phone: { country: 'SE', number: '070-123 45 67' },
  recipient: 'Site office',
  address_line1: 'Byggvägen 1',
  postal_code: '111 22',
  city: 'Stockholm',
  country: 'SE',
};

const fields = (errors: { field?: string }[]) => errors.map((error) => error.field);

describe('the order form, as POST /card-orders checks it', () => {
  test('a complete form becomes the request body: trimmed, ISO date, E.164 phone', () => {
    expect(validateOrder(complete, today)).toEqual({
      errors: [],
      body: {
        given_names: 'Jan Piotr',
        surname: 'Kowalski',
        date_of_birth: '1990-04-12',
        nationality: 'POL',
        email: 'jan@example.com',
        phone: '+46701234567',
        delivery: {
          recipient: 'Site office',
          address_line1: 'Byggvägen 1',
          address_line2: null,
          postal_code: '111 22',
          city: 'Stockholm',
          country: 'SE',
        },
      },
    });
  });

  test('nationality and phone are optional', () => {
    const { body } = validateOrder({ ...complete, nationality: '', phone: { country: 'SE', number: '' } }, today);
    expect(body?.nationality).toBeNull();
    expect(body?.phone).toBeNull();
  });

  test('an empty form names every required field, in form order', () => {
    const { errors, body } = validateOrder({ ...emptyOrderValues, country: '' }, today);
    expect(body).toBeNull();
    expect(fields(errors)).toEqual([
      'given_names',
      'surname',
      'date_of_birth-day',
      'email',
      'delivery-recipient',
      'delivery-address_line1',
      'delivery-postal_code',
      'delivery-city',
      'delivery-country',
    ]);
  });

  test('an empty delivery address is spoken of as the delivery address, not as the admin’s own', () => {
    const { errors } = validateOrder({ ...complete, address_line1: ' ', postal_code: '', city: '', country: '' }, today);
    expect(errors).toEqual([
      { field: 'delivery-address_line1', key: 'company.form.errors.line1Required' },
      { field: 'delivery-postal_code', key: 'company.form.errors.postalCodeRequired' },
      { field: 'delivery-city', key: 'company.form.errors.cityRequired' },
      { field: 'delivery-country', key: 'company.form.errors.countryRequired' },
    ]);
  });

  test('a date of birth must be a real day in the past, after 1900', () => {
    const at = (day: string, month: string, year: string) =>
      validateOrder({ ...complete, date_of_birth: { day, month, year } }, today).errors;
    expect(at('31', '4', '1990')).toEqual([{ field: 'date_of_birth-day', key: 'date.errors.invalid' }]);
    expect(at('1', '1', '2030')).toEqual([{ field: 'date_of_birth-day', key: 'company.form.errors.dobFuture' }]);
    expect(at('1', '1', '1899')).toEqual([{ field: 'date_of_birth-year', key: 'company.form.errors.dobTooOld' }]);
    expect(at('12', '', '1990')).toEqual([{ field: 'date_of_birth-month', key: 'date.errors.missingMonth' }]);
  });

  test('postal code, country, phone, names and email are checked like the server does', () => {
    const errors = validateOrder(
      {
        ...complete,
        surname: 'x'.repeat(201),
        email: 'not-an-email',
        phone: { country: 'SE', number: '123' },
        postal_code: '!',
        country: 'XX',
        nationality: 'QQQ',
      },
      today,
    ).errors;
    expect(errors).toEqual([
      { field: 'surname', key: 'company.form.errors.tooLong' },
      { field: 'nationality', key: 'company.form.errors.nationality' },
      { field: 'email', key: 'emailField.errors.format' },
      { field: 'phone', key: 'phoneField.errors.invalid' },
      { field: 'delivery-postal_code', key: 'address.errors.postalCodeFormat' },
      { field: 'delivery-country', key: 'company.form.errors.countryRequired' },
    ]);
  });

  test("the server's field errors land on the same controls, nested delivery fields included", () => {
    const error = new ApiError(422, {
      code: 'validation_failed',
      errors: [
        { field: 'given_names', code: 'required', message: '…' },
        { field: 'delivery.postal_code', code: 'invalid_format', message: '…' },
        { field: 'delivery.country', code: 'invalid_country', message: '…' },
        { field: 'phone', code: 'invalid_phone', message: '…' },
        { field: 'shoe_size', code: 'odd', message: '…' },
      ],
    });
    expect(fieldErrorsFromProblem(error, orderServerFields)).toEqual([
      { field: 'given_names', key: 'company.form.errors.givenNamesRequired' },
      { field: 'delivery-postal_code', key: 'address.errors.postalCodeFormat' },
      { field: 'delivery-country', key: 'company.form.errors.countryRequired' },
      { field: 'phone', key: 'phoneField.errors.invalid' },
      { key: 'errors.checkAnswers' },
    ]);
  });
});

const order: CompanyOrder = {
  id: 'o1',
  status: 'needs_correction',
  version: 7,
  company: { id: 'c1', name: 'Demo Bygg AB' },
  holder: { given_names: 'Jan Piotr', surname: 'Kowalsky', date_of_birth: '1990-04-21', nationality: 'CZE' },
  email: 'worker@demo.test',
  phone: null,
  delivery: {
    recipient: 'Site office',
    address_line1: 'Byggvägen 1',
    address_line2: null,
    postal_code: '111 22',
    city: 'Stockholm',
    country: 'SE',
  },
  mismatch_fields: ['surname', 'date_of_birth', 'nationality'],
  created_at: '2026-11-26T05:00:00Z',
  updated_at: '2026-11-26T05:00:00Z',
  history: [],
};

describe('correcting an order (PATCH with the version read)', () => {
  test('the form starts from the order', () => {
    const values = valuesFromOrder(order);
    expect(values.date_of_birth).toEqual({ day: '21', month: '4', year: '1990' });
    expect(values.nationality).toBe('CZE');
    expect(values.address_line2).toBe('');
  });

  test('only what changed is sent, with the version', () => {
    const values = {
      ...valuesFromOrder(order),
      surname: 'Kowalski',
      date_of_birth: { day: '12', month: '4', year: '1990' },
      nationality: 'POL',
    };
    expect(validateCorrection(values, order, today)).toEqual({
      errors: [],
      body: { version: 7, surname: 'Kowalski', date_of_birth: '1990-04-12', nationality: 'POL' },
    });
  });

  test('removing the nationality sends an empty string; a new address sends the whole address', () => {
    const values = { ...valuesFromOrder(order), nationality: '', city: 'Göteborg' };
    const { body } = validateCorrection(values, order, today);
    expect(body?.nationality).toBe('');
    expect(body?.delivery).toEqual({ ...order.delivery, city: 'Göteborg' });
  });

  test('nothing changed is said, and nothing is sent', () => {
    expect(validateCorrection(valuesFromOrder(order), order, today)).toEqual({
      errors: [{ key: 'company.correct.nothingChanged' }],
      body: null,
    });
  });
});

describe('the portrait, checked before it is sent', () => {
  test('JPEG or PNG of at most 5 MB', () => {
    expect(checkPhotoFile({ type: 'image/png', size: 200_000 })).toBeNull();
    expect(checkPhotoFile({ type: 'image/gif', size: 200_000 })).toBe('type');
    expect(checkPhotoFile({ type: 'image/jpeg', size: 5 * 1024 * 1024 + 1 })).toBe('size');
    expect(checkPhotoFile({ type: 'image/jpeg', size: 0 })).toBe('unreadable');
  });

  test('at least 600 × 800 and taller than wide', () => {
    expect(checkPhotoSize(600, 800)).toBeNull();
    expect(checkPhotoSize(800, 600)).toBe('landscape');
    expect(checkPhotoSize(300, 400)).toBe('small');
    expect(checkPhotoSize(0, 0)).toBe('unreadable');
  });

  test("the server's refusals are explained at the file input", () => {
    const refused = (status: number, code: string) => uploadErrorMessage(new ApiError(status, { code }));
    expect(refused(415, 'unsupported_image')).toEqual({ field: 'photo', key: 'company.photo.errors.type' });
    expect(refused(413, 'photo_too_large')).toEqual({ field: 'photo', key: 'company.photo.errors.size' });
    expect(refused(422, 'photo_too_small')).toEqual({ field: 'photo', key: 'company.photo.errors.small' });
    expect(refused(422, 'photo_not_portrait')).toEqual({ field: 'photo', key: 'company.photo.errors.landscape' });
    expect(refused(422, 'photo_unreadable')).toEqual({ field: 'photo', key: 'company.photo.errors.unreadable' });
    expect(refused(409, 'invalid_state')).toEqual({ key: 'company.photo.errors.invalidState' });
  });
});
