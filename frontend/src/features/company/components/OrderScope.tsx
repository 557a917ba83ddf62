import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { isApiError } from '../../../lib/api';
import { describeError, useMessageText } from '../../../lib/messages';
import { useCompanyOrder } from '../api/get-order';
import type { CompanyOrder } from '../api/list-orders';
import { useCompany } from './CompanyScope';

/** Loads the company order named in the URL (`:orderId`) for a page about it. */
type CompanyOrderScopeProps = { title: string; children: (order: CompanyOrder) => ReactNode };

export function CompanyOrderScope({ title, children }: CompanyOrderScopeProps) {
  const { t } = useTranslation();
  const text = useMessageText();
  const company = useCompany();
  const { orderId } = useParams();
  const order = useCompanyOrder(company.id, orderId);
  if (order.isPending) {
    return (
      <Page title={title} caption={company.name}>
        <Skeleton lines={6} />
      </Page>
    );
  }
  if (order.isError) {
    const missing = isApiError(order.error) && (order.error.status === 404 || order.error.status === 422);
    return (
      <Page title={missing ? t('company.order.notFound') : title} caption={company.name} error>
        <p role="alert">{missing ? t('company.order.notFoundBody') : text(describeError(order.error))}</p>
        <p>
          <Link className="action-link" to={`/company/${company.id}/orders`}>
            {t('company.order.backToList')}
          </Link>
        </p>
      </Page>
    );
  }
  return <>{children(order.data)}</>;
}
