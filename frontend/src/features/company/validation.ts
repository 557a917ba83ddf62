/**
 * The order form's rules, mirroring `POST /companies/{id}/card-orders` and its `PATCH`: names of 1
 * to 200 characters, a real date of birth after 1900 and before today, an optional alpha-3
 * nationality, the worker's email, an optional phone (E.164), and a delivery address with a postal
 * code of 2 to 12 letters, digits, spaces or hyphens and an alpha-2 country.
 */
import { countryByAlpha2, countryByAlpha3 } from '../../lib/countries';
import { dateFromParts, todayIso, type DateParts } from '../../lib/date';
import type { MessageKey } from '../../lib/i18n';
import { isApiError } from '../../lib/api';
import { describeError, type FieldError, type Message, type ServerFieldRule } from '../../lib/messages';
import { defaultPhoneCountry } from '../../lib/phone-input';
import { validateEmail, validatePhone, type PhoneInput } from '../../lib/validation';
import type { CorrectOrderBody } from './api/correct-order';
import type { CreateOrderBody } from './api/create-order';
import type { CompanyOrder } from './api/list-orders';

export type OrderValues = {
  given_names: string;
  surname: string;
  date_of_birth: DateParts;
  nationality: string;
  email: string;
  phone: PhoneInput;
  recipient: string;
  address_line1: string;
  address_line2: string;
  postal_code: string;
  city: string;
  country: string;
};

export const emptyOrderValues: OrderValues = {
  given_names: '',
  surname: '',
  date_of_birth: { day: '', month: '', year: '' },
  nationality: '',
  email: '',
  phone: { country: defaultPhoneCountry, number: '' },
  recipient: '',
  address_line1: '',
  address_line2: '',
  postal_code: '',
  city: '',
  country: 'SE',
};

/** The form's values for an existing order (to correct it). */
export function valuesFromOrder(order: CompanyOrder): OrderValues {
  const [year = '', month = '', day = ''] = order.holder.date_of_birth.split('-');
  return {
    ...emptyOrderValues,
    given_names: order.holder.given_names,
    surname: order.holder.surname,
    date_of_birth: { day: String(Number(day)), month: String(Number(month)), year },
    nationality: order.holder.nationality ?? '',
    email: order.email,
    recipient: order.delivery.recipient,
    address_line1: order.delivery.address_line1,
    address_line2: order.delivery.address_line2 ?? '',
    postal_code: order.delivery.postal_code,
    city: order.delivery.city,
    country: order.delivery.country,
  };
}

const dobKeys = {
  required: 'company.form.errors.dobRequired',
  missing_day: 'date.errors.missingDay',
  missing_month: 'date.errors.missingMonth',
  missing_year: 'date.errors.missingYear',
  invalid: 'date.errors.invalid',
} as const satisfies Record<string, MessageKey>;

function text(errors: FieldError[], field: string, value: string, max: number, required: MessageKey): string {
  const trimmed = value.trim();
  if (!trimmed) errors.push({ field, key: required });
  // eslint-disable-next-line no-control-regex
  else if ([...trimmed].length > max || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    errors.push({ field, key: 'company.form.errors.tooLong' });
  }
  return trimmed;
}

function holderErrors(values: OrderValues, today: string, errors: FieldError[]) {
  const given = text(errors, 'given_names', values.given_names, 200, 'company.form.errors.givenNamesRequired');
  const surname = text(errors, 'surname', values.surname, 200, 'company.form.errors.surnameRequired');
  const dob = dateFromParts(values.date_of_birth);
  if (!dob.ok) {
    const part = dob.error === 'missing_month' ? 'month' : dob.error === 'missing_year' ? 'year' : 'day';
    errors.push({ field: `date_of_birth-${part}`, key: dobKeys[dob.error] });
  } else if (dob.value >= today) {
    errors.push({ field: 'date_of_birth-day', key: 'company.form.errors.dobFuture' });
  } else if (dob.value < '1900-01-01') {
    errors.push({ field: 'date_of_birth-year', key: 'company.form.errors.dobTooOld' });
  }
  if (values.nationality && !countryByAlpha3(values.nationality) && !/^(RKS|XX[ABCX])$/.test(values.nationality)) {
    errors.push({ field: 'nationality', key: 'company.form.errors.nationality' });
  }
  return { given, surname, dob: dob.ok ? dob.value : null };
}

function deliveryErrors(values: OrderValues, errors: FieldError[]) {
  const recipient = text(errors, 'delivery-recipient', values.recipient, 200, 'company.form.errors.recipientRequired');
  const line1 = text(errors, 'delivery-address_line1', values.address_line1, 200, 'company.form.errors.line1Required');
  const line2 = values.address_line2.trim();
  if ([...line2].length > 200) errors.push({ field: 'delivery-address_line2', key: 'address.errors.tooLong' });
  const postal = values.postal_code.trim();
  if (!postal) errors.push({ field: 'delivery-postal_code', key: 'company.form.errors.postalCodeRequired' });
  else if (!/^[A-Za-z0-9 -]{2,12}$/.test(postal)) {
    errors.push({ field: 'delivery-postal_code', key: 'address.errors.postalCodeFormat' });
  }
  const city = text(errors, 'delivery-city', values.city, 100, 'company.form.errors.cityRequired');
  if (!countryByAlpha2(values.country)) {
    errors.push({ field: 'delivery-country', key: 'company.form.errors.countryRequired' });
  }
  return {
    recipient,
    address_line1: line1,
    address_line2: line2 || null,
    postal_code: postal.toUpperCase(),
    city,
    country: values.country,
  };
}

