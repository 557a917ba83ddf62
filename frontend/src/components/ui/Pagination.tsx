import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { nextPageParams, previousPageParams, readPaging } from '../../lib/paging';

/** "Previous" and "Next" as links (the page lives in the URL), with the page number between. */
export function Pagination({ nextCursor }: { nextCursor: string | null | undefined }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { page } = readPaging(params);
  if (page === 1 && !nextCursor) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link className="pagination__link" rel="prev" to={`?${previousPageParams(params).toString()}`}>
          <span aria-hidden="true">←</span>
          {t('pagination.previous')}
        </Link>
      ) : null}
      <span className="pagination__page">{t('pagination.page', { page })}</span>
      {nextCursor ? (
        <Link className="pagination__link" rel="next" to={`?${nextPageParams(params, nextCursor).toString()}`}>
          {t('pagination.next')}
          <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </nav>
  );
}
