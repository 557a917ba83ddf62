import { useTranslation } from 'react-i18next';
import { batchColumns, exampleRow, optionalColumns } from '../csv';

/** What each column of the file holds, with the template's example: in a "details" so it can be skipped. */
export function BatchColumnsHelp() {
  const { t } = useTranslation();
  return (
    <details className="details">
      <summary className="details__summary">{t('bulk.columns.title')}</summary>
      <div className="details__text">
        <p>{t('bulk.columns.intro')}</p>
        <dl className="column-list">
          {batchColumns.map((column) => (
            <div key={column} className="column-list__item">
              <dt>
                <code>{column}</code>
                {optionalColumns.has(column) ? ` ${t('bulk.columns.optional')}` : ''}
              </dt>
              <dd>
                {t(`bulk.columns.${column}.help`)}
                {exampleRow[column] ? (
                  <span className="column-list__example">
                    {t('bulk.columns.example', { value: exampleRow[column] })}
                  </span>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
