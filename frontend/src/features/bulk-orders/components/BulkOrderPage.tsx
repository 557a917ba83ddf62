import { useState, type ChangeEvent, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describedBy } from '../../../components/ui/Field';
import { Page } from '../../../components/ui/Page';
import { isApiError } from '../../../lib/api';
import type { MessageKey } from '../../../lib/i18n';
import { describeError, useMessageText, type Message } from '../../../lib/messages';
import { batchErrors, useOrderBatch, type BatchError } from '../api/order-batch';
import { decodeUtf8, maxBatchBytes, maxBatchRows, parseCsv, type CsvTable } from '../csv';
import { BatchColumnsHelp } from './BatchColumnsHelp';
import { BatchPreview } from './BatchPreview';
import { BatchErrorSummary, type SummaryItem } from './BatchErrorSummary';
import { TemplateLinks } from './TemplateLinks';

export type BulkOrderPageProps = {
  company: { id: string; name: string };
  /** The company's orders list ("Cancel" goes back to it). */
  ordersPath: string;
  /** Called once the orders exist, with how many: the caller says so on the orders list. */
  onOrdered: (count: number) => void;
};

/** A chosen file: its text (sent unchanged) and the rows read from it for the preview. */
type Chosen = { name: string; csv: string; table: CsvTable };

/** What the server said about the chosen file. */
type Checked =
  | { kind: 'checking' }
  /** Every row is right; `error` if ordering them then failed (the file can be ordered again). */
  | { kind: 'ready'; rows: number; error?: Message }
  | { kind: 'invalid'; errors: BatchError[] }
  | { kind: 'failed'; message: Message }
  /** A problem with the file itself, shown at the file input. */
  | { kind: 'refused'; key: MessageKey };

const fileField = 'batch-file';

function looksLikeCsv(file: File): boolean {
  return /\.csv$/i.test(file.name) || file.type === 'text/csv' || file.type === 'application/vnd.ms-excel';
}

/**
 * "Order from a file": the template, the columns explained, a CSV file chosen (or dropped), checked
 * by the server without ordering anything (`dry_run`), every row shown with its problems, and only
 * after a clean check the button that orders them all.
 */
