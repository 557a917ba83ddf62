import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../lib/messages';
import { describedBy, ErrorMessage } from './Field';

type PasswordFieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: Message;
  value: string;
  onValue: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
  /** Shown under the input, e.g. the strength meter. */
  children?: ReactNode;
};

/** A password input with a Show/Hide button (GOV.UK pattern); pasting is allowed. */
export function PasswordField({ id, label, hint, error, value, onValue, autoComplete, children }: PasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);

  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} error={error} />
      <div className="password-input">
        <input
          id={id}
          name={id}
          className={`input password-input__input${error ? ' input--error' : ''}`}
          type={visible ? 'text' : 'password'}
          autoComplete={autoComplete}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? true : undefined}
        />
        <button
          type="button"
          className="button button--secondary password-input__toggle"
          aria-controls={id}
          aria-label={visible ? t('password.hideLabel') : t('password.showLabel')}
          onClick={() => setVisible((shown) => !shown)}
        >
          {visible ? t('password.hide') : t('password.show')}
        </button>
      </div>
      <div className="visually-hidden" aria-live="polite">
        {visible ? t('password.announceShown') : t('password.announceHidden')}
      </div>
      {children}
    </div>
  );
}
