import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextField } from '../../../components/ui/Field';
import { Page } from '../../../components/ui/Page';
import { formatIsoDate } from '../../../lib/date';
import { describeError, errorFor, useMessageText, type Message } from '../../../lib/messages';
import { formatCardNumber, isCardNumber, normaliseCardNumber } from '../../../lib/card-number';
import { useCardCheck, type CardCheck } from '../api/check-card';
import { CredentialCheck } from './CredentialCheck';

/**
 * Anyone can check whether a card number is valid; no personal data is shown. A digital card (the QR code on
 * the worker's phone) can be scanned or pasted: its signature is checked here, then its live status.
 */
export function CardCheckPage() {
  const { t } = useTranslation();
  const text = useMessageText();
  const [searchParams, setSearchParams] = useSearchParams();
  const checked = searchParams.get('number');
  const [value, setValue] = useState(checked ?? '');
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const number = checked && isCardNumber(checked) ? checked : null;
  const result = useCardCheck(number);

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const normalised = normaliseCardNumber(value);
    if (!normalised) {
      setErrors([{ field: 'card_number', key: 'cardCheck.errors.required' }]);
      return;
    }
    if (!isCardNumber(normalised)) {
      setErrors([{ field: 'card_number', key: 'cardCheck.errors.format' }]);
      return;
    }
    setErrors([]);
    setSearchParams({ number: normalised }, { replace: true });
    if (normalised === number) void result.refetch();
  }

  return (
    <Page title={t('cardCheck.title')}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('cardCheck.intro')}</p>
      <form noValidate onSubmit={submit}>
        <TextField
          id="card_number"
          label={t('cardCheck.label')}
          hint={t('cardCheck.hint')}
          width={20}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={value}
          onValue={setValue}
          error={errorFor(errors, 'card_number')}
        />
        <button type="submit" className="button">
          {t('cardCheck.submit')}
        </button>
      </form>
      <div aria-live="polite" aria-atomic="true" className="result-region">
        {number && result.isFetching ? <p>{t('common.checking')}</p> : null}
        {number && !result.isFetching && result.isError ? <p>{text(describeError(result.error))}</p> : null}
        {number && !result.isFetching && result.data ? <CardCheckResult number={number} result={result.data} /> : null}
      </div>
      <CredentialCheck
        errors={errors}
        report={(found) => {
          setAttempt((n) => n + 1);
          setErrors(found);
        }}
      />
    </Page>
  );
}

function CardCheckResult({ number, result }: { number: string; result: CardCheck }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const reasons: Record<string, string> = {
    blocked: t('cardCheck.reasons.blocked'),
    terminated: t('cardCheck.reasons.terminated'),
    expired: t('cardCheck.reasons.expired'),
    not_activated: t('cardCheck.reasons.not_activated'),
    unknown: t('cardCheck.reasons.unknown'),
  };
  const valid = result.status === 'valid';
  return (
    <div className={`result result--${valid ? 'valid' : 'not-valid'}`} data-testid="card-check-result">
      <h2 className="result__title">
        <span className="result__icon" aria-hidden="true">
          {valid ? '✓' : '✗'}
        </span>{' '}
        {valid ? t('cardCheck.valid') : t('cardCheck.notValid')}
      </h2>
      <p>{t('cardCheck.number', { number: formatCardNumber(number) })}</p>
      {!valid ? <p>{reasons[result.reason ?? 'unknown'] ?? reasons.unknown}</p> : null}
      {result.company_name ? <p>{t('cardCheck.company', { company: result.company_name })}</p> : null}
      {valid && result.valid_until ? (
        <p>{t('cardCheck.validUntil', { date: formatIsoDate(result.valid_until.slice(0, 10), language) })}</p>
      ) : null}
    </div>
  );
}
