import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { SummaryList } from '../../../components/ui/SummaryList';
import { isApiError } from '../../../lib/api';
import { countryByAlpha3, countryName } from '../../../lib/countries';
import { emptyDateParts, formatDateTime, formatIsoDate } from '../../../lib/date';
import { describeError, fieldErrorsFromProblem, useMessageText, type Message } from '../../../lib/messages';
import type { VerificationRecord } from '../api/find-verifications';
import { useRecordPermit, useVerificationRecord, type VerificationRecordView } from '../api/verification-record';
import { permitServerFields, validatePermit, type PermitValues } from '../validation';
import { FindRecord } from './FindRecord';
import { PermitFields } from './PermitFields';

/** A country code as its name in the reader's language ("Ukraina"), or the code (ICAO codes such as XXA). */
function countryText(alpha3: string, language: string): string {
  const country = countryByAlpha3(alpha3);
  return country ? countryName(country.alpha2, language) : alpha3;
}

/** The verifier finds a worker's record by email or document number, to open it. */
export function FindRecordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  return (
    <Page title={t('verifier.records.findTitle')} caption={t('verifier.caption')}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <FindRecord
        errors={errors}
        report={(found) => {
          setAttempt((n) => n + 1);
          setErrors(found);
        }}
        onChosen={(record: VerificationRecord) => void navigate(`/verifier/records/${record.id}`)}
      />
      <p>
        <Link to="/verifier">{t('resetPhone.back')}</Link>
      </p>
    </Page>
  );
}

/**
 * A verification record: the person and document checked, and their residence permit when their
 * nationality needs one, with a form to record a renewed permit (the worker's cards follow its date).
 */
export function VerificationRecordPage() {
  const { t } = useTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const record = useVerificationRecord(id);
  if (record.isPending) {
    return (
      <Page title={t('verifier.records.title')} caption={t('verifier.caption')}>
        <Skeleton lines={6} />
      </Page>
    );
  }
  if (record.isError) {
    const notFound = isApiError(record.error) && (record.error.status === 404 || record.error.status === 422);
    return (
      <Page title={notFound ? t('verifier.records.notFound') : t('verifier.records.title')} error>
        <p role="alert">
          {notFound ? t('verifier.records.notFoundBody') : text(describeError(record.error, { forbidden: 'verifier.errors.notVerifier' }))}
        </p>
        <p>
          <Link className="action-link" to="/verifier/records">
            {t('verifier.records.findLink')}
          </Link>
        </p>
      </Page>
    );
  }
  return <RecordView record={record.data} />;
}

function RecordView({ record }: { record: VerificationRecordView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const permit = record.right_to_work ?? null;
  const asked = Boolean(record.right_to_work_required) || permit !== null;
  return (
    <Page title={`${record.given_names} ${record.surname}`} caption={t('verifier.records.title')}>
      <SummaryList
        rows={[
          { key: 'reference', label: t('verifier.recorded.referenceLabel'), value: record.reference },
          { key: 'dob', label: t('verifier.record.dateOfBirth'), value: formatIsoDate(record.date_of_birth, language) },
          { key: 'nationality', label: t('verifier.record.nationality'), value: countryText(record.nationality, language) },
          {
            key: 'document',
            label: t('verifier.records.document'),
            value: `${t(record.document_type === 'national_id' ? 'documentType.national_id' : 'documentType.passport')} ${record.document_number_masked}`,
          },
          { key: 'issuing', label: t('verifier.record.issuingCountry'), value: countryText(record.issuing_country, language) },
          { key: 'expiry', label: t('verifier.record.expiry'), value: formatIsoDate(record.document_expiry, language) },
          { key: 'email', label: t('verifier.record.email'), value: record.email },
          { key: 'verified', label: t('verifier.records.verifiedAt'), value: formatDateTime(record.verified_at, language) },
        ]}
      />
      <h2>{t('verifier.permit.title')}</h2>
      {permit ? (
        <div data-testid="recorded-permit">
          <SummaryList
            rows={[
              { key: 'type', label: t('verifier.records.permitType'), value: t('verifier.permit.residencePermit') },
              { key: 'number', label: t('verifier.permit.number'), value: `•••• ${permit.document_number_last3}` },
              { key: 'country', label: t('verifier.permit.country'), value: countryText(permit.issuing_country, language) },
              { key: 'valid', label: t('verifier.permit.validUntil'), value: formatIsoDate(permit.valid_until, language) },
              { key: 'recorded', label: t('verifier.records.permitRecordedAt'), value: formatDateTime(permit.recorded_at, language) },
            ]}
          />
        </div>
      ) : (
        <p data-testid="recorded-permit">
          {record.right_to_work_required ? t('verifier.records.permitMissing') : t('verifier.records.permitNotNeeded')}
        </p>
      )}
      {asked ? <RenewPermitForm recordId={record.id} /> : null}
      <ul className="link-list">
        <li>
          <Link className="action-link" to={`/verifier/reset-phone?record=${encodeURIComponent(record.id)}`}>
            {t('verifier.resetLink')}
          </Link>
        </li>
        <li>
          <Link className="action-link" to="/verifier">
            {t('verifier.recorded.another')}
          </Link>
        </li>
      </ul>
    </Page>
  );
}

const emptyPermit: PermitValues = { permit_number: '', permit_country: '', permit_valid_until: emptyDateParts };

function RenewPermitForm({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const recordPermit = useRecordPermit();
  const [values, setValues] = useState<PermitValues>(emptyPermit);
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setSaved(false);
    const { errors: invalid, permit } = validatePermit(values);
    setErrors(invalid);
    if (!permit) return;
    try {
      await recordPermit.mutateAsync({ id: recordId, permit });
      setValues(emptyPermit);
      setSaved(true);
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.length > 0) {
        setErrors(fieldErrorsFromProblem(error, permitServerFields));
      } else {
        setErrors([describeError(error, { forbidden: 'verifier.errors.notVerifier' })]);
      }
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} data-testid="renew-permit">
      {saved ? <Notice title={t('verifier.records.permitSaved')} focus /> : null}
      <ErrorSummary errors={errors} attempt={attempt} />
      <PermitFields
        values={values}
        onValues={(permit) => setValues((current) => ({ ...current, ...permit }))}
        errors={errors}
        title={t('verifier.records.renewTitle')}
        intro={t('verifier.records.renewIntro')}
      />
      <button type="submit" className="button" disabled={recordPermit.isPending}>
        {t('verifier.records.renewSubmit')}
      </button>
    </form>
  );
}
