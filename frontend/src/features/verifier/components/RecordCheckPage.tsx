import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CountrySelect } from '../../../components/ui/CountrySelect';
import { DateField } from '../../../components/ui/DateField';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Radios, TextField } from '../../../components/ui/Field';
import { Page } from '../../../components/ui/Page';
import { isApiError } from '../../../lib/api';
import { emptyDateParts } from '../../../lib/date';
import { languages } from '../../../lib/i18n/languages';
import { describeError, errorFor, fieldErrorsFromProblem, isFieldError, type Message } from '../../../lib/messages';
import { recordVerification } from '../api/record-verification';
import { asksForPermit, recordServerFields, validateRecord, type RecordValues } from '../validation';
import { PermitFields } from './PermitFields';

const initialValues: RecordValues = {
  document_type: '',
  document_number: '',
  issuing_country: '',
  document_expiry: emptyDateParts,
  given_names: '',
  surname: '',
  date_of_birth: emptyDateParts,
  nationality: '',
  email: '',
  language: '',
  permit_number: '',
  permit_country: '',
  permit_valid_until: emptyDateParts,
};

/** The first error for a date field, whichever of its three inputs it points at. */
function dateError(errors: readonly Message[], id: string): Message | undefined {
  return errors.find((error) => isFieldError(error) && error.field.startsWith(`${id}-`));
}

/** A verifier records a passport or national ID card checked in person. */
export function RecordCheckPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<RecordValues>({
    ...initialValues,
    language: i18n.resolvedLanguage ?? 'en',
  });
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  // The server said this nationality needs a permit, whatever the form's own list says.
  const [serverAskedForPermit, setServerAskedForPermit] = useState(false);
  const permitAsked = asksForPermit(values, serverAskedForPermit);
  const set =
    <K extends keyof RecordValues>(field: K) =>
    (value: RecordValues[K]) =>
      setValues((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const { errors: invalid, body } = validateRecord(values, undefined, serverAskedForPermit);
    setErrors(invalid);
    if (!body) return;
    setBusy(true);
    try {
      const record = await recordVerification(body);
      await navigate('/verifier/recorded', { state: { record, email: body.email } });
    } catch (error) {
      if (isApiError(error) && (error.code === 'validation_failed' || error.code === 'right_to_work_required')) {
        const permitMissing =
          error.code === 'right_to_work_required' || error.fieldErrors.some((item) => item.field === 'right_to_work');
        if (permitMissing) setServerAskedForPermit(true);
        const found = fieldErrorsFromProblem(error, recordServerFields);
        setErrors(found.length > 0 ? found : [{ field: 'permit_number', key: 'verifier.permit.errors.required' }]);
      } else if (isApiError(error) && error.code === 'document_in_use') {
        setErrors([{ field: 'document_number', key: 'verifier.errors.documentInUse' }]);
      } else {
        setErrors([describeError(error, { forbidden: 'verifier.errors.notVerifier' })]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('verifier.record.title')} caption={t('verifier.caption')}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('verifier.record.intro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <h2>{t('verifier.record.documentSection')}</h2>
        <Radios
          id="document_type"
          legend={t('verifier.record.documentType')}
          value={values.document_type}
          onValue={set('document_type')}
          options={[
            { value: 'passport', label: t('documentType.passport') },
            { value: 'national_id', label: t('documentType.national_id') },
          ]}
          error={errorFor(errors, 'document_type')}
        />
        <TextField
          id="document_number"
          label={t('verifier.record.documentNumber')}
          hint={t('verifier.record.documentNumberHint')}
          width={20}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={values.document_number}
          onValue={set('document_number')}
          error={errorFor(errors, 'document_number')}
        />
        <CountrySelect
          id="issuing_country"
          label={t('verifier.record.issuingCountry')}
          hint={t('verifier.record.issuingCountryHint')}
          codes="alpha3"
          value={values.issuing_country}
          onValue={set('issuing_country')}
          error={errorFor(errors, 'issuing_country')}
        />
        <DateField
          id="document_expiry"
          legend={t('verifier.record.expiry')}
          hint={t('verifier.record.expiryHint')}
          value={values.document_expiry}
          onValue={set('document_expiry')}
          error={dateError(errors, 'document_expiry')}
        />

        <h2>{t('verifier.record.personSection')}</h2>
        <TextField
          id="given_names"
          label={t('verifier.record.givenNames')}
          hint={t('verifier.record.namesHint')}
          autoComplete="off"
          spellCheck={false}
          value={values.given_names}
          onValue={set('given_names')}
          error={errorFor(errors, 'given_names')}
        />
        <TextField
          id="surname"
          label={t('verifier.record.surname')}
          autoComplete="off"
          spellCheck={false}
          value={values.surname}
          onValue={set('surname')}
          error={errorFor(errors, 'surname')}
        />
        <DateField
          id="date_of_birth"
          legend={t('verifier.record.dateOfBirth')}
          hint={t('verifier.record.dateOfBirthHint')}
          value={values.date_of_birth}
          onValue={set('date_of_birth')}
          error={dateError(errors, 'date_of_birth')}
        />
        <CountrySelect
          id="nationality"
          label={t('verifier.record.nationality')}
          codes="alpha3"
          value={values.nationality}
          onValue={set('nationality')}
          error={errorFor(errors, 'nationality')}
        />
        {permitAsked ? (
          <PermitFields
            values={values}
            onValues={(permit) => setValues((current) => ({ ...current, ...permit }))}
            errors={errors}
            title={t('verifier.permit.title')}
            intro={t('verifier.permit.intro')}
          />
        ) : null}

        <h2>{t('verifier.record.contactSection')}</h2>
        <TextField
          id="email"
          label={t('verifier.record.email')}
          hint={t('verifier.record.emailHint')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={values.email}
          onValue={set('email')}
          error={errorFor(errors, 'email')}
        />
        <Radios
          id="language"
          legend={t('verifier.record.language')}
          hint={t('verifier.record.languageHint')}
          value={values.language}
          onValue={set('language')}
          options={languages.map((language) => ({
            value: language.code,
            label: language.nativeName,
            lang: language.code,
          }))}
          error={errorFor(errors, 'language')}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('verifier.record.submit')}
        </button>
      </form>
      <h2>{t('verifier.records.findTitle')}</h2>
      <p>
        <Link className="action-link" to="/verifier/records">
          {t('verifier.records.findLink')}
        </Link>
      </p>
      <h2>{t('verifier.resetLinkTitle')}</h2>
      <p>
        <Link className="action-link" to="/verifier/reset-phone">
          {t('verifier.resetLink')}
        </Link>
      </p>
      <h2>{t('verifier.activateLinkTitle')}</h2>
      <p>
        <Link className="action-link" to="/verifier/activate-card">
          {t('verifier.activateLink')}
        </Link>
      </p>
    </Page>
  );
}
