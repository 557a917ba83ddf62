import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { SelectField, TextField } from '../../../components/ui/Field';
import { OperatorTabs } from '../../../components/ui/OperatorTabs';
import { Page } from '../../../components/ui/Page';
import { Pagination } from '../../../components/ui/Pagination';
import { SkeletonList } from '../../../components/ui/Skeleton';
import { formatDateTime } from '../../../lib/date';
import { describeError, errorFor, useMessageText, type Message } from '../../../lib/messages';
import { defaultPageSize, filterParams, pageSizes, readPageSize, readPaging } from '../../../lib/paging';
import { useAuditEvents, useVerifyChain, type AuditEvent, type ChainReport } from '../api/audit';

/** The filters as the URL keeps them: dates as `YYYY-MM-DD`, the rest as typed. */
const filterNames = ['kind', 'subject', 'actor', 'from', 'to'] as const;
type FilterName = (typeof filterNames)[number];
type Filters = Record<FilterName, string>;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function readFilters(params: URLSearchParams): Filters {
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.get(name)?.trim() ?? ''])) as Filters;
  if (!isoDate.test(filters.from)) filters.from = '';
  if (!isoDate.test(filters.to)) filters.to = '';
  return filters;
}

/** The start of a day in the reader's time zone, as the API's timestamp. */
function startOfDay(date: string, daysLater = 0): string | undefined {
  if (!isoDate.test(date)) return undefined;
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, (day ?? 1) + daysLater).toISOString();
}

/** Subjects and actors are named by their UUID (the API refuses anything else). */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkFilters(filters: Filters): Message[] {
  const errors: Message[] = [];
  for (const name of ['subject', 'actor'] as const) {
    const value = filters[name].trim();
    if (value && !uuid.test(value)) errors.push({ field: name, key: 'audit.filter.errors.id' });
  }
  if (filters.from && filters.to && filters.from > filters.to) errors.push({ field: 'to', key: 'audit.filter.errors.toBeforeFrom' });
  return errors;
}

