import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { CodeForm } from '../../../components/ui/CodeForm';
import { Page } from '../../../components/ui/Page';
import { resendCode } from '../../../lib/auth';
import { verifyRegistrationPhone } from '../api/verify-phone';
import { useRegistration } from './RegistrationFlow';

/** Registration, step 3 of 3: the SMS code proves the phone and activates the account. */
export function CodeStep() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { registration, update, search } = useRegistration();
  const challenge = registration.challenge;

  if (!challenge) return <Navigate to={`/register${search}`} replace />;

  return (
    <Page title={t('register.code.title')} caption={t('common.step', { step: 3, total: 3 })}>
      <p>
        {t('register.code.intro', { phone: challenge.masked_phone ?? '' })} {t('signInCode.validity')}
      </p>
      <CodeForm
        label={t('signInCode.label')}
        submitLabel={t('register.code.submit')}
        onSubmit={async (code) => {
          const activated = await verifyRegistrationPhone({ challengeId: challenge.challenge_id, code });
          // The password is no longer needed in memory; the challenge stays until the page changes.
          update({ email: activated.email, password: '' });
          await navigate('/register/done', { replace: true, state: { email: activated.email } });
        }}
        onExpired={(code) => {
          if (code === 'registration_token_invalid') {
            void navigate('/register/invalid', { replace: true });
          } else {
            update({ challenge: null, bounce: [{ field: 'phone', key: 'register.code.expired' }] });
            void navigate(`/register/phone${search}`, { replace: true });
          }
        }}
        resend={{
          resendAfter: challenge.resend_after,
          onResend: async () => {
            const renewed = await resendCode(challenge.challenge_id);
            update({ challenge: renewed });
            return renewed.resend_after;
          },
        }}
      >
        <details className="details">
          <summary className="details__summary">{t('register.code.helpTitle')}</summary>
          <div className="details__text">
            <p>{t('register.code.helpBody')}</p>
          </div>
        </details>
      </CodeForm>
    </Page>
  );
}
