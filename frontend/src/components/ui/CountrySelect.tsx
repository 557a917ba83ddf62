import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countriesByName } from '../../lib/countries';
import type { Message } from '../../lib/messages';
import { SelectField } from './Field';

/** ICAO 9303 codes that appear in passports but are not countries (alpha-3 lists only). */
const specialAlpha3 = ['RKS', 'XXA', 'XXB', 'XXC', 'XXX'] as const;

type CountrySelectProps = {
  id: string;
  label: string;
  hint?: string;
  error?: Message;
  flag?: string;
  value: string;
  onValue: (value: string) => void;
  /** `alpha2` for addresses, `alpha3` for documents and nationality. */
  codes: 'alpha2' | 'alpha3';
  autoComplete?: string;
};

/** Every country, named in the reader's language and sorted the way that language sorts. */
export function CountrySelect({ id, label, hint, error, flag, value, onValue, codes, autoComplete }: CountrySelectProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const options = useMemo(() => countriesByName(language), [language]);

  return (
    <SelectField
      id={id}
      label={label}
      hint={hint}
      error={error}
      flag={flag}
      value={value}
      onValue={onValue}
      autoComplete={autoComplete}
    >
      <option value="">{t('country.choose')}</option>
      {options.map((country) => {
        const code = codes === 'alpha2' ? country.alpha2 : country.alpha3;
        return (
          <option key={code} value={code}>
            {codes === 'alpha3' ? `${country.name} (${code})` : country.name}
          </option>
        );
      })}
      {codes === 'alpha3' ? (
        <optgroup label={t('country.special')}>
          {specialAlpha3.map((code) => (
            <option key={code} value={code}>
              {`${t(`country.icao.${code}`)} (${code})`}
            </option>
          ))}
        </optgroup>
      ) : null}
    </SelectField>
  );
}
