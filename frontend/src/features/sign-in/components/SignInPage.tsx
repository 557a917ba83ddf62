import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextField } from '../../../components/ui/Field';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { PasswordField } from '../../../components/ui/PasswordField';
import { WorkerProgress } from '../../../components/ui/WorkerProgress';
import { describeError, errorFor, type Message } from '../../../lib/messages';
import { isOrderPath, safeNextPath } from '../../../lib/navigation';
import { useLogin } from '../api/login';
import { validateSignIn } from '../validation';

/** Why the person landed here, passed in navigation state by other pages. */
export type SignInNotice = 'signedOut' | 'codeExpired' | 'accountCreated' | 'passwordChanged';

export type SignInState = { notice?: SignInNotice; email?: string } | null;

/** Step 1 of signing in: email address and password. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as SignInState;
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const [values, setValues] = useState({ email: state?.email ?? '', password: '' });
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const login = useLogin();

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const invalid = validateSignIn(values);
    setErrors(invalid);
    if (invalid.length > 0) return;
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: (challenge) => void navigate('/sign-in/code', { state: { challenge, next } }),
        onError: (error) => {
          const message = describeError(error, {
            invalid_credentials: 'signIn.errors.invalidCredentials',
            too_many_attempts: 'signIn.errors.tooManyAttempts',
          });
          // Wrong credentials: point at the password, the likelier mistake.
          setErrors([message.key === 'signIn.errors.invalidCredentials' ? { ...message, field: 'password' } : message]);
          setValues((current) => ({ ...current, password: '' }));
        },
      },
    );
  }

  const notices: Record<SignInNotice, string> = {
    signedOut: t('signIn.notices.signedOut'),
    codeExpired: t('signIn.notices.codeExpired'),
    accountCreated: t('signIn.notices.accountCreated'),
    passwordChanged: t('signIn.notices.passwordChanged'),
  };

  return (
    <Page title={t('signIn.title')} progress={isOrderPath(next) ? <WorkerProgress step="signIn" /> : undefined}>
      {state?.notice && errors.length === 0 ? <Notice title={notices[state.notice]} tone="info" /> : null}
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('signIn.intro')}</p>
      <form noValidate onSubmit={submit}>
        <TextField
          id="email"
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          value={values.email}
          onValue={(email) => setValues((current) => ({ ...current, email }))}
          error={errorFor(errors, 'email')}
        />
        <PasswordField
          id="password"
          label={t('signIn.password')}
          autoComplete="current-password"
          value={values.password}
          onValue={(password) => setValues((current) => ({ ...current, password }))}
          error={errorFor(errors, 'password')}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={login.isPending}>
            {t('signIn.submit')}
          </button>
          <Link className="action-link" to="/forgot-password">
            {t('signIn.forgotPassword')}
          </Link>
        </div>
      </form>
      <h2>{t('signIn.noAccountTitle')}</h2>
      <p>{t('signIn.noAccountBody')}</p>
    </Page>
  );
}
