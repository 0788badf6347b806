// /forgot-password: ask for a link to choose a new password. The answer is the same whether or
// not the address has an account, so the page cannot be used to find out who uses Secure Base.
import { forgotPassword } from '../../api/auth';
import { Page } from '../../components/page';
import { EmailRequestForm } from './email-request-form';
import { useSession } from './session';
import './account.css';

export function ForgotPasswordPage() {
  const { client } = useSession();
  return (
    <Page
      heading="Forgotten your password?"
      title="Forgotten password"
      lede="It happens. Enter the email address you use for Secure Base and we’ll send you a link to choose a new password."
    >
      <EmailRequestForm
        id="forgot-email"
        submitLabel="Send the link"
        send={(email) => forgotPassword(email, client)}
        sent={(email) => (
          <p>
            If there’s an account for <strong class="account-address">{email}</strong>, we’ve sent it a link to choose a
            new password. The link works for 1 hour.
          </p>
        )}
      />
      <div class="form-after">
        <p>
          Remembered it? <a href="/login">Log in</a>
        </p>
      </div>
    </Page>
  );
}
