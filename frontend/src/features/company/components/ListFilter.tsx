import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SelectField } from '../../../components/ui/Field';
import { defaultPageSize, filterParams, pageSizes, readPageSize } from '../../../lib/paging';
import { statusKey } from '../../../lib/status';

type ListFilterProps = { kind: 'order' | 'card'; statuses: readonly string[] };

/**
 * Status and page size for a list, applied with a button (a select that reloads the list as you
 * scroll through it would be hard to use). Both live in the URL; applying starts at page one.
 */
export function ListFilter({ kind, statuses }: ListFilterProps) {
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
    <form className="filter" onSubmit={apply} aria-label={t('company.filter.label')}>
      <SelectField id="status" label={t('company.filter.status')} value={status} onValue={setStatus}>
        <option value="">{t('company.filter.all')}</option>
        {statuses.map((value) => (
          <option key={value} value={value}>
            {t(statusKey(kind, value))}
          </option>
        ))}
      </SelectField>
      <SelectField id="limit" label={t('company.filter.perPage')} value={limit} onValue={setLimit}>
        {pageSizes.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--secondary">
        {t('company.filter.apply')}
      </button>
    </form>
  );
}
