import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../../components/ui/Page';
import { Skeleton } from '../../../components/ui/Skeleton';
import { isApiError } from '../../../lib/api';
import { describeError, useMessageText } from '../../../lib/messages';
import { useMyOrder } from '../api/get-my-order';
import type { HolderOrder } from '../api/list-my-orders';

type OrderScopeProps = {
  title: string;
  progress?: ReactNode;
  children: (order: HolderOrder) => ReactNode;
};

/** Loads the order named in the URL (`:id`) for a page; a skeleton while it comes, words if it cannot. */
export function OrderScope({ title, progress, children }: OrderScopeProps) {
  const { t } = useTranslation();
  const text = useMessageText();
  const { id = '' } = useParams();
  const order = useMyOrder(id);

  if (order.isPending) {
    return (
      <Page title={title} progress={progress}>
        <Skeleton lines={6} />
      </Page>
    );
  }
  if (order.isError) {
    const missing = isApiError(order.error) && (order.error.status === 404 || order.error.status === 422);
    return (
      <Page title={missing ? t('orders.notFound.title') : title} error>
        <p role="alert">{missing ? t('orders.notFound.body') : text(describeError(order.error))}</p>
        <p>
          <Link className="action-link" to="/orders">
            {t('orders.backToList')}
          </Link>
        </p>
      </Page>
    );
  }
  return <>{children(order.data)}</>;
}

/** The `:id` of the order page the worker is on. */
export function useOrderId(): string {
  return useParams().id ?? '';
}
