import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { BulkOrderPage } from '../../features/bulk-orders/components/BulkOrderPage';
import { companyOrdersQueryKey } from '../../features/company/api/list-orders';
import { useCompany } from '../../features/company/components/CompanyScope';
import type { OrdersListState } from '../../features/company/components/OrdersListPage';

/**
 * `/company/:companyId/orders/batch`: ordering from a CSV file, inside the company's scope. Composed
 * here because it joins the bulk-orders feature to the company's orders list, where it ends.
 */
export function BulkOrderRoute() {
  const company = useCompany();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ordersPath = `/company/${company.id}/orders`;
  return (
    <BulkOrderPage
      company={company}
      ordersPath={ordersPath}
      onOrdered={(count) => {
        void queryClient.invalidateQueries({ queryKey: companyOrdersQueryKey(company.id) });
        const state: OrdersListState = { batchOrdered: count };
        void navigate(ordersPath, { state });
      }}
    />
  );
}
