import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Address } from '../../components/ui/Address';
import { Page } from '../../components/ui/Page';
import { Skeleton } from '../../components/ui/Skeleton';
import { SummaryList, type SummaryRow } from '../../components/ui/SummaryList';
import { WorkerProgress } from '../../components/ui/WorkerProgress';
import { AddressForm } from '../../features/account/components/AddressPage';
import { myOrdersQueryKey } from '../../features/card-orders/api/list-my-orders';
import { OrderScope } from '../../features/card-orders/components/OrderScope';
import { useMe } from '../../lib/auth';
import { formatPhone } from '../../lib/phone';

/**
 * Step "your details" of the worker's path: the contact details an order needs before it can be
 * accepted (phone, address, postal code, city, country). Missing ones are asked for here; complete
 * ones are shown with change links. Composed here because it joins the order and account features.
 */
export function OrderDetailsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const progress = <WorkerProgress step="details" />;

  return (
    <OrderScope title={t('orders.details.title')} progress={progress}>
      {(order) => {
        const checkPath = `/orders/${order.id}/check`;
        const addressMissing = order.missing_contact_fields.some((field) => field !== 'phone');
        const phoneMissing = order.missing_contact_fields.includes('phone');
        const showForm = addressMissing || params.get('change') === 'address';
        // The number on file, so the worker knows which phone we will use (and can change it).
        const phoneRow: SummaryRow | null = me.data?.contact.phone
          ? {
              key: 'phone',
              label: t('account.contact.phone'),
              value: formatPhone(me.data.contact.phone),
              action: (
                <Link to="/account/phone">
                  {t('common.change')}{' '}
                  <span className="visually-hidden">{t('account.contact.phoneLower')}</span>
                </Link>
              ),
            }
          : null;
        return (
          <Page title={t('orders.details.title')} caption={order.company.name} progress={progress}>
            <p>{t('orders.details.intro')}</p>
            {!me.data ? (
              <Skeleton lines={5} />
            ) : (
              <>
                {phoneMissing ? (
                  <div className="warning-box">
                    <p>{t('orders.details.phoneMissing')}</p>
                    <p>
                      <Link to="/account/phone">{t('orders.details.addPhone')}</Link>
                    </p>
                  </div>
                ) : null}
                {showForm ? (
                  <>
                    {phoneRow ? <SummaryList rows={[phoneRow]} /> : null}
                    <h2>{t('address.title')}</h2>
                    {addressMissing ? <p>{t('orders.details.addressMissing')}</p> : null}
                    <AddressForm
                      contact={me.data.contact}
                      submitLabel={t('orders.details.saveAndContinue')}
                      onSaved={() =>
                        void queryClient
                          .invalidateQueries({ queryKey: myOrdersQueryKey })
                          .then(() => navigate(checkPath))
                      }
                      cancel={
                        addressMissing ? undefined : (
                          <Link className="action-link" to={checkPath}>
                            {t('common.cancel')}
                          </Link>
                        )
                      }
                    />
                  </>
                ) : (
                  <>
                    <SummaryList
                      rows={[
                        phoneRow ?? {
                          key: 'phone',
                          label: t('account.contact.phone'),
                          value: t('account.contact.notGiven'),
                          action: (
                            <Link to="/account/phone">
                              {t('common.add')}{' '}
                              <span className="visually-hidden">{t('account.contact.phoneLower')}</span>
                            </Link>
                          ),
                        },
                        {
                          key: 'address',
                          label: t('account.contact.address'),
                          value: <Address address={me.data.contact} />,
                          action: (
                            <Link to="?change=address">
                              {t('common.change')}{' '}
                              <span className="visually-hidden">{t('account.contact.addressLower')}</span>
                            </Link>
                          ),
                        },
                      ]}
                    />
                    <Link className="button" to={checkPath}>
                      {t('common.continue')}
                    </Link>
                  </>
                )}
              </>
            )}
          </Page>
        );
      }}
    </OrderScope>
  );
}
