import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessageText, type Message } from '../../lib/messages';

/** The message under a control's label; "Error:" is there for screen readers. */
export function ErrorMessage({ id, error }: { id: string; error: Message | undefined }) {
  const { t } = useTranslation();
  const text = useMessageText();
  if (!error) return null;
  return (
    <p id={id} className="error-message">
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {text(error)}
    </p>
  );
}

/** `aria-describedby` for a control with an optional flag, hint and error. */
export function describedBy(id: string, hint: unknown, error: unknown, flag?: unknown): string | undefined {
  const ids = [flag ? `${id}-flag` : null, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * The class of a control's group: a red bar while it has an error, otherwise a yellow one when it
 * is flagged (a value to look at again, such as one that differs from the worker's passport).
 */
export function formGroupClass(error: unknown, flag?: unknown): string {
  if (error) return 'form-group form-group--error';
  return flag ? 'form-group form-group--flagged' : 'form-group';
}

/** The flag under a control's label, as a tag: "Not as in the passport". */
export function FieldFlag({ id, flag }: { id: string; flag: string | undefined }) {
  if (!flag) return null;
  return (
    <p id={id} className="field-flag">
      <strong className="tag tag--yellow">{flag}</strong>
    </p>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: Message;
  /** A tag under the label with a yellow bar beside the field, e.g. "Not as in the passport". */
  flag?: string;
  /** Roughly how many characters wide; the field never overflows its container. */
  width?: 'code' | 5 | 10 | 20 | 'full';
  onValue?: (value: string) => void;
};

export function TextField({ id, label, hint, error, flag, width = 'full', onValue, className, ...input }: TextFieldProps) {
  return (
    <div className={formGroupClass(error, flag)}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <FieldFlag id={`${id}-flag`} flag={flag} />
      {hint ? (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} error={error} />
      <input
        id={id}
        name={id}
        type="text"
        className={`input input--width-${width}${error ? ' input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={describedBy(id, hint, error, flag)}
        aria-invalid={error ? true : undefined}
        onChange={onValue ? (event) => onValue(event.target.value) : undefined}
        {...input}
      />
    </div>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: Message;
  flag?: string;
  onValue?: (value: string) => void;
  children: ReactNode;
};

export function SelectField({ id, label, hint, error, flag, onValue, children, ...select }: SelectFieldProps) {
  return (
    <div className={formGroupClass(error, flag)}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <FieldFlag id={`${id}-flag`} flag={flag} />
      {hint ? (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} error={error} />
      <select
        id={id}
        name={id}
        className={`select${error ? ' select--error' : ''}`}
        aria-describedby={describedBy(id, hint, error, flag)}
        aria-invalid={error ? true : undefined}
        onChange={onValue ? (event) => onValue(event.target.value) : undefined}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

type RadiosProps = {
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: Message;
  value: string;
  options: readonly { value: string; label: string; lang?: string }[];
  onValue: (value: string) => void;
};

/** A group of radios in a fieldset; the first radio carries the group's id for the error summary. */
export function Radios({ id, legend, hint, error, value, options, onValue }: RadiosProps) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="fieldset__legend">{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} error={error} />
        <div className="radios">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div className="radios__item" key={option.value}>
                <input
                  className="radios__input"
                  id={optionId}
                  name={id}
                  type="radio"
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onValue(option.value)}
                />
                <label className="radios__label" htmlFor={optionId} lang={option.lang}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

type TextAreaProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: Message;
  value: string;
  onValue: (value: string) => void;
  rows?: number;
  maxLength?: number;
};

/** A multi-line answer (a reason), with its hint and error like the other fields. */
export function TextArea({ id, label, hint, error, value, onValue, rows = 4, maxLength }: TextAreaProps) {
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
      <textarea
        id={id}
        name={id}
        className={`textarea${error ? ' input--error' : ''}`}
        rows={rows}
        maxLength={maxLength}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
