import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CountrySelect } from '../../../components/ui/CountrySelect';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextField } from '../../../components/ui/Field';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { isApiError, type Contact } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { describeError, errorFor, fieldErrorsFromProblem, type Message } from '../../../lib/messages';
import { useUpdateContact, type ContactInput } from '../api/update-contact';
import { contactServerFields, validateContact } from '../validation';

function initialValues(contact: Contact): ContactInput {
  return {
    address_line1: contact.address_line1 ?? '',
    address_line2: contact.address_line2 ?? '',
    postal_code: contact.postal_code ?? '',
    city: contact.city ?? '',
    country: contact.country ?? '',
  };
}

/** The address form: international, line 1 and 2, postal code, city, country. */
export function AddressPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Page title={t('address.title')}>
      {me.data ? <AddressPageForm contact={me.data.contact} /> : <Skeleton lines={5} />}
    </Page>
  );
}

function AddressPageForm({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <p>{t('address.intro')}</p>
      <AddressForm
        contact={contact}
        onSaved={() => void navigate('/account', { state: { saved: 'address' } })}
        cancel={
          <Link className="action-link" to="/account">
            {t('common.cancel')}
          </Link>
        }
      />
    </>
  );
}

type AddressFormProps = {
  contact: Contact;
  /** After the address has been saved. */
  onSaved: () => void;
  submitLabel?: string;
  /** Beside the submit button, e.g. a "Cancel" link. */
  cancel?: ReactNode;
};

/** The address form on its own, for pages that ask for the address as one of their steps. */
export function AddressForm({ contact, onSaved, submitLabel, cancel }: AddressFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => initialValues(contact));
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const update = useUpdateContact();
  const set = (field: keyof ContactInput) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const invalid = validateContact(values);
    setErrors(invalid);
    if (invalid.length > 0) return;
    const trimmed = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, value.trim()]),
    ) as ContactInput;
    update.mutate(trimmed, {
      onSuccess: () => onSaved(),
      onError: (error) =>
        setErrors(
          isApiError(error) && error.code === 'validation_failed'
            ? fieldErrorsFromProblem(error, contactServerFields)
            : [describeError(error)],
        ),
    });
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit}>
        <TextField
          id="address_line1"
          label={t('address.line1')}
          autoComplete="address-line1"
          value={values.address_line1}
          onValue={set('address_line1')}
          error={errorFor(errors, 'address_line1')}
        />
        <TextField
          id="address_line2"
          label={t('address.line2')}
          autoComplete="address-line2"
          value={values.address_line2}
          onValue={set('address_line2')}
          error={errorFor(errors, 'address_line2')}
        />
        <TextField
          id="postal_code"
          label={t('address.postalCode')}
          autoComplete="postal-code"
          width={10}
          value={values.postal_code}
          onValue={set('postal_code')}
          error={errorFor(errors, 'postal_code')}
        />
        <TextField
          id="city"
          label={t('address.city')}
          autoComplete="address-level2"
          width={20}
          value={values.city}
          onValue={set('city')}
          error={errorFor(errors, 'city')}
        />
        <CountrySelect
          id="country"
          label={t('address.country')}
          codes="alpha2"
          autoComplete="country"
          value={values.country}
          onValue={set('country')}
          error={errorFor(errors, 'country')}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={update.isPending}>
            {submitLabel ?? t('address.submit')}
          </button>
          {cancel}
        </div>
      </form>
    </>
  );
}