/** Checks a new order; returns the request body when it is complete. */
export function validateOrder(
  values: OrderValues,
  today = todayIso(),
): { errors: FieldError[]; body: CreateOrderBody | null } {
  const errors: FieldError[] = [];
  const holder = holderErrors(values, today, errors);
  errors.push(...validateEmail(values.email));
  let phone: string | null = null;
  if (values.phone.number.trim()) {
    const result = validatePhone(values.phone);
    errors.push(...result.errors);
    phone = result.phone;
  }
  const delivery = deliveryErrors(values, errors);
  if (errors.length > 0 || !holder.dob) return { errors, body: null };
  return {
    errors,
    body: {
      given_names: holder.given,
      surname: holder.surname,
      date_of_birth: holder.dob,
      nationality: values.nationality || null,
      email: values.email.trim(),
      phone,
      delivery,
    },
  };
}

/**
 * Checks a correction and builds a `PATCH` body with only what changed (and the version that was
 * read). Nothing changed is an error too: the worker would be asked to check the same order again.
 */
export function validateCorrection(
  values: OrderValues,
  order: CompanyOrder,
  today = todayIso(),
): { errors: Message[]; body: CorrectOrderBody | null } {
  const errors: FieldError[] = [];
  const holder = holderErrors(values, today, errors);
  const delivery = deliveryErrors(values, errors);
  if (errors.length > 0 || !holder.dob) return { errors, body: null };
  const body: CorrectOrderBody = { version: order.version };
  if (holder.given !== order.holder.given_names) body.given_names = holder.given;
  if (holder.surname !== order.holder.surname) body.surname = holder.surname;
  if (holder.dob !== order.holder.date_of_birth) body.date_of_birth = holder.dob;
  if (values.nationality !== (order.holder.nationality ?? '')) body.nationality = values.nationality;
  const old = order.delivery;
  if (
    delivery.recipient !== old.recipient ||
    delivery.address_line1 !== old.address_line1 ||
    (delivery.address_line2 ?? '') !== (old.address_line2 ?? '') ||
    delivery.postal_code !== old.postal_code ||
    delivery.city !== old.city ||
    delivery.country !== old.country
  ) {
    body.delivery = delivery;
  }
  if (Object.keys(body).length === 1) return { errors: [{ key: 'company.correct.nothingChanged' }], body: null };
  return { errors: [], body };
}

/** Where the server's field errors for an order go on the form. */
export const orderServerFields: Record<string, ServerFieldRule> = {
  given_names: {
    field: 'given_names',
    codes: { required: 'company.form.errors.givenNamesRequired' },
    fallback: 'company.form.errors.tooLong',
  },
  surname: {
    field: 'surname',
    codes: { required: 'company.form.errors.surnameRequired' },
    fallback: 'company.form.errors.tooLong',
  },
  date_of_birth: { field: 'date_of_birth-day', fallback: 'company.form.errors.dobFuture' },
  nationality: { field: 'nationality', fallback: 'company.form.errors.nationality' },
  email: { field: 'email', fallback: 'emailField.errors.format' },
  phone: { field: 'phone', fallback: 'phoneField.errors.invalid' },
  'delivery.recipient': {
    field: 'delivery-recipient',
    codes: { required: 'company.form.errors.recipientRequired' },
    fallback: 'company.form.errors.tooLong',
  },
  'delivery.address_line1': {
    field: 'delivery-address_line1',
    codes: { required: 'company.form.errors.line1Required' },
    fallback: 'address.errors.tooLong',
  },
  'delivery.address_line2': { field: 'delivery-address_line2', fallback: 'address.errors.tooLong' },
  'delivery.postal_code': { field: 'delivery-postal_code', fallback: 'address.errors.postalCodeFormat' },
  'delivery.city': {
    field: 'delivery-city',
    codes: { required: 'company.form.errors.cityRequired' },
    fallback: 'address.errors.tooLong',
  },
  'delivery.country': { field: 'delivery-country', fallback: 'company.form.errors.countryRequired' },
};

/** The rules for a portrait, as the server checks them. */
export const photoRules = {
  types: ['image/jpeg', 'image/png'],
  maxBytes: 5 * 1024 * 1024,
  minWidth: 600,
  minHeight: 800,
} as const;

export type PhotoProblem = 'type' | 'size' | 'unreadable' | 'small' | 'landscape';

/** What can be told from the file alone: its type and size. */
export function checkPhotoFile(file: { type: string; size: number }): PhotoProblem | null {
  if (!(photoRules.types as readonly string[]).includes(file.type)) return 'type';
  if (file.size > photoRules.maxBytes) return 'size';
  if (file.size === 0) return 'unreadable';
  return null;
}

/** What can be told once the picture is decoded: at least 600 × 800 pixels, taller than wide. */
export function checkPhotoSize(width: number, height: number): PhotoProblem | null {
  if (width <= 0 || height <= 0) return 'unreadable';
  if (height <= width) return 'landscape';
  if (width < photoRules.minWidth || height < photoRules.minHeight) return 'small';
  return null;
}

export const photoProblemKeys: Record<PhotoProblem, MessageKey> = {
  type: 'company.photo.errors.type',
  size: 'company.photo.errors.size',
  unreadable: 'company.photo.errors.unreadable',
  small: 'company.photo.errors.small',
  landscape: 'company.photo.errors.landscape',
};

/** The server's answer to an upload, in words at the file input. */
export function uploadErrorMessage(error: unknown): Message {
  const codes: Partial<Record<string, PhotoProblem>> = {
    unsupported_image: 'type',
    photo_too_large: 'size',
    photo_too_small: 'small',
    photo_not_portrait: 'landscape',
    photo_unreadable: 'unreadable',
  };
  const problem = isApiError(error) && error.code ? codes[error.code] : undefined;
  if (problem) return { field: 'photo', key: photoProblemKeys[problem] };
  return describeError(error, { invalid_state: 'company.photo.errors.invalidState' });
}