export function BulkOrderPage({ company, ordersPath, onOrdered }: BulkOrderPageProps) {
  const { t } = useTranslation();
  const text = useMessageText();
  const batch = useOrderBatch();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [dragging, setDragging] = useState(false);

  function settle(result: Checked) {
    setChecked(result);
    setAttempt((n) => n + 1);
  }

  function failed(error: unknown) {
    const errors = batchErrors(error);
    if (errors) return settle({ kind: 'invalid', errors });
    // 413: more than 500 rows, or more than 256 KB, as the server counts them.
    if (isApiError(error) && error.status === 413) return settle({ kind: 'refused', key: 'bulk.errors.tooLarge' });
    settle({ kind: 'failed', message: describeError(error) });
  }

  async function take(file: File | undefined) {
    setChosen(null);
    setChecked(null);
    if (!file) return;
    const refuse = (key: MessageKey) => settle({ kind: 'refused', key });
    if (!looksLikeCsv(file)) return refuse('bulk.errors.notCsv');
    if (file.size > maxBatchBytes) return refuse('bulk.errors.tooLarge');
    const bytes = await file.arrayBuffer();
    const content = decodeUtf8(bytes);
    if (content === null) return refuse('bulk.errors.encoding');
    const table = parseCsv(content);
    if (table.rows.length === 0) return refuse('bulk.errors.empty');
    setChosen({ name: file.name, csv: content, table });
    // Said before anything is sent: the server would refuse the whole file.
    if (table.rows.length > maxBatchRows) return refuse('bulk.errors.tooManyRows');
    setChecked({ kind: 'checking' });
    batch.mutate(
      { companyId: company.id, csv: content, dryRun: true },
      { onSuccess: (result) => settle({ kind: 'ready', rows: result.rows }), onError: failed },
    );
  }

  function order() {
    if (!chosen || checked?.kind !== 'ready') return;
    const { rows } = checked;
    batch.mutate(
      { companyId: company.id, csv: chosen.csv, dryRun: false },
      {
        onSuccess: (result) => onOrdered(result.created.length),
        // All or nothing: after a failure nothing was ordered, and the same file can be tried again.
        onError: (error) =>
          batchErrors(error) || (isApiError(error) && error.status === 413)
            ? failed(error)
            : settle({ kind: 'ready', rows, error: describeError(error) }),
      },
    );
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void take(event.dataTransfer.files[0]);
  }

  const rowCount = chosen?.table.rows.length ?? 0;
  const errors = checked?.kind === 'invalid' ? checked.errors : [];
  const inputError =
    checked?.kind === 'refused' ? t(checked.key, { count: rowCount, max: maxBatchRows }) : undefined;
  const items: SummaryItem[] = [];
  if (inputError) items.push({ text: inputError, href: fileField });
  if (checked?.kind === 'failed') items.push({ text: text(checked.message) });
  if (checked?.kind === 'ready' && checked.error) items.push({ text: text(checked.error) });

  return (
    <Page title={t('bulk.title')} caption={company.name}>
      <BatchErrorSummary items={items} errors={errors} rows={rowCount} attempt={attempt} fileField={fileField} />
      <p>{t('bulk.intro', { max: maxBatchRows })}</p>

      <h2>{t('bulk.template.title')}</h2>
      <TemplateLinks />
      <BatchColumnsHelp />

      <h2>{t('bulk.file.title')}</h2>
      <div
        className={`form-group drop-zone${inputError ? ' form-group--error' : ''}${dragging ? ' drop-zone--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label className="label" htmlFor={fileField}>
          {chosen ? t('bulk.file.chooseAnother') : t('bulk.file.choose')}
        </label>
        <div id={`${fileField}-hint`} className="hint">
          {t('bulk.file.hint', { max: maxBatchRows })}
        </div>
        {inputError ? (
          <p id={`${fileField}-error`} className="error-message">
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {inputError}
          </p>
        ) : null}
        <input
          id={fileField}
          name="file"
          type="file"
          className={`file-upload${inputError ? ' input--error' : ''}`}
          accept=".csv,text/csv"
          aria-describedby={describedBy(fileField, true, inputError)}
          aria-invalid={inputError ? true : undefined}
          onChange={(event: ChangeEvent<HTMLInputElement>) => {
            void take(event.target.files?.[0]);
            // The file is read at once; emptied, the input takes the same file again once it is fixed.
            event.target.value = '';
          }}
        />
      </div>

      <p className="visually-hidden" aria-live="polite">
        {checked?.kind === 'checking'
          ? t('bulk.file.checking')
          : batch.isPending
            ? t('bulk.order.ordering')
            : checked?.kind === 'ready'
              ? t('bulk.order.ready', { count: checked.rows })
              : ''}
      </p>
      {checked?.kind === 'checking' ? <p className="hint">{t('bulk.file.checking')}</p> : null}

      {checked?.kind === 'ready' ? (
        <div className="notice notice--info">
          <p className="notice__title">{t('bulk.order.ready', { count: checked.rows })}</p>
          <p>{t('bulk.order.readyBody')}</p>
        </div>
      ) : null}

      {chosen && (checked?.kind === 'ready' || checked?.kind === 'invalid') ? (
        <BatchPreview name={chosen.name} table={chosen.table} errors={errors} checked={checked.kind === 'ready'} />
      ) : null}

      <div className="button-group">
        {checked?.kind === 'ready' ? (
          <button type="button" className="button" disabled={batch.isPending} onClick={order}>
            {checked.rows === 1 ? t('bulk.order.submitOne') : t('bulk.order.submit', { count: checked.rows })}
          </button>
        ) : null}
        <Link className="action-link" to={ordersPath}>
          {t('common.cancel')}
        </Link>
      </div>
    </Page>
  );
}
