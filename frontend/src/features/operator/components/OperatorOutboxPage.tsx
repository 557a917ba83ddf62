import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SelectField } from '../../../components/ui/Field';
import { Page } from '../../../components/ui/Page';
import { Pagination } from '../../../components/ui/Pagination';
import { SkeletonList } from '../../../components/ui/Skeleton';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/date';
import { describeError, useMessageText } from '../../../lib/messages';
import { defaultPageSize, filterParams, pageSizes, readPageSize, readPaging } from '../../../lib/paging';
import type { Tone } from '../../../lib/status';
import { useOperatorOutbox, useRetryOutboxMessage, type OutboxItem, type OutboxStatus } from '../api/outbox';
import { OperatorTabs } from './OperatorTabs';

/** The statuses the filter offers: "Waiting" is `pending` (`sending` lasts seconds; "All" shows it). */
const filterStatuses = ['pending', 'sent', 'dead'] as const;
type FilterStatus = (typeof filterStatuses)[number];

function isFilterStatus(value: string): value is FilterStatus {
  return (filterStatuses as readonly string[]).includes(value);
}

const tones: Record<OutboxStatus, Tone> = { pending: 'blue', sending: 'blue', sent: 'green', dead: 'red' };

/** Status and page size, applied with a button; both live in the URL and applying starts at page one. */
function OutboxFilter() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState(params.get('status') ?? '');
  const [limit, setLimit] = useState(String(readPageSize(params)));

  function apply(event: FormEvent) {
    event.preventDefault();
    let next = filterParams(params, 'status', status);
    next = filterParams(next, 'limit', limit === String(defaultPageSize) ? '' : limit);
    setParams(next);
  }

  return (
    <form className="filter" onSubmit={apply} aria-label={t('operator.outbox.filter.label')}>
      <SelectField id="status" label={t('operator.outbox.filter.status')} value={status} onValue={setStatus}>
        <option value="">{t('operator.outbox.filter.all')}</option>
        {filterStatuses.map((value) => (
          <option key={value} value={value}>
            {t(`operator.outbox.filter.${value}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id="limit" label={t('operator.outbox.filter.perPage')} value={limit} onValue={setLimit}>
        {pageSizes.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--secondary">
        {t('operator.outbox.filter.apply')}
      </button>
    </form>
  );
}

/**
 * The outbox for operators: emails, text messages and webhooks by status, paged, never their content.
 * A dead letter can be sent again; what happened is said in a live region that also takes focus, as
 * the button pressed goes away with the refreshed list.
 */
export function OperatorOutboxPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const text = useMessageText();
  const [params] = useSearchParams();
  const status = params.get('status') ?? '';
  const validStatus = isFilterStatus(status) ? status : '';
  const { cursor } = readPaging(params);
  const limit = readPageSize(params);
  const outbox = useOperatorOutbox({ status: validStatus, limit, cursor });
  const retry = useRetryOutboxMessage();
  const [result, setResult] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const live = useRef<HTMLDivElement>(null);

  function announce(message: string, tone: 'success' | 'error') {
    setResult({ text: message, tone });
    live.current?.focus();
  }

  function sendAgain(item: OutboxItem) {
    setResult(null);
    retry.mutate(item.id, {
      onSuccess: () => announce(t('operator.outbox.retried', { to: item.to }), 'success'),
      onError: (error) => {
        if (isApiError(error) && error.code === 'not_dead') announce(t('operator.outbox.notDead', { to: item.to }), 'error');
        else announce(text(describeError(error)), 'error');
      },
    });
  }

  const row = (item: OutboxItem) => (
    <tr key={item.id}>
      <td data-label={t('operator.outbox.message')}>
        <strong className="table__line">{t(`operator.outbox.channel.${item.channel}`)}</strong>
        <code className="table__secondary">{item.kind}</code>
      </td>
      <td data-label={t('operator.outbox.to')}>
        <span className="table__url">{item.to}</span>
      </td>
      <td data-label={t('operator.outbox.status')}>
        <strong className={`tag tag--${tones[item.status] ?? 'grey'}`} data-status={item.status}>
          {t(`operator.outbox.statuses.${item.status}`)}
        </strong>
        <span className="table__secondary">{t('operator.outbox.attempts', { count: item.attempts })}</span>
        {item.status === 'pending' ? (
          <span className="table__secondary">
            {t('operator.outbox.nextAttempt', { date: formatDateTime(item.next_attempt_at, language) })}
          </span>
        ) : null}
      </td>
      <td data-label={t('operator.outbox.lastError')}>
        {item.last_error ? (
          // Delivery diagnostics from the provider or the partner's server, as they came (English).
          <span className="table__url" lang="en">
            {item.last_error}
          </span>
        ) : (
          <span className="table__secondary">{t('operator.outbox.noError')}</span>
        )}
      </td>
      <td data-label={t('operator.outbox.created')}>{formatDateTime(item.created_at, language)}</td>
      <td data-label={t('operator.outbox.actions')}>
        {item.status === 'dead' ? (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={retry.isPending}
            onClick={() => sendAgain(item)}
          >
            {t('operator.outbox.retry')}{' '}
            <span className="visually-hidden">{t('operator.outbox.retryHidden', { to: item.to })}</span>
          </button>
        ) : null}
      </td>
    </tr>
  );

  return (
    <Page title={t('operator.outbox.title')}>
      <OperatorTabs current="outbox" />
      <p>{t('operator.outbox.intro')}</p>
      <div
        ref={live}
        tabIndex={-1}
        role="status"
        className={result ? `notice notice--${result.tone === 'success' ? 'success' : 'info'}` : 'live-region'}
      >
        {result ? <p className="notice__title">{result.text}</p> : null}
      </div>
      <OutboxFilter key={params.toString()} />
      <div aria-live="polite" className="result-count">
        {outbox.data && !outbox.isPlaceholderData ? t('operator.outbox.count', { count: outbox.data.items.length }) : ''}
      </div>
      {outbox.isPending ? <SkeletonList items={3} lines={2} tag={false} /> : null}
      {outbox.isError ? <p role="alert">{text(describeError(outbox.error))}</p> : null}
      {outbox.data && outbox.data.items.length === 0 ? (
        <div className="empty-state">
          {validStatus ? (
            <>
              <p>{t('operator.outbox.emptyFiltered', { status: t(`operator.outbox.filter.${validStatus}`) })}</p>
              <p>
                <Link to="/operator/outbox">{t('operator.outbox.showAll')}</Link>
              </p>
            </>
          ) : (
            <p>{t('operator.outbox.empty')}</p>
          )}
        </div>
      ) : null}
      {outbox.data && outbox.data.items.length > 0 ? (
        <table className="table" aria-busy={outbox.isPlaceholderData || undefined}>
          <caption className="visually-hidden">{t('operator.outbox.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('operator.outbox.message')}</th>
              <th scope="col">{t('operator.outbox.to')}</th>
              <th scope="col">{t('operator.outbox.status')}</th>
              <th scope="col">{t('operator.outbox.lastError')}</th>
              <th scope="col">{t('operator.outbox.created')}</th>
              <th scope="col">{t('operator.outbox.actions')}</th>
            </tr>
          </thead>
          <tbody>{outbox.data.items.map(row)}</tbody>
        </table>
      ) : null}
      {outbox.data ? <Pagination nextCursor={outbox.data.next_cursor} /> : null}
    </Page>
  );
}
