import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countriesByName } from '../../lib/countries';
import type { Message } from '../../lib/messages';
import { describedBy, ErrorMessage } from './Field';

export type PhoneValue = { country: string; number: string };

type PhoneFieldProps = {
  /** The number input's id (the error summary links there); the select is `${id}-country`. */
  id: string;
  legend: string;
  hint: string;
  error?: Message;
  value: PhoneValue;
  onValue: (value: PhoneValue) => void;
};

/** Country calling code (a select of countries, names in the reader's language) and the number. */
export function PhoneField({ id, legend, hint, error, value, onValue }: PhoneFieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const options = useMemo(() => countriesByName(language).filter((country) => country.callingCode), [language]);

  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="fieldset__legend">{legend}</legend>
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
        <ErrorMessage id={`${id}-error`} error={error} />
        <div className="phone-input">
          <div className="phone-input__country">
            <label className="label" htmlFor={`${id}-country`}>
              {t('phone.countryCode')}
            </label>
            <select
              id={`${id}-country`}
              name={`${id}-country`}
              className="select"
              value={value.country}
              onChange={(event) => onValue({ ...value, country: event.target.value })}
            >
              {options.map((country) => (
                <option key={country.alpha2} value={country.alpha2}>
                  {`${country.name} (+${country.callingCode})`}
                </option>
              ))}
            </select>
          </div>
          <div className="phone-input__number">
            <label className="label" htmlFor={id}>
              {t('phone.number')}
            </label>
            <input
              id={id}
              name={id}
              className={`input input--width-20${error ? ' input--error' : ''}`}
              type="tel"
              autoComplete="tel-national"
              value={value.number}
              onChange={(event) => onValue({ ...value, number: event.target.value })}
              aria-invalid={error ? true : undefined}
            />
          </div>
        </div>
      </fieldset>
    </div>
  );
}
