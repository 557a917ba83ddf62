import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isFieldError, useMessageText, type Message } from '../../lib/messages';
import { useErrorInTitle } from './Page';

type ErrorSummaryProps = {
  errors: readonly Message[];
  /** Changes on every submit, so the summary takes focus again even when the errors are the same. */
  attempt: number;
};

/**
 * The GOV.UK error summary: at the top of the form after a failed submit, focused so screen readers
 * read it, each message linking to its control. While it shows, the page title starts with "Error:".
 */
export function ErrorSummary({ errors, attempt }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const text = useMessageText();
  const box = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;
  useErrorInTitle(hasErrors);

  useEffect(() => {
    if (hasErrors) box.current?.focus();
  }, [hasErrors, attempt]);

  if (!hasErrors) return null;
  return (
    <div className="error-summary" ref={box} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t('form.errorSummaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error, index) => (
          <li key={`${index}-${error.key}`}>
            {isFieldError(error) ? (
              <a
                href={`#${error.field}`}
                onClick={(event) => {
                  const target = document.getElementById(error.field);
                  if (!target) return;
                  event.preventDefault();
                  target.scrollIntoView?.({ block: 'center' });
                  target.focus();
                }}
              >
                {text(error)}
              </a>
            ) : (
              text(error)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
