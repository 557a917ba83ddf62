// Company administrators' pages (orders and cards), loaded on demand: workers never download them.
export { CancelOrderPage } from '../../features/company/components/CancelOrderPage';
export { CardActionPage } from '../../features/company/components/CardActionPage';
export { CardDetailPage } from '../../features/company/components/CardDetailPage';
export { CardsListPage } from '../../features/company/components/CardsListPage';
export { CompanyIndex, CompanyScope } from '../../features/company/components/CompanyScope';
export { CorrectOrderPage } from '../../features/company/components/CorrectOrderPage';
export { NewOrderPage } from '../../features/company/components/NewOrderPage';
export { OrderDetailPage } from '../../features/company/components/OrderDetailPage';
export { OrdersListPage } from '../../features/company/components/OrdersListPage';
export { PhotoPage } from '../../features/company/components/PhotoPage';
export { RenewCardPage } from '../../features/company/components/RenewCardPage';
export { AdminOrderLink } from './admin-link';
export { BulkOrderRoute } from './bulk-order';
export { CompanyAdminsRoute } from './company-admins';
