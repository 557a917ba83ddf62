import { countryByAlpha3 } from '../../lib/countries';
import { dateFromParts, todayIso, type DateParts } from '../../lib/date';
import type { MessageKey } from '../../lib/i18n';
import type { FieldError, ServerFieldRule } from '../../lib/messages';
import { validateEmail } from '../../lib/validation';
import type { RecordVerificationBody, RightToWorkBody } from './api/record-verification';
import { needsRightToWork } from './right-to-work';

export type RecordValues = {
  document_type: string;
  document_number: string;
  issuing_country: string;
  document_expiry: DateParts;
  given_names: string;
  surname: string;
  date_of_birth: DateParts;
  nationality: string;
  email: string;
  language: string;
  /** The residence permit, asked for when the nationality needs one (see `right-to-work.ts`). */
  permit_number: string;
  permit_country: string;
  permit_valid_until: DateParts;
};

export type PermitValues = Pick<RecordValues, 'permit_number' | 'permit_country' | 'permit_valid_until'>;

/** ICAO codes accepted besides countries (see the country select). */
const specialAlpha3 = new Set(['RKS', 'XXA', 'XXB', 'XXC', 'XXX']);

function isAlpha3(code: string): boolean {
  return Boolean(countryByAlpha3(code)) || specialAlpha3.has(code);
}

/** Document numbers as the server normalises them: spaces and hyphens dropped, 5–20 letters and digits. */
export function normaliseDocumentNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

export function isDocumentNumber(value: string): boolean {
  return /^[A-Z0-9]{5,20}$/.test(normaliseDocumentNumber(value));
}

