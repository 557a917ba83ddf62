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

/** The company's card orders: filter by status, page through, open one; order a new card. */
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
  const orders = useCompanyOrders(company.id, { status: validStatus, limit, cursor });
  const cancelled = (useLocation().state as { cancelled?: boolean } | null)?.cancelled;

  return (
    <Page title={t('company.orders.title')} caption={company.name}>
      <CompanyTabs current="orders" />
      {cancelled ? <Notice title={t('company.cancel.done')} focus /> : null}
      <p>
        <Link className="button" to={`/company/${company.id}/orders/new`}>
          {t('company.orders.new')}
        </Link>
      </p>
      <ListFilter key={params.toString()} kind="order" statuses={orderStatuses} />
      <div aria-live="polite" className="result-count">
        {orders.data && !orders.isPlaceholderData
          ? t('company.orders.count', { count: orders.data.items.length })
          : ''}
      </div>
      {orders.isPending ? <SkeletonList items={3} lines={2} tag={false} /> : null}
      {orders.isError ? <p role="alert">{text(describeError(orders.error))}</p> : null}
      {orders.data && orders.data.items.length === 0 ? (
        <div className="empty-state">
          {validStatus ? (
            <>
              <p>{t('company.orders.emptyFiltered', { status: t(statusKey('order', validStatus)) })}</p>
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
