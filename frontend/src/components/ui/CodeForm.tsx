import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import type { MessageKey } from '../../lib/i18n';
import { describeError, type Message } from '../../lib/messages';
import { CodeField, normaliseCode } from './CodeField';
import { ErrorSummary } from './ErrorSummary';
import { ResendCode } from './ResendCode';

type CodeFormProps = {
  label: string;
  hint?: ReactNode;
  submitLabel: string;
  /** The code ends something (removing the authenticator app): the red warning button. */
  warning?: boolean;
  /** Sends the code; throws the API's error. */
  onSubmit: (code: string) => Promise<void>;
  /** The challenge is gone (410: expired, used, or too many wrong codes). */
  onExpired: (code: string | undefined) => void;
  /** Messages for problem codes beyond `invalid_code`. */
  errorCodes?: Partial<Record<string, MessageKey>>;
  /** For SMS challenges: the countdown and "Send a new code". */
  resend?: { resendAfter: string; onResend: () => Promise<string> };
  children?: ReactNode;
};

/** Type a one-time code, with the error summary, wrong-code message and (for SMS) resending. */
export function CodeForm({
  label,
  hint,
  submitLabel,
  warning = false,
  onSubmit,
  onExpired,
  errorCodes,
  resend,
  children,
}: CodeFormProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const code = normaliseCode(value);
    if (!code) {
      setErrors([{ field: 'code', key: value.trim() ? 'code.errors.format' : 'code.errors.required' }]);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(code);
      setErrors([]);
    } catch (error) {
      if (isApiError(error) && error.status === 410) {
        onExpired(error.code);
        return;
      }
      if (isApiError(error) && error.code === 'invalid_code') {
        setErrors([{ field: 'code', key: 'code.errors.wrong' }]);
        setValue('');
      } else {
        setErrors([describeError(error, errorCodes)]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <CodeField
          id="code"
          label={label}
          hint={hint}
          error={errors.find((error) => 'field' in error)}
          value={value}
          onValue={setValue}
        />
        <div className="button-group">
          <button type="submit" className={warning ? 'button button--warning' : 'button'} disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
      {resend ? (
        <ResendCode resendAfter={resend.resendAfter} onResend={resend.onResend} onExpired={() => onExpired(undefined)} />
      ) : null}
      {children}
      <p className="visually-hidden" aria-live="polite">
        {busy ? t('common.checking') : ''}
      </p>
    </>
  );
}
