import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../../components/ui/CountrySelect';
import { DateField } from '../../../components/ui/DateField';
import { TextField } from '../../../components/ui/Field';
import { PhoneField } from '../../../components/ui/PhoneField';
import { errorFor, isFieldError, type Message } from '../../../lib/messages';
import type { OrderValues } from '../validation';

type OrderFieldsProps = {
  values: OrderValues;
  onValues: (update: (current: OrderValues) => OrderValues) => void;
  errors: readonly Message[];
  /** A new order also asks for the worker's email and phone; a correction cannot change them. */
  mode: 'new' | 'correct';
  /** Fields the worker's passport disagrees with (after a failed accept). */
  mismatch?: readonly string[];
};

/** The worker's details as in their passport, then where the card is sent. */
export function OrderFields({ values, onValues, errors, mode, mismatch = [] }: OrderFieldsProps) {
  const { t } = useTranslation();
  const set =
    <K extends keyof OrderValues>(field: K) =>
    (value: OrderValues[K]) =>
      onValues((current) => ({ ...current, [field]: value }));
  const differs = (field: string) => (mismatch.includes(field) ? t('company.form.differs') : undefined);
  // The same tag as on the order's page, with a yellow bar beside the field.
  const flag = (field: string) => (mismatch.includes(field) ? t('company.order.doesNotMatch') : undefined);
  const dateError = errors.find((error) => isFieldError(error) && error.field.startsWith('date_of_birth-'));

  return (
    <>
      <h2>{t('company.form.workerSection')}</h2>
      <p className="hint">{t('company.form.workerIntro')}</p>
      <TextField
        id="given_names"
        label={t('company.form.givenNames')}
        hint={differs('given_names') ?? t('company.form.givenNamesHint')}
        flag={flag('given_names')}
        autoComplete="off"
        spellCheck={false}
        value={values.given_names}
        onValue={set('given_names')}
        error={errorFor(errors, 'given_names')}
      />
      <TextField
        id="surname"
        label={t('company.form.surname')}
        hint={differs('surname')}
        flag={flag('surname')}
        autoComplete="off"
        spellCheck={false}
        value={values.surname}
        onValue={set('surname')}
        error={errorFor(errors, 'surname')}
      />
      <DateField
        id="date_of_birth"
        legend={t('company.form.dateOfBirth')}
        hint={differs('date_of_birth') ?? t('company.form.dateOfBirthHint')}
        flag={flag('date_of_birth')}
        value={values.date_of_birth}
        onValue={set('date_of_birth')}
        error={dateError}
      />
      <CountrySelect
        id="nationality"
        label={t('company.form.nationality')}
        hint={differs('nationality') ?? t('company.form.nationalityHint')}
        flag={flag('nationality')}
        codes="alpha3"
        value={values.nationality}
        onValue={set('nationality')}
        error={errorFor(errors, 'nationality')}
      />
      {mode === 'new' ? (
        <>
          <TextField
            id="email"
            label={t('company.form.email')}
            hint={t('company.form.emailHint')}
            type="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={values.email}
            onValue={set('email')}
            error={errorFor(errors, 'email')}
          />
          <PhoneField
            id="phone"
            legend={t('company.form.phone')}
            hint={t('company.form.phoneHint')}
            value={values.phone}
            onValue={set('phone')}
            error={errorFor(errors, 'phone')}
          />
        </>
      ) : null}

      <h2>{t('company.form.deliverySection')}</h2>
      <p className="hint">{t('company.form.deliveryIntro')}</p>
      <TextField
        id="delivery-recipient"
        label={t('company.form.recipient')}
        hint={t('company.form.recipientHint')}
        autoComplete="shipping name"
        value={values.recipient}
        onValue={set('recipient')}
        error={errorFor(errors, 'delivery-recipient')}
      />
      <TextField
        id="delivery-address_line1"
        label={t('address.line1')}
        autoComplete="shipping address-line1"
        value={values.address_line1}
        onValue={set('address_line1')}
        error={errorFor(errors, 'delivery-address_line1')}
      />
      <TextField
        id="delivery-address_line2"
        label={t('address.line2')}
        autoComplete="shipping address-line2"
        value={values.address_line2}
        onValue={set('address_line2')}
        error={errorFor(errors, 'delivery-address_line2')}
      />
      <TextField
        id="delivery-postal_code"
        label={t('address.postalCode')}
        autoComplete="shipping postal-code"
        width={10}
        value={values.postal_code}
        onValue={set('postal_code')}
        error={errorFor(errors, 'delivery-postal_code')}
      />
      <TextField
        id="delivery-city"
        label={t('address.city')}
        autoComplete="shipping address-level2"
        width={20}
        value={values.city}
        onValue={set('city')}
        error={errorFor(errors, 'delivery-city')}
      />
      <CountrySelect
        id="delivery-country"
        label={t('address.country')}
        codes="alpha2"
        autoComplete="shipping country"
        value={values.country}
        onValue={set('country')}
        error={errorFor(errors, 'delivery-country')}
      />
    </>
  );
}
