import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../lib/i18n';
import { isLanguageCode, languages, type LanguageCode } from '../../lib/i18n/languages';

type LanguageSwitcherProps = {
  /** After the UI has switched, e.g. to save the choice on the account. */
  onChanged?: (code: LanguageCode) => void;
};

/** Lists every language in its own name, so people can find theirs without reading the current one. */
export function LanguageSwitcher({ onChanged }: LanguageSwitcherProps) {
  const { t, i18n } = useTranslation();
  const id = useId();

  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={i18n.resolvedLanguage}
        onChange={(event) => {
          const code = event.target.value;
          if (isLanguageCode(code)) void changeLanguage(code).then(() => onChanged?.(code));
        }}
      >
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.nativeName}
          </option>
        ))}
      </select>
    </div>
  );
}
