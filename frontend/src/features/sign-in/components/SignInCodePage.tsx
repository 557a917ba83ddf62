import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { CodeForm } from '../../../components/ui/CodeForm';
import { Page } from '../../../components/ui/Page';
import { WorkerProgress } from '../../../components/ui/WorkerProgress';
import type { Challenge } from '../../../lib/api';
import { meQueryOptions, resendCode, signedIn } from '../../../lib/auth';
import { changeLanguage } from '../../../lib/i18n';
import { isLanguageCode } from '../../../lib/i18n/languages';
import { readStoredLanguage } from '../../../lib/i18n/storage';
import { isOrderPath, safeNextPath } from '../../../lib/navigation';
import { verifyLogin } from '../api/verify-login';

export type SignInCodeState = { challenge: Challenge; next?: string } | null;

/** Step 2 of signing in: the code from the SMS or the authenticator app. */
export function SignInCodePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const state = useLocation().state as SignInCodeState;
  const [challenge, setChallenge] = useState(state?.challenge);

  if (!challenge) return <Navigate to="/sign-in" replace />;
  const next = safeNextPath(state?.next);
  const totp = challenge.method === 'totp';

  async function submit(code: string) {
    if (!challenge) return;
    const tokens = await verifyLogin({ challengeId: challenge.challenge_id, code });
    signedIn(tokens.access_token);
    queryClient.removeQueries();
    const me = await queryClient.fetchQuery(meQueryOptions()).catch(() => undefined);
    // A device without a language choice of its own follows the account's language.
    if (me && readStoredLanguage() === null && isLanguageCode(me.language)) await changeLanguage(me.language);
    // No authenticator offer here: it would interrupt the task the worker came for; it is made once, after it.
    await navigate(next, { replace: true });
  }

  return (
    <Page
      title={totp ? t('signInCode.titleApp') : t('signInCode.titleSms')}
      caption={t('signIn.caption')}
      progress={isOrderPath(next) ? <WorkerProgress step="code" /> : undefined}
    >
      {totp ? (
        <p>{t('signInCode.appIntro')}</p>
      ) : (
        <p>
          {t('signInCode.smsIntro', { phone: challenge.masked_phone ?? '' })} {t('signInCode.validity')}
        </p>
      )}
      <CodeForm
        label={t('signInCode.label')}
        submitLabel={t('signInCode.submit')}
        onSubmit={submit}
        onExpired={() => void navigate('/sign-in', { replace: true, state: { notice: 'codeExpired' } })}
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
          <summary className="details__summary">
            {totp ? t('signInCode.helpAppTitle') : t('signInCode.helpSmsTitle')}
          </summary>
          <div className="details__text">
            {totp ? (
              <p>{t('signInCode.helpAppBody')}</p>
            ) : (
              <>
                <p>{t('signInCode.helpSmsWait')}</p>
                <p>{t('signInCode.helpSmsApp')}</p>
                <p>{t('signInCode.helpSmsOffice')}</p>
              </>
            )}
          </div>
        </details>
      </CodeForm>
    </Page>
  );
}
