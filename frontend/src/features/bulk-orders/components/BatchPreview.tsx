import { useTranslation } from 'react-i18next';
import type { BatchError } from '../api/order-batch';
import { batchColumns, rowValues, type CsvTable } from '../csv';
import { isBatchColumn, isFileError, rowErrorKey } from '../messages';
import { rowAnchor } from './BatchErrorSummary';

type Props = {
  /** The file's name, for the caption. */
  name: string;
  table: CsvTable;
  /** The server's problems (none after a clean check). */
  errors: readonly BatchError[];
  /** The server checked the file and found nothing wrong. */
  checked: boolean;
};

/**
 * The workers in the file, one row each, as read here, with each row's problems in the row itself
 * (the column and what to do) and the cell at fault marked. Wide: it scrolls sideways in its own
 * region, which takes keyboard focus so it can be scrolled without a mouse.
 */
export function BatchPreview({ name, table, errors, checked }: Props) {
  const { t } = useTranslation();
  const byRow = new Map<number, BatchError[]>();
  for (const error of errors) {
    if (isFileError(error)) continue;
    byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
  }

  return (
    <>
      <h2>{t('bulk.preview.title')}</h2>
      <p>{t('bulk.preview.rowNumbers')}</p>
      <div className="table-scroll" role="region" aria-labelledby="batch-preview-caption" tabIndex={0}>
        <table className="preview-table">
          <caption id="batch-preview-caption" className="preview-table__caption">
            {t('bulk.preview.caption', { name, count: table.rows.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('bulk.preview.row')}</th>
              <th scope="col">{t('bulk.preview.check')}</th>
              {batchColumns.map((column) => (
                <th scope="col" key={column}>
                  {t(`bulk.columns.${column}.label`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((cells, index) => {
              const row = index + 1;
              const problems = byRow.get(row) ?? [];
              const values = rowValues(table, cells);
              const bad = new Set(problems.map((problem) => problem.field));
              return (
                <tr key={row} className={problems.length > 0 ? 'preview-table__row--error' : undefined}>
                  <th scope="row" id={rowAnchor(row)} tabIndex={-1}>
                    {row}
                  </th>
                  <td className="preview-table__check">
                    {problems.length > 0 ? (
                      <ul className="preview-table__problems">
                        {problems.map((problem, at) => (
                          <li key={at}>
                            {isBatchColumn(problem.field) ? (
                              <strong>{t(`bulk.columns.${problem.field}.label`)}: </strong>
                            ) : null}
                            {t(rowErrorKey(problem))}
                          </li>
                        ))}
                      </ul>
                    ) : checked || errors.length > 0 ? (
                      t('bulk.preview.rowOk')
                    ) : (
                      ''
                    )}
                  </td>
                  {batchColumns.map((column) => (
                    <td key={column} className={bad.has(column) ? 'preview-table__cell--error' : undefined}>
                      {values[column]}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