/** Kind, subject, actor and dates, applied with a button; they live in the URL and applying starts at page one. */
function AuditFilter() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [values, setValues] = useState<Filters>(() => readFilters(params));
  const [limit, setLimit] = useState(String(readPageSize(params)));
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const set = (name: FilterName) => (value: string) => setValues((current) => ({ ...current, [name]: value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const invalid = checkFilters(values);
    setErrors(invalid);
    if (invalid.length > 0) return;
    let next = params;
    for (const name of filterNames) next = filterParams(next, name, values[name].trim());
    next = filterParams(next, 'limit', limit === String(defaultPageSize) ? '' : limit);
    setParams(next);
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="filter" noValidate onSubmit={apply} aria-label={t('audit.filter.label')}>
        <TextField
          id="kind"
          label={t('audit.filter.kind')}
          hint={t('audit.filter.kindHint')}
          width={20}
          autoComplete="off"
          spellCheck={false}
          value={values.kind}
          onValue={set('kind')}
        />
        <TextField
          id="subject"
          label={t('audit.filter.subject')}
          autoComplete="off"
          spellCheck={false}
          width={20}
          value={values.subject}
          onValue={set('subject')}
          error={errorFor(errors, 'subject')}
        />
        <TextField
          id="actor"
          label={t('audit.filter.actor')}
          autoComplete="off"
          spellCheck={false}
          width={20}
          value={values.actor}
          onValue={set('actor')}
          error={errorFor(errors, 'actor')}
        />
        <TextField id="from" type="date" label={t('audit.filter.from')} width={10} value={values.from} onValue={set('from')} />
        <TextField
          id="to"
          type="date"
          label={t('audit.filter.to')}
          width={10}
          value={values.to}
          onValue={set('to')}
          error={errorFor(errors, 'to')}
        />
        <SelectField id="limit" label={t('audit.filter.perPage')} value={limit} onValue={setLimit}>
          {pageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--secondary">
          {t('audit.filter.apply')}
        </button>
      </form>
    </>
  );
}

/** Who acted, in words where the kind is known. */
const actorKinds = {
  account: 'audit.actorKinds.account',
  partner: 'audit.actorKinds.partner',
  system: 'audit.actorKinds.system',
  anonymous: 'audit.actorKinds.anonymous',
  operator: 'audit.actorKinds.operator',
} as const;

/** A value of an event's data, short: strings as they are, anything else as JSON. */
function dataValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** "Verify the chain": the server checks every checkpoint and sealed event; the answer is said here. */
function ChainCheck() {
  const { t } = useTranslation();
  const text = useMessageText();
  const verify = useVerifyChain();
  const problemKeys = {
    checkpoint_missing: 'audit.chain.problems.checkpoint_missing',
    checkpoint_altered: 'audit.chain.problems.checkpoint_altered',
    signature_invalid: 'audit.chain.problems.signature_invalid',
    events_altered: 'audit.chain.problems.events_altered',
    events_orphaned: 'audit.chain.problems.events_orphaned',
    published_checkpoint_missing: 'audit.chain.problems.published_checkpoint_missing',
    published_checkpoint_mismatch: 'audit.chain.problems.published_checkpoint_mismatch',
  } as const;

  const report = (data: ChainReport) => (
    <div className={`notice notice--${data.ok ? 'success' : 'info'} chain-report`}>
      <p className="notice__title">
        <strong className={`tag tag--${data.ok ? 'green' : 'red'}`}>{data.ok ? t('audit.chain.ok') : t('audit.chain.broken')}</strong>{' '}
        {data.ok ? t('audit.chain.okBody') : t('audit.chain.brokenBody')}
      </p>
      {data.problem ? (
        <p>
          {t(problemKeys[data.problem.code])}
          {data.problem.checkpoint != null ? ` ${t('audit.chain.atCheckpoint', { number: data.problem.checkpoint })}` : ''}
        </p>
      ) : null}
      <ul className="chain-report__counts">
        <li>{t('audit.chain.checkpoints', { count: data.checkpoints })}</li>
        <li>{t('audit.chain.sealed', { count: data.sealed_events })}</li>
        <li>{t('audit.chain.unsealed', { count: data.unsealed_events })}</li>
      </ul>
    </div>
  );

  return (
    <section aria-labelledby="chain-title" className="chain-check">
      <h2 id="chain-title">{t('audit.chain.title')}</h2>
      <p>{t('audit.chain.intro')}</p>
      <button type="button" className="button button--secondary" disabled={verify.isPending} onClick={() => verify.mutate()}>
        {t('audit.chain.submit')}
      </button>
      <div role="status" aria-live="polite">
        {verify.isPending ? <p>{t('common.checking')}</p> : null}
        {verify.isError ? <p>{text(describeError(verify.error))}</p> : null}
        {verify.data ? report(verify.data) : null}
      </div>
    </section>
  );
}

/** The audit log for operators: filtered, paged, newest first; and a check that nobody has changed it. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const text = useMessageText();
  const [params] = useSearchParams();
  const filters = readFilters(params);
  const filtered = filterNames.some((name) => filters[name]);
  const { cursor } = readPaging(params);
  const limit = readPageSize(params);
  const events = useAuditEvents({
    kind: filters.kind,
    subject_id: filters.subject,
    actor_id: filters.actor,
    from: startOfDay(filters.from),
    // Up to the end of the "to" day: the API's `to` is the start of the next one.
    to: startOfDay(filters.to, 1),
    limit,
    cursor,
  });

  const row = (event: AuditEvent) => {
    const data: unknown = event.data;
    const entries =
      typeof data === 'object' && data !== null && !Array.isArray(data)
        ? Object.entries(data)
        : data == null
          ? []
          : [['value', data] as const];
    return (
      <tr key={event.id}>
        <td data-label={t('audit.list.at')}>{formatDateTime(event.at, language)}</td>
        <td data-label={t('audit.list.kind')}>
          <code className="table__url">{event.kind}</code>
        </td>
        <td data-label={t('audit.list.actor')}>
          <span className="table__line">
            {event.actor_kind in actorKinds ? t(actorKinds[event.actor_kind as keyof typeof actorKinds]) : event.actor_kind}
          </span>
          {event.actor_id ? <code className="table__secondary">{event.actor_id}</code> : null}
        </td>
        <td data-label={t('audit.list.subject')}>
          {event.subject_type || event.subject_id ? (
            <>
              {event.subject_type ? <span className="table__line">{event.subject_type}</span> : null}
              {event.subject_id ? <code className="table__secondary">{event.subject_id}</code> : null}
            </>
          ) : (
            <span className="table__secondary">{t('audit.list.none')}</span>
          )}
        </td>
        <td data-label={t('audit.list.data')}>
          {entries.length > 0 ? (
            <ul className="audit-data">
              {entries.map(([key, value]) => (
                <li key={key} className="table__url">
                  <span className="audit-data__key">{key}:</span> {dataValue(value)}
                </li>
              ))}
            </ul>
          ) : (
            <span className="table__secondary">{t('audit.list.none')}</span>
          )}
        </td>
      </tr>
    );
  };

  return (
    <Page title={t('audit.title')}>
      <OperatorTabs current="audit-log" />
      <p>{t('audit.intro')}</p>
      <ChainCheck />
      <h2>{t('audit.list.title')}</h2>
      <AuditFilter key={params.toString()} />
      <div aria-live="polite" className="result-count">
        {events.data && !events.isPlaceholderData ? t('audit.list.count', { count: events.data.items.length }) : ''}
      </div>
      {events.isPending ? <SkeletonList items={3} lines={2} tag={false} /> : null}
      {events.isError ? <p role="alert">{text(describeError(events.error))}</p> : null}
      {events.data && events.data.items.length === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <>
              <p>{t('audit.list.emptyFiltered')}</p>
              <p>
                <Link to="/operator/audit-log">{t('audit.list.showAll')}</Link>
              </p>
            </>
          ) : (
            <p>{t('audit.list.empty')}</p>
          )}
        </div>
      ) : null}
      {events.data && events.data.items.length > 0 ? (
        <table className="table" aria-busy={events.isPlaceholderData || undefined}>
          <caption className="visually-hidden">{t('audit.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.list.at')}</th>
              <th scope="col">{t('audit.list.kind')}</th>
              <th scope="col">{t('audit.list.actor')}</th>
              <th scope="col">{t('audit.list.subject')}</th>
              <th scope="col">{t('audit.list.data')}</th>
            </tr>
          </thead>
          <tbody>{events.data.items.map(row)}</tbody>
        </table>
      ) : null}
      {events.data ? <Pagination nextCursor={events.data.next_cursor} /> : null}
    </Page>
  );
}
