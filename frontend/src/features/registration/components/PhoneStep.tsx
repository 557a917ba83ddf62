import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { Page } from '../../../components/ui/Page';
import { PhoneField } from '../../../components/ui/PhoneField';
import { isApiError } from '../../../lib/api';
import { describeError, errorFor, fieldErrorsFromProblem, type Message } from '../../../lib/messages';
import { phoneCountryFor } from '../../../lib/phone-input';
import { validatePhone, weakPasswordCodes } from '../../../lib/validation';
import { createAccount } from '../api/create-account';
import { useRegistration } from './RegistrationFlow';

/** Registration, step 2 of 3: the mobile number; submitting creates the account and sends a code. */
export function PhoneStep() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { registration, update, search } = useRegistration();
  // Not typed yet: start from the country of the language the worker reads (a Polish reader, a Polish number).
  const [phone, setPhone] = useState(() =>
    registration.phone.number === '' ? { ...registration.phone, country: phoneCountryFor(i18n.resolvedLanguage ?? 'en') } : registration.phone,
  );
  const [errors, setErrors] = useState<Message[]>(() => registration.bounce.filter((error) => error.field === 'phone'));
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  if (!registration.password) return <Navigate to={`/register${search}`} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const checked = validatePhone(phone);
    setErrors(checked.errors);
    if (!checked.phone) return;
    setBusy(true);
    try {
      const challenge = await createAccount({
        token: registration.token,
        password: registration.password,
        phone: checked.phone,
      });
      update({ phone, challenge, bounce: [] });
      await navigate(`/register/code${search}`);
    } catch (error) {
      if (isApiError(error) && error.code === 'registration_token_invalid') {
        await navigate('/register/invalid', { replace: true });
      } else if (isApiError(error) && error.code === 'weak_password') {
        update({
          phone,
          bounce: fieldErrorsFromProblem(error, {
            password: { field: 'password', codes: weakPasswordCodes, fallback: 'newPassword.errors.too_common' },
          }),
        });
        await navigate(`/register${search}`);
      } else if (isApiError(error) && error.code === 'validation_failed') {
        setErrors(
          fieldErrorsFromProblem(error, { phone: { field: 'phone', fallback: 'phoneField.errors.invalid' } }),
        );
      } else {
        setErrors([describeError(error)]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('register.phone.title')} caption={t('common.step', { step: 2, total: 3 })}>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('register.phone.intro')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <PhoneField
          id="phone"
          legend={t('phoneField.legend')}
          hint={t('phoneField.hint')}
          value={phone}
          onValue={setPhone}
          error={errorFor(errors, 'phone')}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('register.phone.submit')}
        </button>
      </form>
    </Page>
  );
}
