import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useNavigate, useOutletContext, useSearchParams } from 'react-router';
import { CodeForm } from '../../../components/ui/CodeForm';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import { PasswordField } from '../../../components/ui/PasswordField';
import { PasswordStrength } from '../../../components/ui/PasswordStrength';
import { isApiError, type Challenge } from '../../../lib/api';
import { resendCode, setAccessToken } from '../../../lib/auth';
import { describeError, errorFor, fieldErrorsFromProblem, type Message } from '../../../lib/messages';
import { checkNewPassword, weakPasswordCodes } from '../../../lib/validation';
import { confirmPasswordReset } from '../api/confirm-reset';
import { verifyPasswordReset } from '../api/verify-reset';

type ResetContext = {
  token: string;
  search: string;
  challenge: Challenge | null;
  setChallenge: (challenge: Challenge | null) => void;
  notice: Message[];
  setNotice: (notice: Message[]) => void;
};

/** Holds the reset's state for its steps (new password → code → done). */
export function ResetPasswordFlow() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [notice, setNotice] = useState<Message[]>([]);
  const context: ResetContext = {
    token,
    search: token ? `?token=${encodeURIComponent(token)}` : '',
    challenge,
    setChallenge,
    notice,
    setNotice,
  };
  return <Outlet context={context} />;
}

/** Step 1: the new password. */
export function NewPasswordStep() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token, search, setChallenge, notice, setNotice } = useOutletContext<ResetContext>();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Message[]>(notice);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  if (!token) return <Navigate to="/forgot-password" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setBusy(true);
    try {
      const invalid = checkNewPassword(password);
      setErrors(invalid);
      if (invalid.length > 0) return;
      const challenge = await confirmPasswordReset({ token, password });
      setChallenge(challenge);
      setNotice([]);
      await navigate(`/reset-password/code${search}`);
    } catch (error) {
      if (isApiError(error) && error.code === 'reset_token_invalid') {
        await navigate('/reset-password/invalid', { replace: true });
      } else if (isApiError(error) && error.code === 'weak_password') {
        setErrors(
          fieldErrorsFromProblem(error, {
            password: { field: 'password', codes: weakPasswordCodes, fallback: 'newPassword.errors.too_common' },
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
    <Page title={t('resetPassword.title')} caption={t('common.step', { step: 1, total: 2 })}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <PasswordField
          id="password"
          label={t('resetPassword.label')}
          hint={t('newPassword.hint')}
          autoComplete="new-password"
          value={password}
          onValue={setPassword}
          error={errorFor(errors, 'password')}
        >
          <PasswordStrength password={password} />
        </PasswordField>
        <button type="submit" className="button" disabled={busy}>
          {t('common.continue')}
        </button>
      </form>
    </Page>
  );
}

/** Step 2: the second factor (SMS or app); the password changes and every session ends. */
export function ResetCodeStep() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search, challenge, setChallenge, setNotice } = useOutletContext<ResetContext>();

  if (!challenge) return <Navigate to={`/reset-password${search}`} replace />;
  const totp = challenge.method === 'totp';

  return (
    <Page
      title={totp ? t('signInCode.titleApp') : t('signInCode.titleSms')}
      caption={t('common.step', { step: 2, total: 2 })}
    >
      <p>
        {totp
          ? t('signInCode.appIntro')
          : `${t('signInCode.smsIntro', { phone: challenge.masked_phone ?? '' })} ${t('signInCode.validity')}`}
      </p>
      <CodeForm
        label={t('signInCode.label')}
        submitLabel={t('resetPassword.submitCode')}
        onSubmit={async (code) => {
          await verifyPasswordReset({ challengeId: challenge.challenge_id, code });
          // Every session has ended on the server, this one included.
          setAccessToken(null);
          await navigate('/reset-password/done', { replace: true });
        }}
        onExpired={(code) => {
          setChallenge(null);
          if (code === 'reset_token_invalid') {
            void navigate('/reset-password/invalid', { replace: true });
          } else {
            setNotice([{ field: 'password', key: 'resetPassword.codeExpired' }]);
            void navigate(`/reset-password${search}`, { replace: true });
          }
        }}
        resend={
          totp
            ? undefined
            : {
                resendAfter: challenge.resend_after,
                onResend: async () => {
                  const renewed = await resendCode(challenge.challenge_id);
                  setChallenge(renewed);
                  return renewed.resend_after;
                },
              }
        }
      >
        <details className="details">
          <summary className="details__summary">{t('signInCode.helpSmsTitle')}</summary>
          <div className="details__text">
            <p>{t('signInCode.helpSmsOffice')}</p>
          </div>
        </details>
      </CodeForm>
    </Page>
  );
}

export function ResetDonePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('resetPassword.done.title')}>
      <div className="panel panel--success">
        <p className="panel__body">{t('resetPassword.done.panel')}</p>
      </div>
      <p>{t('resetPassword.done.sessions')}</p>
      <Link className="button" to="/sign-in" state={{ notice: 'passwordChanged' }}>
        {t('register.done.signIn')}
      </Link>
    </Page>
  );
}

export function ResetInvalidPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('resetPassword.invalid.title')}>
      <p>{t('resetPassword.invalid.body')}</p>
      <p>
        <Link className="action-link" to="/forgot-password">
          {t('resetPassword.invalid.again')}
        </Link>
      </p>
    </Page>
  );
}
