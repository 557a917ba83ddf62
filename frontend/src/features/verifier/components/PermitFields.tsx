import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../../../components/ui/CountrySelect';
import { DateField } from '../../../components/ui/DateField';
import { TextField } from '../../../components/ui/Field';
import { errorFor, isFieldError, type Message } from '../../../lib/messages';
import type { PermitValues } from '../validation';

type PermitFieldsProps = {
  values: PermitValues;
  onValues: (values: Partial<PermitValues>) => void;
  errors: readonly Message[];
  title: string;
  /** Why the permit is asked for, under the heading. */
  intro?: string;
};

/** A residence permit: its number, issuing country and expiry date (the type is always "residence permit"). */
export function PermitFields({ values, onValues, errors, title, intro }: PermitFieldsProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="permit-title" data-testid="permit-fields">
      <h2 id="permit-title">{title}</h2>
      {intro ? <p>{intro}</p> : null}
      <TextField
        id="permit_number"
        label={t('verifier.permit.number')}
        hint={t('verifier.permit.numberHint')}
        width={20}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={values.permit_number}
        onValue={(permit_number) => onValues({ permit_number })}
        error={errorFor(errors, 'permit_number')}
      />
      <CountrySelect
        id="permit_country"
        label={t('verifier.permit.country')}
        codes="alpha3"
        value={values.permit_country}
        onValue={(permit_country) => onValues({ permit_country })}
        error={errorFor(errors, 'permit_country')}
      />
      <DateField
        id="permit_valid_until"
        legend={t('verifier.permit.validUntil')}
        hint={t('verifier.record.expiryHint')}
        value={values.permit_valid_until}
        onValue={(permit_valid_until) => onValues({ permit_valid_until })}
        error={errors.find((error) => isFieldError(error) && error.field.startsWith('permit_valid_until-'))}
      />
    </section>
  );
}
