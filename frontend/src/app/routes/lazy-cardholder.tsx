// The worker's card orders and cards, loaded on demand.
export { CheckOrderPage } from '../../features/card-orders/components/CheckOrderPage';
export { OrderDonePage } from '../../features/card-orders/components/OrderDonePage';
export { OrderPage } from '../../features/card-orders/components/OrderPage';
export { RejectOrderPage } from '../../features/card-orders/components/RejectOrderPage';
export { ActivateCardPage } from '../../features/cards/components/ActivateCardPage';
export { MyCardsPage } from '../../features/cards/components/MyCardsPage';
export { PinPage } from '../../features/cards/components/PinPage';
export { ReportLostPage } from '../../features/cards/components/ReportLostPage';
export { ShowCardPage } from '../../features/cards/components/ShowCardPage';
export { OrderDetailsRoute } from './order-details';