const dateMessages = {
  date_of_birth: {
    required: 'verifier.errors.dobRequired',
    missing_day: 'date.errors.missingDay',
    missing_month: 'date.errors.missingMonth',
    missing_year: 'date.errors.missingYear',
    invalid: 'date.errors.invalid',
  },
  permit_valid_until: {
    required: 'verifier.permit.errors.validUntilRequired',
    missing_day: 'date.errors.missingDay',
    missing_month: 'date.errors.missingMonth',
    missing_year: 'date.errors.missingYear',
    invalid: 'date.errors.invalid',
  },
  document_expiry: {
    required: 'verifier.errors.expiryRequired',
    missing_day: 'date.errors.missingDay',
    missing_month: 'date.errors.missingMonth',
    missing_year: 'date.errors.missingYear',
    invalid: 'date.errors.invalid',
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

/** The input a date error should link to: the part that is missing, else the day. */
function datePart(error: string): 'day' | 'month' | 'year' {
  if (error === 'missing_month') return 'month';
  if (error === 'missing_year') return 'year';
  return 'day';
}

/**
 * Mirrors the `right_to_work` object of `POST /identity-verifications` (and of
 * `POST /identity-verifications/{id}/right-to-work`): a residence permit's number, issuing country and
 * expiry date, not expired. Returns the object when it is complete.
 */
export function validatePermit(
  values: PermitValues,
  today = todayIso(),
): { errors: FieldError[]; permit: RightToWorkBody | null } {
  const errors: FieldError[] = [];
  if (!values.permit_number.trim()) {
    errors.push({ field: 'permit_number', key: 'verifier.permit.errors.numberRequired' });
  } else if (!isDocumentNumber(values.permit_number)) {
    errors.push({ field: 'permit_number', key: 'verifier.permit.errors.number' });
  }
  if (!isAlpha3(values.permit_country)) {
    errors.push({ field: 'permit_country', key: 'verifier.permit.errors.country' });
  }
  const validUntil = dateFromParts(values.permit_valid_until);
  if (!validUntil.ok) {
    errors.push({
      field: `permit_valid_until-${datePart(validUntil.error)}`,
      key: dateMessages.permit_valid_until[validUntil.error],
    });
  } else if (validUntil.value < today) {
    errors.push({ field: 'permit_valid_until-day', key: 'verifier.permit.errors.expired' });
  }
  if (errors.length > 0 || !validUntil.ok) return { errors, permit: null };
  return {
    errors,
    permit: {
      document_type: 'residence_permit',
      document_number: normaliseDocumentNumber(values.permit_number),
      issuing_country: values.permit_country,
      valid_until: validUntil.value,
    },
  };
}

/** Whether the form asks for the permit: the nationality needs one, or the server said so. */
export function asksForPermit(values: Pick<RecordValues, 'nationality'>, serverAsked = false): boolean {
  return serverAsked || needsRightToWork(values.nationality);
}

/**
 * Mirrors `POST /identity-verifications`: every field required, document not expired, a plausible
 * date of birth. Returns the request body when the form is complete.
 */
export function validateRecord(
  values: RecordValues,
  today = todayIso(),
  serverAskedForPermit = false,
): { errors: FieldError[]; body: RecordVerificationBody | null } {
  const errors: FieldError[] = [];
  if (values.document_type !== 'passport' && values.document_type !== 'national_id') {
    errors.push({ field: 'document_type', key: 'verifier.errors.documentType' });
  }
  if (!values.document_number.trim()) {
    errors.push({ field: 'document_number', key: 'verifier.errors.documentNumberRequired' });
  } else if (!isDocumentNumber(values.document_number)) {
    errors.push({ field: 'document_number', key: 'verifier.errors.documentNumber' });
  }
  if (!isAlpha3(values.issuing_country)) {
    errors.push({ field: 'issuing_country', key: 'verifier.errors.issuingCountry' });
  }
  const expiry = dateFromParts(values.document_expiry);
  if (!expiry.ok) {
    errors.push({
      field: `document_expiry-${datePart(expiry.error)}`,
      key: dateMessages.document_expiry[expiry.error],
    });
  } else if (expiry.value < today) {
    errors.push({ field: 'document_expiry-day', key: 'verifier.errors.expired' });
  }
  for (const field of ['given_names', 'surname'] as const) {
    const value = values[field].trim();
    if (!value) {
      errors.push({
        field,
        key: field === 'given_names' ? 'verifier.errors.givenNamesRequired' : 'verifier.errors.surnameRequired',
      });
    } else if (value.length > 200) {
      errors.push({ field, key: 'verifier.errors.nameTooLong' });
    }
  }
  const dob = dateFromParts(values.date_of_birth);
  if (!dob.ok) {
    errors.push({ field: `date_of_birth-${datePart(dob.error)}`, key: dateMessages.date_of_birth[dob.error] });
  } else if (dob.value >= today) {
    errors.push({ field: 'date_of_birth-day', key: 'verifier.errors.dobFuture' });
  } else if (dob.value < '1900-01-01') {
    errors.push({ field: 'date_of_birth-year', key: 'verifier.errors.dobTooOld' });
  }
  if (!isAlpha3(values.nationality)) {
    errors.push({ field: 'nationality', key: 'verifier.errors.nationality' });
  }
  errors.push(...validateEmail(values.email));
  const permit = asksForPermit(values, serverAskedForPermit) ? validatePermit(values, today) : null;
  if (permit) errors.push(...permit.errors);
  const documentType = values.document_type === 'national_id' ? 'national_id' : 'passport';
  const language = values.language === 'en' || values.language === 'sv' || values.language === 'pl' ? values.language : null;
  if (errors.length > 0 || !expiry.ok || !dob.ok) return { errors, body: null };
  return {
    errors,
    body: {
      document_type: documentType,
      document_number: normaliseDocumentNumber(values.document_number),
      issuing_country: values.issuing_country,
      document_expiry: expiry.value,
      given_names: values.given_names.trim(),
      surname: values.surname.trim(),
      date_of_birth: dob.value,
      nationality: values.nationality,
      email: values.email.trim(),
      language,
      ...(permit?.permit ? { right_to_work: permit.permit } : {}),
    },
  };
}

/** Where the server's errors about the residence permit go (the record form and the renewal form). */
export const permitServerFields: Record<string, ServerFieldRule> = {
  right_to_work: {
    field: 'permit_number',
    codes: { not_needed: 'verifier.permit.errors.notNeeded' },
    fallback: 'verifier.permit.errors.required',
  },
  'right_to_work.document_number': { field: 'permit_number', fallback: 'verifier.permit.errors.number' },
  'right_to_work.document_type': { field: 'permit_number', fallback: 'verifier.permit.errors.number' },
  'right_to_work.issuing_country': { field: 'permit_country', fallback: 'verifier.permit.errors.country' },
  'right_to_work.valid_until': {
    field: 'permit_valid_until-day',
    codes: { permit_expired: 'verifier.permit.errors.expired', invalid_date: 'date.errors.invalid' },
    fallback: 'date.errors.invalid',
  },
};

/** Where the server's field errors for a document check go. */
export const recordServerFields: Record<string, ServerFieldRule> = {
  document_type: { field: 'document_type', fallback: 'verifier.errors.documentType' },
  document_number: { field: 'document_number', fallback: 'verifier.errors.documentNumber' },
  issuing_country: { field: 'issuing_country', fallback: 'verifier.errors.issuingCountry' },
  nationality: { field: 'nationality', fallback: 'verifier.errors.nationality' },
  given_names: {
    field: 'given_names',
    codes: { required: 'verifier.errors.givenNamesRequired' },
    fallback: 'verifier.errors.nameTooLong',
  },
  surname: {
    field: 'surname',
    codes: { required: 'verifier.errors.surnameRequired' },
    fallback: 'verifier.errors.nameTooLong',
  },
  email: { field: 'email', fallback: 'emailField.errors.format' },
  document_expiry: { field: 'document_expiry-day', fallback: 'verifier.errors.expired' },
  date_of_birth: { field: 'date_of_birth-day', fallback: 'verifier.errors.dobFuture' },
  language: { field: 'language', fallback: 'verifier.errors.language' },
  ...permitServerFields,
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecordId(value: string): boolean {
  return uuid.test(value.trim());
}
