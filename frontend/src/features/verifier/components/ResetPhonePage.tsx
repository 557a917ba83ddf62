import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextField } from '../../../components/ui/Field';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { PhoneField } from '../../../components/ui/PhoneField';
import { isApiError } from '../../../lib/api';
import type { FieldError } from '../../../lib/messages';
import { describeError, errorFor, fieldErrorsFromProblem, type Message } from '../../../lib/messages';
import { defaultPhoneCountry } from '../../../lib/phone-input';
import { validatePhone } from '../../../lib/validation';
import { resetSecondFactor } from '../api/reset-second-factor';
import { isDocumentNumber, isRecordId, normaliseDocumentNumber } from '../validation';
import { DocumentAgainField } from './DocumentAgainField';
import { FindRecord } from './FindRecord';

/**
 * A worker lost their phone: after checking the document again in person, the verifier sets the new
 * number. The authenticator app is removed and every session ends.
 */
export function ResetPhonePage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const [recordId, setRecordId] = useState(searchParams.get('record') ?? '');
  const [documentNumber, setDocumentNumber] = useState('');
  const [phone, setPhone] = useState({ country: defaultPhoneCountry, number: '' });
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const report = (found: Message[]) => {
    setAttempt((n) => n + 1);
    setErrors(found);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setDone(null);
    const invalid: FieldError[] = [];
    if (!recordId.trim()) invalid.push({ field: 'record_id', key: 'resetPhone.errors.recordRequired' });
    else if (!isRecordId(recordId)) invalid.push({ field: 'record_id', key: 'resetPhone.errors.recordFormat' });
    if (!documentNumber.trim()) {
      invalid.push({ field: 'document_number', key: 'verifier.errors.documentNumberRequired' });
    } else if (!isDocumentNumber(documentNumber)) {
      invalid.push({ field: 'document_number', key: 'verifier.errors.documentNumber' });
    }
    const checked = validatePhone(phone, 'phone', 'resetPhone.errors.phoneRequired');
    invalid.push(...checked.errors);
    setErrors(invalid);
    if (invalid.length > 0 || !checked.phone) return;
    setBusy(true);
    try {
      const result = await resetSecondFactor({
        recordId: recordId.trim(),
        newPhone: checked.phone,
        documentNumber: normaliseDocumentNumber(documentNumber),
      });
      setDone(result.masked_phone);
      setDocumentNumber('');
      setPhone({ country: defaultPhoneCountry, number: '' });
    } catch (error) {
      if (isApiError(error) && error.code === 'document_mismatch') {
        setErrors([{ field: 'document_number', key: 'resetPhone.errors.documentMismatch' }]);
      } else if (isApiError(error) && error.code === 'not_found') {
        setErrors([{ field: 'record_id', key: 'resetPhone.errors.notFound' }]);
      } else if (isApiError(error) && error.code === 'validation_failed') {
        setErrors(
          fieldErrorsFromProblem(error, { new_phone: { field: 'phone', fallback: 'phoneField.errors.invalid' } }),
        );
      } else {
        setErrors([describeError(error, { forbidden: 'verifier.errors.notVerifier' })]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('resetPhone.title')} caption={t('verifier.caption')}>
      {done ? (
        <Notice title={t('resetPhone.done.title')} focus>
          <p>{t('resetPhone.done.body', { phone: done })}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('resetPhone.intro')}</p>
      <FindRecord errors={errors} report={report} onChosen={(record) => setRecordId(record.id)} />

      <h2>{t('resetPhone.find.then')}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="record_id"
          label={t('resetPhone.recordId')}
          hint={t('resetPhone.recordIdHint')}
          className="input--record-id"
          autoComplete="off"
          spellCheck={false}
          value={recordId}
          onValue={setRecordId}
          error={errorFor(errors, 'record_id')}
        />
        <DocumentAgainField value={documentNumber} onValue={setDocumentNumber} error={errorFor(errors, 'document_number')} />
        <PhoneField
          id="phone"
          legend={t('resetPhone.newPhone')}
          hint={t('phoneField.hint')}
          value={phone}
          onValue={setPhone}
          error={errorFor(errors, 'phone')}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('resetPhone.submit')}
        </button>
      </form>
      <p>
        <Link to="/verifier">{t('resetPhone.back')}</Link>
      </p>
    </Page>
  );
}
