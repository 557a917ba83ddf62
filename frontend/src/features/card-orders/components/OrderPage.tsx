import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Address } from '../../../components/ui/Address';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { StatusTag } from '../../../components/ui/StatusTag';
import { SummaryList } from '../../../components/ui/SummaryList';
import { Timeline } from '../../../components/ui/Timeline';
import { WorkerProgress } from '../../../components/ui/WorkerProgress';
import { formatDateTime } from '../../../lib/date';
import { upcomingStatuses } from '../../../lib/status';
import type { HolderOrder } from '../api/list-my-orders';
import { MismatchExplanation } from './MismatchExplanation';
import { OrderScope } from './OrderScope';
import { useOrderTexts } from './order-texts';

export type OrderPageState = { notice?: 'rejected' } | null;

/** One order: where it stands in words, what to do next, where the card goes, and its timeline. */
export function OrderPage() {
  const { t } = useTranslation();
  const awaiting = (order: HolderOrder) => order.status === 'awaiting_cardholder';
  return (
    <OrderScope title={t('orders.order.title')}>
      {(order) => (
        <Page
          title={t('orders.order.title')}
          caption={order.company.name}
          progress={awaiting(order) ? <WorkerProgress step="order" /> : undefined}
        >
          <OrderOverview order={order} />
        </Page>
      )}
    </OrderScope>
  );
}

function OrderOverview({ order }: { order: HolderOrder }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const texts = useOrderTexts();
  const notice = (useLocation().state as OrderPageState)?.notice;
  const company = order.company.name;

  return (
    <>
      {notice === 'rejected' ? (
        <Notice title={t('orders.order.rejectedNotice')} focus>
          <p>{t('orders.order.rejectedNoticeBody', { company })}</p>
        </Notice>
      ) : null}
      <p className="status-line">
        <span className="status-line__label">{t('orders.order.status')}</span>{' '}
        <StatusTag kind="order" status={order.status} audience="worker" />
      </p>
      <p className="lead">{texts.next(order)}</p>

      {order.status === 'needs_correction' ? <MismatchExplanation order={order} /> : null}
      {order.status === 'rejected' && order.reason ? (
        <p>{t('orders.order.yourReason', { reason: order.reason })}</p>
      ) : null}

      {order.status === 'awaiting_cardholder' ? (
        <>
          <p>{t('orders.order.startIntro')}</p>
          <p>
            <Link className="button" to={`/orders/${order.id}/details`}>
              {t('orders.order.start')}
            </Link>
          </p>
        </>
      ) : null}
      {order.status === 'delivered' ? (
        <p>
          <Link className="button" to="/cards">
            {t('orders.order.activate')}
          </Link>
        </p>
      ) : null}

      <h2>{t('orders.order.aboutTitle')}</h2>
      <SummaryList
        rows={[
          { key: 'company', label: t('orders.order.company'), value: company },
          { key: 'ordered', label: t('orders.order.ordered'), value: formatDateTime(order.created_at, language) },
          {
            key: 'name',
            label: t('orders.order.nameOnCard'),
            value: `${order.holder.given_names} ${order.holder.surname}`,
          },
          { key: 'delivery', label: t('orders.order.delivery'), value: <Address address={order.delivery} /> },
        ]}
      />

      <h2>{t('orders.timeline.title')}</h2>
      <Timeline
        entries={order.history}
        upcoming={upcomingStatuses(order.status)}
        label={t('orders.timeline.label')}
        audience="worker"
      />

      {order.status === 'awaiting_cardholder' ? (
        <>
          <h2>{t('orders.wrong.title')}</h2>
          <p>{t('orders.wrong.body', { company })}</p>
          <p>
            <Link className="action-link" to={`/orders/${order.id}/reject`}>
              {t('orders.wrong.link')}
            </Link>
          </p>
        </>
      ) : null}
      <p>
        <Link className="action-link" to="/orders">
          {t('orders.backToList')}
        </Link>
      </p>
    </>
  );
}
