import { Navigate, useParams } from 'react-router';

/** Emails to company admins link to `/admin/companies/{cid}/orders/{id}`; the SPA keeps them at `/company/…`. */
export function AdminOrderLink() {
  const { companyId = '', orderId = '' } = useParams();
  return <Navigate to={`/company/${companyId}/orders/${orderId}`} replace />;
}
