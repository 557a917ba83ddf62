import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { CodeForm } from '../../../components/ui/CodeForm';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import { PhoneField } from '../../../components/ui/PhoneField';
import { StepUpForm, isStepUpRequired } from '../../../components/ui/StepUpForm';
import { isApiError, type Challenge } from '../../../lib/api';
import { meQueryKey, resendCode } from '../../../lib/auth';
import { describeError, errorFor, fieldErrorsFromProblem, type Message } from '../../../lib/messages';
import { phoneCountryFor } from '../../../lib/phone-input';
import { validatePhone } from '../../../lib/validation';
import { changePhone, verifyPhoneChange } from '../api/change-phone';

/** A new mobile number: it takes effect only after the code sent to it is typed. */
export function PhonePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const bounced = (useLocation().state as { expired?: boolean } | null)?.expired;
  const [phone, setPhone] = useState(() => ({ country: phoneCountryFor(i18n.resolvedLanguage ?? 'en'), number: '' }));
  const [errors, setErrors] = useState<Message[]>(
    bounced ? [{ field: 'phone', key: 'register.code.expired' }] : [],
  );
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  // The number waiting for the password typed again (the sign-in is older than five minutes).
  const [stepUpFor, setStepUpFor] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const checked = validatePhone(phone);
    setErrors(checked.errors);
    if (!checked.phone) return;
    setBusy(true);
    try {
      const challenge = await changePhone(checked.phone);
      await navigate('/account/phone/code', { state: { challenge } });
    } catch (error) {
      if (isStepUpRequired(error)) {
        setStepUpFor(checked.phone);
        return;
      }
      setErrors(
        isApiError(error) && error.code === 'validation_failed'
          ? fieldErrorsFromProblem(error, { phone: { field: 'phone', fallback: 'phoneField.errors.invalid' } })
          : [describeError(error)],
      );
    } finally {
      setBusy(false);
    }
  }

  if (stepUpFor) {
    return (
      <Page title={t('changePhone.title')}>
        <StepUpForm
          onPassword={async (password) => {
            const challenge = await changePhone(stepUpFor, password);
            await navigate('/account/phone/code', { state: { challenge } });
          }}
        />
        <p>
          <Link to="/account">{t('common.cancel')}</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={t('changePhone.title')}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('changePhone.intro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <PhoneField
          id="phone"
          legend={t('changePhone.legend')}
          hint={t('phoneField.hint')}
          value={phone}
          onValue={setPhone}
          error={errorFor(errors, 'phone')}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {t('changePhone.submit')}
          </button>
          <Link className="action-link" to="/account">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}

export function PhoneCodePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const state = useLocation().state as { challenge?: Challenge } | null;
  const [challenge, setChallenge] = useState(state?.challenge);

  if (!challenge) return <Navigate to="/account/phone" replace />;

  return (
    <Page title={t('register.code.title')}>
      <p>
        {t('changePhone.codeIntro', { phone: challenge.masked_phone ?? '' })} {t('signInCode.validity')}
      </p>
      <CodeForm
        label={t('signInCode.label')}
        submitLabel={t('changePhone.confirm')}
        onSubmit={async (code) => {
          await verifyPhoneChange({ challengeId: challenge.challenge_id, code });
          await queryClient.invalidateQueries({ queryKey: meQueryKey });
          await navigate('/account', { replace: true, state: { saved: 'phone' } });
        }}
        onExpired={() => void navigate('/account/phone', { replace: true, state: { expired: true } })}
        resend={{
          resendAfter: challenge.resend_after,
          onResend: async () => {
            const renewed = await resendCode(challenge.challenge_id);
            setChallenge(renewed);
            return renewed.resend_after;
          },
        }}
      />
    </Page>
  );
}
