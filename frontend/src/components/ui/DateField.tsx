import { useTranslation } from 'react-i18next';
import type { DateParts } from '../../lib/date';
import type { Message } from '../../lib/messages';
import { describedBy, ErrorMessage, FieldFlag, formGroupClass } from './Field';

type DateFieldProps = {
  /** The day input's id is `${id}-day` (the error summary links there), then `-month`, `-year`. */
  id: string;
  legend: string;
  hint: string;
  error?: Message;
  /** A tag under the legend with a yellow bar beside the fields, e.g. "Not as in the passport". */
  flag?: string;
  value: DateParts;
  onValue: (value: DateParts) => void;
  /** `bday` adds the birthday autocomplete tokens. */
  autoComplete?: 'bday';
};

/** Day, month and year as three number fields, no date picker (GOV.UK date input). */
export function DateField({ id, legend, hint, error, flag, value, onValue, autoComplete }: DateFieldProps) {
  const { t } = useTranslation();
  const parts = [
    { part: 'day', label: t('date.day'), width: 'date-input__input--2' },
    { part: 'month', label: t('date.month'), width: 'date-input__input--2' },
    { part: 'year', label: t('date.year'), width: 'date-input__input--4' },
  ] as const;

  return (
    <div className={formGroupClass(error, flag)}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error, flag)}>
        <legend className="fieldset__legend">{legend}</legend>
        <FieldFlag id={`${id}-flag`} flag={flag} />
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
        <ErrorMessage id={`${id}-error`} error={error} />
        <div className="date-input">
          {parts.map(({ part, label, width }) => (
            <div className="date-input__item" key={part}>
              <label className="label date-input__label" htmlFor={`${id}-${part}`}>
                {label}
              </label>
              <input
                id={`${id}-${part}`}
                name={`${id}-${part}`}
                className={`input date-input__input ${width}${error ? ' input--error' : ''}`}
                type="text"
                inputMode="numeric"
                pattern="[0-9]*"
                maxLength={part === 'year' ? 4 : 2}
                autoComplete={autoComplete ? `bday-${part}` : 'off'}
                value={value[part]}
                onChange={(event) => onValue({ ...value, [part]: event.target.value })}
                aria-invalid={error ? true : undefined}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
