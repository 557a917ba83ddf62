import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { TextField } from '../../../components/ui/Field';
import { OperatorTabs } from '../../../components/ui/OperatorTabs';
import { Page } from '../../../components/ui/Page';
import { Pagination } from '../../../components/ui/Pagination';
import { SkeletonList } from '../../../components/ui/Skeleton';
import { countryName } from '../../../lib/countries';
import { formatDateTime } from '../../../lib/date';
import { describeError, useMessageText } from '../../../lib/messages';
import { filterParams, readPageSize, readPaging } from '../../../lib/paging';
import { useCompanies, type Company } from '../api/companies';

/** How long typing pauses before the search runs. */
export const searchDelayMs = 300;

/**
 * The search box: what is typed goes into the URL (`?q=`) once typing pauses, so the list follows
 * and a reload or a shared link shows the same search; Enter searches at once.
 */
function CompanySearch() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const inUrl = params.get('q') ?? '';
  const [q, setQ] = useState(inUrl);
  const [seen, setSeen] = useState(inUrl);
  // Back and Forward change the URL: the box follows (unless it already says the same).
  if (inUrl !== seen) {
    setSeen(inUrl);
    if (q.trim() !== inUrl) setQ(inUrl);
  }

  useEffect(() => {
    if (q.trim() === inUrl) return;
    const timer = setTimeout(() => setParams((current) => filterParams(current, 'q', q.trim()), { replace: true }), searchDelayMs);
    return () => clearTimeout(timer);
  }, [q, inUrl, setParams]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (q.trim() !== inUrl) setParams(filterParams(params, 'q', q.trim()), { replace: true });
  }

  return (
    <form className="filter" role="search" onSubmit={submit} aria-label={t('companies.search.label')}>
      <TextField
        id="q"
        type="search"
        label={t('companies.search.field')}
        hint={t('companies.search.hint')}
        autoComplete="off"
        spellCheck={false}
        width={20}
        value={q}
        onValue={setQ}
      />
      <button type="submit" className="button button--secondary">
        {t('companies.search.submit')}
      </button>
    </form>
  );
}

/** The operator's companies: search by name or organisation number, page through, open one; register one. */
export function CompaniesPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const text = useMessageText();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const { cursor } = readPaging(params);
  const limit = readPageSize(params);
  const companies = useCompanies({ q, limit, cursor });

  const row = (company: Company) => (
    <tr key={company.id}>
      <td data-label={t('companies.list.name')}>
        <Link to={`/operator/companies/${company.id}`}>{company.name}</Link>
      </td>
      <td data-label={t('companies.list.orgNumber')}>{company.org_number}</td>
      <td data-label={t('companies.list.country')}>{countryName(company.country, language)}</td>
      <td data-label={t('companies.list.created')}>{formatDateTime(company.created_at, language)}</td>
    </tr>
  );

  return (
    <Page title={t('companies.title')}>
      <OperatorTabs current="companies" />
      <p>
        <Link className="button" to="/operator/companies/new">
          {t('companies.new')}
        </Link>
      </p>
      <CompanySearch />
      <div aria-live="polite" className="result-count">
        {companies.data && !companies.isPlaceholderData
          ? q
            ? t('companies.list.countFound', { count: companies.data.items.length, q })
            : t('companies.list.count', { count: companies.data.items.length })
          : ''}
      </div>
      {companies.isPending ? <SkeletonList items={3} lines={1} tag={false} /> : null}
      {companies.isError ? <p role="alert">{text(describeError(companies.error))}</p> : null}
      {companies.data && companies.data.items.length === 0 ? (
        <div className="empty-state">
          <p>{q ? t('companies.list.emptyFound', { q }) : t('companies.list.empty')}</p>
        </div>
      ) : null}
      {companies.data && companies.data.items.length > 0 ? (
        <table className="table" aria-busy={companies.isPlaceholderData || undefined}>
          <caption className="visually-hidden">{t('companies.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('companies.list.name')}</th>
              <th scope="col">{t('companies.list.orgNumber')}</th>
              <th scope="col">{t('companies.list.country')}</th>
              <th scope="col">{t('companies.list.created')}</th>
            </tr>
          </thead>
          <tbody>{companies.data.items.map(row)}</tbody>
        </table>
      ) : null}
      {companies.data ? <Pagination nextCursor={companies.data.next_cursor} /> : null}
    </Page>
  );
}
