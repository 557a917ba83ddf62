import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorInTitle } from '../../../components/ui/Page';
import type { BatchError } from '../api/order-batch';
import { fileErrorKey, isBatchColumn, isFileError, rowErrorKey } from '../messages';

/** A line of the summary that is not about one row: the text, and the id of the control it links to. */
export type SummaryItem = { text: string; href?: string };

type Props = {
  /** Problems found before sending, or a failure of the call. */
  items: readonly SummaryItem[];
  /** The server's problems with the file (422 `batch_invalid`). */
  errors: readonly BatchError[];
  /** How many workers' rows the file has. */
  rows: number;
  /** Changes on every check, so the summary takes focus again even when it says the same. */
  attempt: number;
  /** The file input's id: file-wide problems link to it. */
  fileField: string;
};

/** Rows with problems listed one by one in the summary; the rest are in the table. */
const listedAtMost = 20;

/** The id of a row's heading cell in the preview table, which the summary links to. */
export const rowAnchor = (row: number) => `row-${row}`;

function focusTarget(id: string) {
  const target = document.getElementById(id);
  if (!target) return false;
  target.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  target.focus();
  return true;
}

/**
 * The GOV.UK error summary for a batch file: at the top of the page after a check, focused, saying
 * how many rows need fixing and each problem as "Row 2, Surname: …", linking to the row in the
 * preview (or to the file input for problems with the whole file).
 */
export function BatchErrorSummary({ items, errors, rows, attempt, fileField }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const fileErrors = errors.filter(isFileError);
  const rowErrors = errors.filter((error) => !isFileError(error));
  const badRows = new Set(rowErrors.map((error) => error.row)).size;
  const shown = items.length > 0 || errors.length > 0;
  useErrorInTitle(shown);

  useEffect(() => {
    if (shown) box.current?.focus();
  }, [shown, attempt]);

  if (!shown) return null;
  const listed = rowErrors.slice(0, listedAtMost);
  const link = (id: string, text: string) => (
    <a
      href={`#${id}`}
      onClick={(event) => {
        if (focusTarget(id)) event.preventDefault();
      }}
    >
      {text}
    </a>
  );
  return (
    <div className="error-summary" ref={box} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {badRows > 0 ? t('bulk.summary.rows', { count: badRows, total: rows }) : t('form.errorSummaryTitle')}
      </h2>
      {errors.length > 0 ? <p>{t('bulk.summary.nothingOrdered')}</p> : null}
      <ul className="error-summary__list">
        {items.map((item, index) => (
          <li key={`item-${index}`}>{item.href ? link(item.href, item.text) : item.text}</li>
        ))}
        {fileErrors.map((error, index) => (
          <li key={`file-${index}`}>
            {link(fileField, t(fileErrorKey(error), { column: error.field }))}
          </li>
        ))}
        {listed.map((error, index) => (
          <li key={`row-${index}`}>
            {link(
              rowAnchor(error.row),
              isBatchColumn(error.field)
                ? t('bulk.summary.rowError', {
                    row: error.row,
                    column: t(`bulk.columns.${error.field}.label`),
                    message: t(rowErrorKey(error)),
                  })
                : t('bulk.summary.rowOnly', { row: error.row, message: t(rowErrorKey(error)) }),
            )}
          </li>
        ))}
      </ul>
      {rowErrors.length > listed.length ? (
        <p>{t('bulk.summary.more', { count: rowErrors.length - listed.length })}</p>
      ) : null}
    </div>
  );
}
