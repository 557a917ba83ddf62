/**
 * The "Register a company" form: its values, the checks that mirror the API's rules (the server still
 * decides: a Swedish number's check digit is checked there), the body, and where the server's errors show.
 */
import { isApiError } from '../../lib/api';
import { countryByAlpha2 } from '../../lib/countries';
import { validateEmail } from '../../lib/email';
import { describeError, fieldErrorsFromProblem, type FieldError, type Message, type ServerFieldRule } from '../../lib/messages';
import type { CreateCompanyBody } from './api/companies';

export type CompanyValues = { name: string; org_number: string; country: string; admin_email: string };

export const emptyCompanyValues: CompanyValues = { name: '', org_number: '', country: 'SE', admin_email: '' };

/** The form's ids: the error summary links to them. */
export const companyFieldIds = {
  name: 'name',
  orgNumber: 'org_number',
  country: 'country',
  adminEmail: 'admin_email',
} as const;

/** A Swedish organisation number: ten digits, written `556677-8899` or `5566778899`. */
const swedishOrgNumber = /^\d{6}-?\d{4}$/;

export function validateCompany(values: CompanyValues): { errors: FieldError[]; body: CreateCompanyBody | null } {
  const errors: FieldError[] = [];
  const name = values.name.trim();
  if (!name) errors.push({ field: companyFieldIds.name, key: 'companies.form.errors.nameRequired' });
  else if ([...name].length > 200) errors.push({ field: companyFieldIds.name, key: 'companies.form.errors.nameTooLong' });
  const org = values.org_number.trim().replaceAll(' ', '');
  if (!org) errors.push({ field: companyFieldIds.orgNumber, key: 'companies.form.errors.orgNumberRequired' });
  else if (values.country === 'SE' && !swedishOrgNumber.test(org)) {
    errors.push({ field: companyFieldIds.orgNumber, key: 'companies.form.errors.orgNumberFormat' });
  }
  if (!countryByAlpha2(values.country)) errors.push({ field: companyFieldIds.country, key: 'companies.form.errors.country' });
  errors.push(...validateEmail(values.admin_email, companyFieldIds.adminEmail));
  if (errors.length > 0) return { errors, body: null };
  return {
    errors,
    body: { name, org_number: org, country: values.country, admin_email: values.admin_email.trim() },
  };
}

const orgNumberRule: ServerFieldRule = {
  field: companyFieldIds.orgNumber,
  codes: { check_digit: 'companies.form.errors.checkDigit' },
  fallback: 'companies.form.errors.orgNumberInvalid',
};

const serverFields: Record<string, ServerFieldRule> = {
  name: { field: companyFieldIds.name, fallback: 'companies.form.errors.nameTooLong' },
  org_number: orgNumberRule,
  country: { field: companyFieldIds.country, fallback: 'companies.form.errors.country' },
  admin_email: { field: companyFieldIds.adminEmail, fallback: 'emailField.errors.format' },
};

/** A refused registration, in words at the fields it is about. */
export function companyErrorsFromServer(error: unknown): Message[] {
  if (!isApiError(error)) return [describeError(error)];
  if (error.code === 'invalid_org_number' || error.code === 'validation_failed') {
    const fieldErrors = fieldErrorsFromProblem(error, serverFields);
    if (fieldErrors.length > 0) return fieldErrors;
    if (error.code === 'invalid_org_number') return [{ field: companyFieldIds.orgNumber, key: orgNumberRule.fallback }];
    return [{ key: 'errors.checkAnswers' }];
  }
  if (error.code === 'company_exists') return [{ field: companyFieldIds.orgNumber, key: 'companies.form.errors.exists' }];
  return [describeError(error)];
}
