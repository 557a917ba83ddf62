/**
 * The batch's problems in words. Each is read by its column and stable `code`; where the order form
 * already has a message for the same problem it is reused, and the rest say how to write the value
 * in the file (a spreadsheet cell is not a form with a country list or three date fields).
 */
import type { MessageKey } from '../../lib/i18n';
import type { BatchError } from './api/order-batch';
import { batchColumns, type BatchColumn } from './csv';

type Rule = { codes?: Partial<Record<string, MessageKey>>; fallback: MessageKey };

const tooLong: MessageKey = 'company.form.errors.tooLong';

const rules: Record<BatchColumn, Rule> = {
  given_names: { codes: { required: 'company.form.errors.givenNamesRequired' }, fallback: tooLong },
  surname: { codes: { required: 'company.form.errors.surnameRequired' }, fallback: tooLong },
  date_of_birth: { codes: { required: 'company.form.errors.dobRequired' }, fallback: 'bulk.errors.dateOfBirth' },
  nationality: { fallback: 'bulk.errors.nationality' },
  email: { codes: { required: 'emailField.errors.required' }, fallback: 'emailField.errors.format' },
  phone: { fallback: 'bulk.errors.phone' },
  recipient: { codes: { required: 'company.form.errors.recipientRequired' }, fallback: tooLong },
  address_line1: { codes: { required: 'company.form.errors.line1Required' }, fallback: 'address.errors.tooLong' },
  address_line2: { fallback: 'address.errors.tooLong' },
  postal_code: {
    codes: { required: 'company.form.errors.postalCodeRequired' },
    fallback: 'address.errors.postalCodeFormat',
  },
  city: { codes: { required: 'company.form.errors.cityRequired' }, fallback: 'address.errors.tooLong' },
  country: { codes: { required: 'bulk.errors.country' }, fallback: 'bulk.errors.country' },
};

/** Problems with the whole file (row 0: its encoding, its header row, no rows at all), by code. */
const fileCodes: Partial<Record<string, MessageKey>> = {
  invalid_encoding: 'bulk.errors.encoding',
  invalid_csv: 'bulk.errors.file',
  missing_column: 'bulk.errors.missingColumn',
  // The server's word for a file with a header row and nothing under it.
  required: 'bulk.errors.empty',
};

export function isBatchColumn(field: string): field is BatchColumn {
  return (batchColumns as readonly string[]).includes(field);
}

/** The message for one problem in a worker's row; a problem with the row as a whole has no column. */
export function rowErrorKey(error: BatchError): MessageKey {
  if (!isBatchColumn(error.field)) return 'bulk.errors.row';
  const rule = rules[error.field];
  return rule.codes?.[error.code] ?? rule.fallback;
}

/** The message for a problem with the whole file or its header row. */
export function fileErrorKey(error: BatchError): MessageKey {
  return fileCodes[error.code] ?? 'bulk.errors.header';
}

/** A file-wide problem (row 0), not about one worker's row. */
export function isFileError(error: BatchError): boolean {
  return error.row <= 0;
}
