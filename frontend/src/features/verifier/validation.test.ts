import { emptyDateParts } from '../../lib/date';
import { isRecordId, normaliseDocumentNumber, validateRecord, type RecordValues } from './validation';

const complete: RecordValues = {
  document_type: 'passport',
  document_number: 'ab 123-4567',
  issuing_country: 'POL',
  document_expiry: { day: '31', month: '12', year: '2031' },
  given_names: ' Jan Piotr ',
  surname: 'Kowalski',
  date_of_birth: { day: '12', month: '4', year: '1990' },
  nationality: 'POL',
  email: 'jan@example.com',
  language: 'pl',
  permit_number: '',
  permit_country: '',
  permit_valid_until: emptyDateParts,
};

const permit = {
  permit_number: 'ua-123 4567',
  permit_country: 'SWE',
  permit_valid_until: { day: '30', month: '6', year: '2028' },
};

const today = '2026-11-26';

describe('recording a document check', () => {
  test('a complete form becomes the request body, normalised as the server does', () => {
    expect(validateRecord(complete, today)).toEqual({
      errors: [],
      body: {
        document_type: 'passport',
        document_number: 'AB1234567',
        issuing_country: 'POL',
        document_expiry: '2031-12-31',
        given_names: 'Jan Piotr',
        surname: 'Kowalski',
        date_of_birth: '1990-04-12',
        nationality: 'POL',
        email: 'jan@example.com',
        language: 'pl',
      },
    });
  });

  test('an empty form lists every field, date errors pointing at the day input', () => {
    const { errors, body } = validateRecord(
      {
        ...complete,
        document_type: '',
        document_number: '',
        issuing_country: '',
        document_expiry: emptyDateParts,
        given_names: '',
        surname: '',
        date_of_birth: emptyDateParts,
        nationality: '',
        email: '',
      },
      today,
    );
    expect(body).toBeNull();
    expect(errors.map((error) => `${error.field}: ${error.key}`)).toEqual([
      'document_type: verifier.errors.documentType',
      'document_number: verifier.errors.documentNumberRequired',
      'issuing_country: verifier.errors.issuingCountry',
      'document_expiry-day: verifier.errors.expiryRequired',
      'given_names: verifier.errors.givenNamesRequired',
      'surname: verifier.errors.surnameRequired',
      'date_of_birth-day: verifier.errors.dobRequired',
      'nationality: verifier.errors.nationality',
      'email: emailField.errors.required',
    ]);
  });

  test('an expired document cannot prove identity; a date of birth must be in the past and after 1900', () => {
    const expired = validateRecord({ ...complete, document_expiry: { day: '25', month: '11', year: '2026' } }, today);
    expect(expired.errors).toEqual([{ field: 'document_expiry-day', key: 'verifier.errors.expired' }]);
    const future = validateRecord({ ...complete, date_of_birth: { day: '26', month: '11', year: '2026' } }, today);
    expect(future.errors).toEqual([{ field: 'date_of_birth-day', key: 'verifier.errors.dobFuture' }]);
    const old = validateRecord({ ...complete, date_of_birth: { day: '1', month: '1', year: '1899' } }, today);
    expect(old.errors).toEqual([{ field: 'date_of_birth-year', key: 'verifier.errors.dobTooOld' }]);
  });

  test('a date with a missing part links to that part', () => {
    const { errors } = validateRecord({ ...complete, date_of_birth: { day: '12', month: '', year: '1990' } }, today);
    expect(errors).toEqual([{ field: 'date_of_birth-month', key: 'date.errors.missingMonth' }]);
  });

  test('nationality takes alpha-3 countries and the ICAO codes for stateless people and refugees', () => {
    expect(validateRecord({ ...complete, ...permit, nationality: 'XXA' }, today).errors).toEqual([]);
    expect(validateRecord({ ...complete, nationality: 'PL' }, today).errors).toEqual([
      { field: 'nationality', key: 'verifier.errors.nationality' },
    ]);
  });

  test('document numbers: 5 to 20 letters and digits after dropping spaces and hyphens', () => {
    expect(normaliseDocumentNumber(' ab 12-34 ')).toBe('AB1234');
    expect(validateRecord({ ...complete, document_number: 'AB1;DROP' }, today).errors).toEqual([
      { field: 'document_number', key: 'verifier.errors.documentNumber' },
    ]);
  });

  test('a Pole needs no residence permit: none is asked for or sent', () => {
    const { errors, body } = validateRecord({ ...complete, ...permit }, today);
    expect(errors).toEqual([]);
    expect(body).not.toHaveProperty('right_to_work');
  });

  test('a Ukrainian needs the permit: every field of it is asked for', () => {
    const { errors, body } = validateRecord({ ...complete, nationality: 'UKR' }, today);
    expect(body).toBeNull();
    expect(errors.map((error) => `${error.field}: ${error.key}`)).toEqual([
      'permit_number: verifier.permit.errors.numberRequired',
      'permit_country: verifier.permit.errors.country',
      'permit_valid_until-day: verifier.permit.errors.validUntilRequired',
    ]);
  });

  test('a Ukrainian with a permit: it goes into the body as `right_to_work`, normalised', () => {
    const { errors, body } = validateRecord({ ...complete, ...permit, nationality: 'UKR' }, today);
    expect(errors).toEqual([]);
    expect(body?.right_to_work).toEqual({
      document_type: 'residence_permit',
      document_number: 'UA1234567',
      issuing_country: 'SWE',
      valid_until: '2028-06-30',
    });
  });

  test('an expired permit is refused; the server asking for one makes the form ask too', () => {
    const expired = validateRecord(
      { ...complete, ...permit, nationality: 'UKR', permit_valid_until: { day: '25', month: '11', year: '2026' } },
      today,
    );
    expect(expired.errors).toEqual([{ field: 'permit_valid_until-day', key: 'verifier.permit.errors.expired' }]);
    expect(validateRecord(complete, today, true).errors.map((error) => error.field)).toEqual([
      'permit_number',
      'permit_country',
      'permit_valid_until-day',
    ]);
  });

  test('record numbers are UUIDs', () => {
    expect(isRecordId('01a2164a-4453-73ec-ba2d-bd7dd92b44d5')).toBe(true);
    expect(isRecordId('01a2164a')).toBe(false);
  });
});
