// Pages loaded on demand (route `lazy`), so the first download stays small.
export { AccountPage, type AccountSaved } from '../../features/account/components/AccountPage';
export { AddressPage } from '../../features/account/components/AddressPage';
export { LanguagePage } from '../../features/account/components/LanguagePage';
export { PhoneCodePage, PhonePage } from '../../features/account/components/PhonePage';
export {
  AuthenticatorRemovePage,
  AuthenticatorSetupPage,
} from '../../features/security/components/AuthenticatorPages';
export { ChangePasswordPage } from '../../features/security/components/ChangePasswordPage';
export { SecurityPage } from '../../features/security/components/SecurityPage';
