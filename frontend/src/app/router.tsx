import type { ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { CardCheckPage } from '../features/card-check/components/CardCheckPage';
import {
  ForgotPasswordPage,
  ForgotPasswordSentPage,
} from '../features/password-reset/components/ForgotPasswordPage';
import { SignInCodePage } from '../features/sign-in/components/SignInCodePage';
import { SignInPage } from '../features/sign-in/components/SignInPage';
import { Skeleton } from '../components/ui/Skeleton';
import { RequireSignedOut, RequireSignIn } from './guards';
import { Layout } from './Layout';
import { RouteErrorBoundary } from './routes/error';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';

type Module = Record<string, unknown>;

/** A route whose component comes from a chunk loaded on first visit. */
function lazyPage<M extends Module>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

const account = () => import('./routes/lazy-account');
const onboarding = () => import('./routes/lazy-onboarding');
const staff = () => import('./routes/lazy-staff');
const cardholder = () => import('./routes/lazy-cardholder');
const orders = () => import('./routes/lazy-orders');
const company = () => import('./routes/lazy-company');
const operator = () => import('./routes/lazy-operator');

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // Shown while a lazily loaded page arrives on the first load of a deep link.
    hydrateFallbackElement: (
      <Layout>
        <Skeleton lines={4} />
      </Layout>
    ),
    children: [
      {
        // Errors render inside the layout, so the header and language switcher stay.
        errorElement: <RouteErrorBoundary />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'check', element: <CardCheckPage /> },

          // Signing in, registering, resetting a password: no session needed.
          { path: 'sign-in', element: <RequireSignedOut />, children: [{ index: true, element: <SignInPage /> }] },
          { path: 'sign-in/code', element: <SignInCodePage /> },
          {
            path: 'register',
            lazy: lazyPage(onboarding, 'RegistrationFlow'),
            children: [
              { index: true, lazy: lazyPage(onboarding, 'PasswordStep') },
              { path: 'phone', lazy: lazyPage(onboarding, 'PhoneStep') },
              { path: 'code', lazy: lazyPage(onboarding, 'CodeStep') },
              { path: 'done', lazy: lazyPage(onboarding, 'DonePage') },
              { path: 'invalid', lazy: lazyPage(onboarding, 'InvalidLinkPage') },
            ],
          },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'forgot-password/sent', element: <ForgotPasswordSentPage /> },
          {
            path: 'reset-password',
            lazy: lazyPage(onboarding, 'ResetPasswordFlow'),
            children: [
              { index: true, lazy: lazyPage(onboarding, 'NewPasswordStep') },
              { path: 'code', lazy: lazyPage(onboarding, 'ResetCodeStep') },
              { path: 'done', lazy: lazyPage(onboarding, 'ResetDonePage') },
              { path: 'invalid', lazy: lazyPage(onboarding, 'ResetInvalidPage') },
            ],
          },
          { path: 'dev/outbox', lazy: lazyPage(staff, 'OutboxPage') },
          // The worker's digital card: it guards itself, so with no connection it shows the card kept on the
          // device instead of sending the worker to sign in.
          { path: 'cards/:id/show', lazy: lazyPage(cardholder, 'ShowCardPage') },

          // Anyone signed in.
          {
            element: <RequireSignIn />,
            children: [
              { path: 'account', lazy: lazyPage(account, 'AccountPage') },
              { path: 'account/address', lazy: lazyPage(account, 'AddressPage') },
              { path: 'account/phone', lazy: lazyPage(account, 'PhonePage') },
              { path: 'account/phone/code', lazy: lazyPage(account, 'PhoneCodePage') },
              { path: 'account/language', lazy: lazyPage(account, 'LanguagePage') },
              { path: 'account/security', lazy: lazyPage(account, 'SecurityPage') },
              { path: 'account/security/password', lazy: lazyPage(account, 'ChangePasswordPage') },
              { path: 'account/security/authenticator', lazy: lazyPage(account, 'AuthenticatorSetupPage') },
              {
                path: 'account/security/authenticator/remove',
                lazy: lazyPage(account, 'AuthenticatorRemovePage'),
              },
            ],
          },
          // Cardholders: the worker's path through an order (order → details → check → done), and cards.
          {
            element: <RequireSignIn role="cardholder" />,
            children: [
              { path: 'orders', lazy: lazyPage(orders, 'MyOrdersPage') },
              { path: 'orders/:id', lazy: lazyPage(cardholder, 'OrderPage') },
              { path: 'orders/:id/details', lazy: lazyPage(cardholder, 'OrderDetailsRoute') },
              { path: 'orders/:id/check', lazy: lazyPage(cardholder, 'CheckOrderPage') },
              { path: 'orders/:id/reject', lazy: lazyPage(cardholder, 'RejectOrderPage') },
              { path: 'orders/:id/done', lazy: lazyPage(cardholder, 'OrderDonePage') },
              { path: 'cards', lazy: lazyPage(cardholder, 'MyCardsPage') },
              { path: 'cards/:id/activate', lazy: lazyPage(cardholder, 'ActivateCardPage') },
              { path: 'cards/:id/pin', lazy: lazyPage(cardholder, 'PinPage') },
              { path: 'cards/:id/lost', lazy: lazyPage(cardholder, 'ReportLostPage') },
            ],
          },
          // Company administrators; the company is in the URL so lists, filters and pages survive a reload.
          {
            element: <RequireSignIn role="company_admin" />,
            children: [
              { path: 'company', lazy: lazyPage(company, 'CompanyIndex') },
              { path: 'admin/companies/:companyId/orders/:orderId', lazy: lazyPage(company, 'AdminOrderLink') },
              {
                path: 'company/:companyId',
                lazy: lazyPage(company, 'CompanyScope'),
                children: [
                  { index: true, lazy: lazyPage(company, 'OrdersListPage') },
                  { path: 'orders', lazy: lazyPage(company, 'OrdersListPage') },
                  { path: 'orders/new', lazy: lazyPage(company, 'NewOrderPage') },
                  { path: 'orders/batch', lazy: lazyPage(company, 'BulkOrderRoute') },
                  { path: 'orders/:orderId', lazy: lazyPage(company, 'OrderDetailPage') },
                  { path: 'orders/:orderId/photo', lazy: lazyPage(company, 'PhotoPage') },
                  { path: 'orders/:orderId/correct', lazy: lazyPage(company, 'CorrectOrderPage') },
                  { path: 'orders/:orderId/cancel', lazy: lazyPage(company, 'CancelOrderPage') },
                  { path: 'cards', lazy: lazyPage(company, 'CardsListPage') },
                  { path: 'cards/:cardId', lazy: lazyPage(company, 'CardDetailPage') },
                  { path: 'cards/:cardId/renew', lazy: lazyPage(company, 'RenewCardPage') },
                  { path: 'cards/:cardId/:action', lazy: lazyPage(company, 'CardActionPage') },
                  { path: 'admins', lazy: lazyPage(company, 'CompanyAdminsRoute') },
                ],
              },
            ],
          },
          // Verifiers at identity-verification offices.
          {
            element: <RequireSignIn role="verifier" />,
            children: [
              { path: 'verifier', lazy: lazyPage(staff, 'RecordCheckPage') },
              { path: 'verifier/recorded', lazy: lazyPage(staff, 'RecordedPage') },
              { path: 'verifier/reset-phone', lazy: lazyPage(staff, 'ResetPhonePage') },
              { path: 'verifier/activate-card', lazy: lazyPage(staff, 'ActivateCardPage') },
              { path: 'verifier/records', lazy: lazyPage(staff, 'FindRecordPage') },
              { path: 'verifier/records/:id', lazy: lazyPage(staff, 'VerificationRecordPage') },
            ],
          },
          // Operators: companies and their administrators, staff, partner clients and their secrets, the
          // outbox, the audit log.
          {
            element: <RequireSignIn role="operator" />,
            children: [
              { path: 'operator', element: <Navigate to="/operator/companies" replace /> },
              { path: 'operator/companies', lazy: lazyPage(operator, 'CompaniesPage') },
              { path: 'operator/companies/new', lazy: lazyPage(operator, 'NewCompanyPage') },
              { path: 'operator/companies/:companyId', lazy: lazyPage(operator, 'OperatorCompanyRoute') },
              { path: 'operator/staff', lazy: lazyPage(operator, 'StaffPage') },
              { path: 'operator/audit-log', lazy: lazyPage(operator, 'AuditLogPage') },
              { path: 'operator/partner-clients', lazy: lazyPage(operator, 'PartnerClientsPage') },
              { path: 'operator/partner-clients/new', lazy: lazyPage(operator, 'NewPartnerClientPage') },
              { path: 'operator/partner-clients/:clientId/edit', lazy: lazyPage(operator, 'EditPartnerClientPage') },
              { path: 'operator/partner-clients/:clientId/rotate', lazy: lazyPage(operator, 'RotateSecretsPage') },
              { path: 'operator/outbox', lazy: lazyPage(operator, 'OperatorOutboxPage') },
            ],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];
