import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextField } from '../../../components/ui/Field';
import { Page } from '../../../components/ui/Page';
import { describeError, errorFor, type Message } from '../../../lib/messages';
import { validateEmail } from '../../../lib/email';
import { requestPasswordReset } from '../api/request-reset';

/** Ask for a reset link by email. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const invalid = validateEmail(email);
    setErrors(invalid);
    if (invalid.length > 0) return;
    setBusy(true);
    try {
      await requestPasswordReset(email.trim());
      await navigate('/forgot-password/sent', { state: { email: email.trim() } });
    } catch (error) {
      setErrors([describeError(error)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('forgotPassword.title')}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('forgotPassword.intro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id="email"
          label={t('forgotPassword.email')}
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
          value={email}
          onValue={setEmail}
          error={errorFor(errors, 'email')}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('forgotPassword.submit')}
        </button>
      </form>
    </Page>
  );
}

/** The same answer whether or not the address has an account (no enumeration). */
export function ForgotPasswordSentPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('forgotPassword.sent.title')}>
      <p>{t('forgotPassword.sent.body')}</p>
      <p>{t('forgotPassword.sent.validity')}</p>
      <p>{t('forgotPassword.sent.noEmail')}</p>
    </Page>
  );
}
