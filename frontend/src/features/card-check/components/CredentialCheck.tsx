import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea } from '../../../components/ui/Field';
import { formatCardNumber } from '../../../lib/card-number';
import { formatDateTime, formatIsoDate } from '../../../lib/date';
import { describeError, errorFor, useMessageText, type Message } from '../../../lib/messages';
import { useCardCheck } from '../api/check-card';
import { checkCredential } from '../check-credential';
import type { CardClaims, CredentialCheck as Checked } from '../credential';
import { ScanCard } from './ScanCard';

type CredentialCheckProps = {
  /** The page's errors: this form's own is at `credential`. */
  errors: readonly Message[];
  /** Shows errors in the page's error summary (an empty list clears it). */
  report: (errors: Message[]) => void;
};

/**
 * A digital card, scanned with the camera or pasted: the signature is checked here against Sitecard's
 * public keys (so a forged or changed card shows as not valid even offline), then, when online, the card's
 * live status is asked, since a card blocked after the code was issued still carries a good signature.
 */
export function CredentialCheck({ errors, report }: CredentialCheckProps) {
  const { t } = useTranslation();
  const text = useMessageText();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<{ result: Checked; at: number } | null>(null);
  const [failure, setFailure] = useState<Message | null>(null);

  async function check(token: string) {
    const trimmed = token.trim();
    if (!trimmed) {
      report([{ field: 'credential', key: 'cardCheck.credential.errors.required' }]);
      return;
    }
    report([]);
    setBusy(true);
    setFailure(null);
    try {
      setChecked({ result: await checkCredential(trimmed), at: Date.now() });
    } catch (error) {
      setChecked(null);
      setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void check(value);
  }

  return (
    <section aria-labelledby="credential-check-title">
      <h2 id="credential-check-title">{t('cardCheck.credential.title')}</h2>
      <p>{t('cardCheck.credential.intro')}</p>
      <ScanCard
        onScan={(scanned) => {
          setValue(scanned);
          void check(scanned);
        }}
        onCameraError={() => report([{ key: 'cardCheck.scan.noCamera' }])}
      />
      <form noValidate onSubmit={submit}>
        <TextArea
          id="credential"
          label={t('cardCheck.credential.label')}
          hint={t('cardCheck.credential.hint')}
          rows={4}
          value={value}
          onValue={setValue}
          error={errorFor(errors, 'credential')}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('cardCheck.credential.submit')}
        </button>
      </form>
      <div aria-live="polite" aria-atomic="true" className="result-region">
        {busy ? <p>{t('common.checking')}</p> : null}
        {!busy && failure ? <p>{text(failure)}</p> : null}
        {!busy && checked ? <CredentialResult key={checked.at} result={checked.result} /> : null}
      </div>
    </section>
  );
}

function CredentialResult({ result }: { result: Checked }) {
  const { t } = useTranslation();
  const live = useCardCheck(result.valid ? result.claims.sub : null);
  const liveReasons: Record<string, string> = {
    blocked: t('cardCheck.reasons.blocked'),
    terminated: t('cardCheck.reasons.terminated'),
    expired: t('cardCheck.reasons.expired'),
    not_activated: t('cardCheck.reasons.not_activated'),
    unknown: t('cardCheck.reasons.unknown'),
  };

  if (!result.valid) {
    return (
      <div className="result result--not-valid" data-testid="credential-result">
        <h2 className="result__title">
          <span className="result__icon" aria-hidden="true">
            ✗
          </span>{' '}
          {t('cardCheck.notValid')}
        </h2>
        <p data-testid="signature-status">{t(`cardCheck.credential.failures.${result.reason}`)}</p>
        {result.claims ? <Claims claims={result.claims} /> : null}
      </div>
    );
  }

  const liveValid = live.data?.status === 'valid';
  const liveNotValid = live.data !== undefined && !liveValid;
  const tone = liveNotValid ? 'not-valid' : liveValid ? 'valid' : 'unknown';
  return (
    <div className={`result result--${tone}`} data-testid="credential-result">
      <h2 className="result__title">
        <span className="result__icon" aria-hidden="true">
          {liveNotValid ? '✗' : '✓'}
        </span>{' '}
        {liveNotValid ? t('cardCheck.notValid') : liveValid ? t('cardCheck.valid') : t('cardCheck.credential.signatureOnly')}
      </h2>
      <p data-testid="signature-status">{t('cardCheck.credential.verified')}</p>
      <Claims claims={result.claims} />
      <p data-testid="live-status">
        {live.isFetching
          ? t('cardCheck.credential.liveChecking')
          : live.data
            ? liveValid
              ? t('cardCheck.credential.liveValid')
              : t('cardCheck.credential.liveNotValid', {
                  reason: liveReasons[live.data.reason ?? 'unknown'] ?? liveReasons.unknown,
                })
            : t('cardCheck.credential.liveUnknown')}
      </p>
    </div>
  );
}

function Claims({ claims }: { claims: CardClaims }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <dl className="result__facts">
      <dt>{t('cardCheck.credential.name')}</dt>
      <dd data-testid="credential-name">{claims.name}</dd>
      <dt>{t('cards.company')}</dt>
      <dd>{claims.company}</dd>
      <dt>{t('cardCheck.label')}</dt>
      <dd data-testid="credential-number">{formatCardNumber(claims.sub)}</dd>
      <dt>{t('cards.validUntil')}</dt>
      <dd>{formatIsoDate(claims.valid_until, language)}</dd>
      <dt>{t('cardCheck.credential.codeExpires')}</dt>
      <dd>{formatDateTime(new Date(claims.exp * 1000).toISOString(), language)}</dd>
    </dl>
  );
}
