import type { ReactNode } from 'react';
import type { Message } from '../../lib/messages';
import { describedBy, ErrorMessage } from './Field';

type CodeFieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: Message;
  value: string;
  onValue: (value: string) => void;
};

/**
 * One input for a 6-digit one-time code: the phone's keyboard shows digits, and the browser may
 * offer the code from the SMS (`autocomplete="one-time-code"`). Large type for reading it back.
 */
export function CodeField({ id, label, hint, error, value, onValue }: CodeFieldProps) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label label--large" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} error={error} />
      <input
        id={id}
        name={id}
        className={`input input--code${error ? ' input--error' : ''}`}
        type="text"
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={12}
        spellCheck={false}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

/** The digits of what was typed ("123 456" → "123456"); `null` unless exactly six. */
export function normaliseCode(value: string): string | null {
  const digits = value.replace(/[\s-]/g, '');
  return /^[0-9]{6}$/.test(digits) ? digits : null;
}
