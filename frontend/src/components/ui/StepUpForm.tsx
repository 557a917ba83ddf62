import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { describeError, errorFor, type Message } from '../../lib/messages';
import { ErrorSummary } from './ErrorSummary';
import { PasswordField } from './PasswordField';

/** The API's `step_up_required`: a sign-in factor changes only after a recent sign-in or the password. */
export function isStepUpRequired(error: unknown): boolean {
  return isApiError(error) && error.code === 'step_up_required';
}

/**
 * Asks for the password again before a sign-in factor is added or replaced (the sign-in is older than five
 * minutes). `onPassword` repeats the request with it; a wrong password is shown at the field.
 */
export function StepUpForm({ onPassword }: { onPassword: (password: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!password) {
      setErrors([{ field: 'current_password', key: 'stepUp.errors.required' }]);
      return;
    }
    setBusy(true);
    try {
      await onPassword(password);
      setErrors([]);
    } catch (error) {
      setErrors([
        isApiError(error) && error.code === 'invalid_credentials'
          ? { field: 'current_password', key: 'stepUp.errors.wrong' }
          : describeError(error),
      ]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('stepUp.intro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <PasswordField
          id="current_password"
          label={t('stepUp.label')}
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          error={errorFor(errors, 'current_password')}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {t('stepUp.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
