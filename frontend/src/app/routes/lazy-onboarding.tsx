// Registration and password reset, loaded on demand (they bring the password-strength meter). The
// "forgot password" form, a public page, is in the first download (see the router).
export { CodeStep } from '../../features/registration/components/CodeStep';
export { DonePage, InvalidLinkPage } from '../../features/registration/components/DonePage';
export { PasswordStep } from '../../features/registration/components/PasswordStep';
export { PhoneStep } from '../../features/registration/components/PhoneStep';
export { RegistrationFlow } from '../../features/registration/components/RegistrationFlow';
export {
  NewPasswordStep,
  ResetCodeStep,
  ResetDonePage,
  ResetInvalidPage,
  ResetPasswordFlow,
} from '../../features/password-reset/components/ResetPasswordFlow';
