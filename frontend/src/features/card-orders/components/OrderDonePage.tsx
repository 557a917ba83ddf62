import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Address } from '../../../components/ui/Address';
import { Page } from '../../../components/ui/Page';
import { WorkerProgress } from '../../../components/ui/WorkerProgress';
import { AuthenticatorOffer } from './AuthenticatorOffer';
import { OrderScope } from './OrderScope';

/** After Accept: confirmed, and what happens next (production, delivery, activation). */
export function OrderDonePage() {
  const { t } = useTranslation();
  return (
    <OrderScope title={t('orders.done.title')}>
      {(order) => (
        <Page title={t('orders.done.title')} caption={order.company.name} progress={<WorkerProgress step="done" />}>
          <div className="panel panel--success" role="status">
            <p className="panel__body">{t('orders.done.panel')}</p>
          </div>
          <h2>{t('orders.done.nextTitle')}</h2>
          <ol className="list-number">
            <li>{t('orders.done.next1', { company: order.company.name })}</li>
            <li>
              {t('orders.done.next2')}
              <Address address={order.delivery} />
            </li>
            <li>{t('orders.done.next3')}</li>
          </ol>
          <p>{t('orders.done.email')}</p>
          <AuthenticatorOffer returnTo={`/orders/${order.id}`} />
          <p>
            <Link className="action-link" to={`/orders/${order.id}`}>
              {t('orders.check.seeOrder')}
            </Link>
          </p>
          <p>
            <Link className="action-link" to="/cards">
              {t('nav.cards')}
            </Link>
          </p>
        </Page>
      )}
    </OrderScope>
  );
}
