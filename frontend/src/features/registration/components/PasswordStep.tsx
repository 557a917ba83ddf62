import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import { PasswordField } from '../../../components/ui/PasswordField';
import { PasswordStrength } from '../../../components/ui/PasswordStrength';
import { isApiError } from '../../../lib/api';
import { errorFor, type Message } from '../../../lib/messages';
import { checkNewPassword } from '../../../lib/validation';
import { useRegistrationLink } from '../api/check-link';
import { useRegistration } from './RegistrationFlow';

/** Registration, step 1 of 3: choose a password. */
export function PasswordStep() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { registration, update, search } = useRegistration();
  const [password, setPassword] = useState(registration.password);
  const [errors, setErrors] = useState<Message[]>(() => registration.bounce.filter((error) => error.field === 'password'));
  const [attempt, setAttempt] = useState(0);
  // The link is checked before anything is typed: a used or expired one says so at once.
  const link = useRegistrationLink(registration.token);

  if (isApiError(link.error) && link.error.code === 'registration_token_invalid') {
    return <Navigate to="/register/invalid" replace />;
  }

  if (!registration.token) {
    return (
      <Page title={t('register.noToken.title')}>
        <p>{t('register.noToken.body')}</p>
        <p>
          <Link className="action-link" to="/sign-in">
            {t('register.noToken.signIn')}
          </Link>
        </p>
      </Page>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const invalid = checkNewPassword(password);
    setErrors(invalid);
    if (invalid.length > 0) return;
    update({ password, bounce: [] });
    void navigate(`/register/phone${search}`);
  }

  return (
    <Page title={t('register.password.title')} caption={t('common.step', { step: 1, total: 3 })}>
      <ErrorSummary errors={errors} attempt={attempt} />
      {link.data ? <p>{t('register.password.forEmail', { email: link.data.email })}</p> : null}
      <p>{t('register.password.intro')}</p>
      <form noValidate onSubmit={submit}>
        <PasswordField
          id="password"
          label={t('register.password.label')}
          hint={t('newPassword.hint')}
          autoComplete="new-password"
          value={password}
          onValue={setPassword}
          error={errorFor(errors, 'password')}
        >
          <PasswordStrength password={password} />
        </PasswordField>
        <button type="submit" className="button">
          {t('common.continue')}
        </button>
      </form>
    </Page>
  );
}
