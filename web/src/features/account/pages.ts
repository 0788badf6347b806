// The account pages, loaded together on first use (app.tsx lazy-loads this module), so the
// first screen of the app does not carry them.
export { AccountPage } from './account-page';
export { ConfirmEmailPage } from './confirm-email-page';
export { ForgotPasswordPage } from './forgot-password-page';
export { GoodbyePage } from './goodbye-page';
export { LoginCodePage } from './login-code-page';
export { LoginPage } from './login-page';
export { ResetPasswordPage } from './reset-password-page';
export { SignupPage } from './signup-page';
export { TwoFactorPage } from './two-factor-page';
export { VerifyPage } from './verify-page';
