import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { Pagination } from '../../../components/ui/Pagination';
import { SkeletonList } from '../../../components/ui/Skeleton';
import { StatusTag } from '../../../components/ui/StatusTag';
import { formatDateTime } from '../../../lib/date';
import { describeError, useMessageText } from '../../../lib/messages';
import { readPageSize, readPaging } from '../../../lib/paging';
import { isOrderStatus, orderStatuses, statusKey } from '../../../lib/status';
import { useCompanyOrders } from '../api/list-orders';
import { CompanyTabs, useCompany } from './CompanyScope';
import { ListFilter } from './ListFilter';
import { ListSearch, readQuery } from './ListSearch';

/** What the bulk ordering page leaves for this list after ordering from a file. */
export type OrdersListState = { cancelled?: boolean; batchOrdered?: number } | null;

/** The company's card orders: search, filter by status, page through, open one; order a new card or many. */
export function OrdersListPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const text = useMessageText();
  const company = useCompany();
  const [params] = useSearchParams();
  const status = params.get('status') ?? '';
  const validStatus = isOrderStatus(status) ? status : '';
  const { cursor } = readPaging(params);
  const limit = readPageSize(params);
  const q = readQuery(params);
  const orders = useCompanyOrders(company.id, { q, status: validStatus, limit, cursor });
  const state = useLocation().state as OrdersListState;
  const statusName = validStatus ? t(statusKey('order', validStatus)) : '';
  const withoutSearch = new URLSearchParams(params);
  withoutSearch.delete('q');
  withoutSearch.delete('cursor');
  withoutSearch.delete('back');

  return (
    <Page title={t('company.orders.title')} caption={company.name}>
      <CompanyTabs current="orders" />
      {state?.cancelled ? <Notice title={t('company.cancel.done')} focus /> : null}
      {state?.batchOrdered ? (
        <Notice title={t('company.orders.batchOrdered', { count: state.batchOrdered })} focus>
          <p>{t('company.orders.batchOrderedBody')}</p>
        </Notice>
      ) : null}
      <div className="button-group">
        <Link className="button" to={`/company/${company.id}/orders/new`}>
          {t('company.orders.new')}
        </Link>
        <Link className="button button--secondary" to={`/company/${company.id}/orders/batch`}>
          {t('company.orders.fromFile')}
        </Link>
      </div>
      <ListSearch />
      <ListFilter key={params.toString()} kind="order" statuses={orderStatuses} />
      <div aria-live="polite" className="result-count">
        {orders.data && !orders.isPlaceholderData
          ? q && !orders.data.next_cursor && !cursor
            ? t('company.orders.found', { count: orders.data.items.length })
            : t('company.orders.count', { count: orders.data.items.length })
          : ''}
      </div>
      {orders.isPending ? <SkeletonList items={3} lines={2} tag={false} /> : null}
      {orders.isError ? <p role="alert">{text(describeError(orders.error))}</p> : null}
      {orders.data && orders.data.items.length === 0 ? (
        <div className="empty-state">
          {q ? (
            <>
              <p>
                {validStatus
                  ? t('company.search.emptyFiltered', { query: q, status: statusName })
                  : t('company.search.empty', { query: q })}
              </p>
              <p>{t('company.search.emptyHint')}</p>
              <p>
                <Link to={`?${withoutSearch.toString()}`}>{t('company.search.clearLink')}</Link>
              </p>
            </>
          ) : validStatus ? (
            <>
              <p>{t('company.orders.emptyFiltered', { status: statusName })}</p>
              <p>
                <Link to={`/company/${company.id}/orders`}>{t('company.orders.showAll')}</Link>
              </p>
            </>
          ) : (
            <p>{t('company.orders.empty')}</p>
          )}
        </div>
      ) : null}
      {orders.data && orders.data.items.length > 0 ? (
        <table className="table" aria-busy={orders.isPlaceholderData || undefined}>
          <caption className="visually-hidden">{t('company.orders.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('company.orders.worker')}</th>
              <th scope="col">{t('company.orders.status')}</th>
              <th scope="col">{t('company.orders.ordered')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.data.items.map((order) => (
              <tr key={order.id}>
                <td data-label={t('company.orders.worker')}>
                  <Link to={`/company/${company.id}/orders/${order.id}`}>
                    {order.holder.given_names} {order.holder.surname}
                  </Link>
                  <span className="table__secondary">{order.email}</span>
                </td>
                <td data-label={t('company.orders.status')}>
                  <StatusTag kind="order" status={order.status} />
                </td>
                <td data-label={t('company.orders.ordered')}>{formatDateTime(order.created_at, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {orders.data ? <Pagination nextCursor={orders.data.next_cursor} /> : null}
    </Page>
  );
}
