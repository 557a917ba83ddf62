import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/ui/Page';
import { SkeletonList } from '../../../components/ui/Skeleton';
import { StatusTag } from '../../../components/ui/StatusTag';
import { Timeline } from '../../../components/ui/Timeline';
import { formatDateTime } from '../../../lib/date';
import { describeError, useMessageText } from '../../../lib/messages';
import { upcomingStatuses } from '../../../lib/status';
import { useMyOrders } from '../api/list-my-orders';
import { useOrderTexts } from './order-texts';

/** "My card orders": each order's status in words and colour, what happens next, and its timeline. */
export function MyOrdersPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const text = useMessageText();
  const orders = useMyOrders();
  const texts = useOrderTexts();

  if (orders.isPending) {
    return (
      <Page title={t('nav.orders')}>
        <SkeletonList items={2} lines={4} />
      </Page>
    );
  }
  if (orders.isError) {
    return (
      <Page title={t('nav.orders')} error>
        <p role="alert">{text(describeError(orders.error))}</p>
      </Page>
    );
  }
  return (
    <Page title={t('nav.orders')}>
      {orders.data.length === 0 ? (
        <div className="empty-state">
          <p>{t('orders.list.empty')}</p>
          <p>{t('orders.list.emptyHow')}</p>
        </div>
      ) : (
        <ul className="order-list">
          {orders.data.map((order) => (
            <li key={order.id} className="order-list__item">
              <h2 className="order-list__title">
                <Link to={`/orders/${order.id}`}>{t('orders.list.cardFor', { company: order.company.name })}</Link>
              </h2>
              <p className="order-list__status">
                <StatusTag kind="order" status={order.status} audience="worker" />
              </p>
              <p>{texts.next(order)}</p>
              <p className="order-list__meta">
                {t('orders.list.ordered', { date: formatDateTime(order.created_at, language) })}
              </p>
              <details className="details">
                <summary className="details__summary">{t('orders.list.showProgress')}</summary>
                <div className="details__text">
                  <Timeline
                    entries={order.history}
                    upcoming={upcomingStatuses(order.status)}
                    label={t('orders.timeline.label')}
                    audience="worker"
                  />
                </div>
              </details>
              {order.status === 'awaiting_cardholder' ? (
                <p>
                  <Link className="button" to={`/orders/${order.id}`}>
                    {t('orders.list.checkAndAccept')}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
