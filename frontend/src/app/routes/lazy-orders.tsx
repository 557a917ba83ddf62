// "My card orders", the page a worker's links lead to, loaded on demand in a chunk of its own: a first load of
// /orders waits for this page's code only, not for the rest of the cardholder pages (the order check with its
// address and phone forms, the digital card with its QR code) that `lazy-cardholder` carries.
export { MyOrdersPage } from '../../features/card-orders/components/MyOrdersPage';
