import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import { PasswordField } from '../../../components/ui/PasswordField';
import { PasswordStrength } from '../../../components/ui/PasswordStrength';
import { isApiError } from '../../../lib/api';
import { describeError, errorFor, fieldErrorsFromProblem, type Message } from '../../../lib/messages';
import { checkNewPassword, weakPasswordCodes } from '../../../lib/validation';
import { changePassword } from '../api/password';

/** A new password while signed in: the current one first. Other devices are signed out. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const invalid: Message[] = [
      ...(current ? [] : [{ field: 'current_password', key: 'stepUp.errors.required' as const }]),
      ...checkNewPassword(password),
    ];
    setErrors(invalid);
    if (invalid.length > 0) return;
    setBusy(true);
    try {
      await changePassword({ currentPassword: current, newPassword: password });
      await navigate('/account/security', { state: { saved: 'passwordChanged' } });
    } catch (error) {
      if (isApiError(error) && error.code === 'invalid_credentials') {
        setErrors([{ field: 'current_password', key: 'stepUp.errors.wrong' }]);
      } else if (isApiError(error) && error.code === 'weak_password') {
        setErrors(
          fieldErrorsFromProblem(error, {
            new_password: { field: 'password', codes: weakPasswordCodes, fallback: 'newPassword.errors.too_common' },
          }),
        );
      } else {
        setErrors([describeError(error)]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('changePassword.title')}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('changePassword.intro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <PasswordField
          id="current_password"
          label={t('changePassword.current')}
          autoComplete="current-password"
          value={current}
          onValue={setCurrent}
          error={errorFor(errors, 'current_password')}
        />
        <PasswordField
          id="password"
          label={t('changePassword.new')}
          hint={t('newPassword.hint')}
          autoComplete="new-password"
          value={password}
          onValue={setPassword}
          error={errorFor(errors, 'password')}
        >
          <PasswordStrength password={password} />
        </PasswordField>
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {t('changePassword.submit')}
          </button>
          <Link className="action-link" to="/account/security">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
