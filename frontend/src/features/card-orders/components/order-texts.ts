import { useTranslation } from 'react-i18next';
import { isOrderStatus } from '../../../lib/status';
import type { HolderOrder } from '../api/list-my-orders';

/** What an order's status means for the worker and what happens next, in one sentence. */
export function useOrderTexts() {
  const { t } = useTranslation();
  return {
    next: (order: Pick<HolderOrder, 'status' | 'company'>) =>
      isOrderStatus(order.status)
        ? t(`orders.next.${order.status}`, { company: order.company.name })
        : t('orders.next.unknown'),
  };
}
