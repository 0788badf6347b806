// /verify?token=: the link in the sign-up mail. Confirms the address, then offers to log in.
// A link that is wrong, used or older than 24 hours gets a kind word and a way to a new one.
import { resendVerification, verifyEmail } from '../../api/auth';
import { Page } from '../../components/page';
import { useLocation } from 'preact-iso';
import { EmailRequestForm } from './email-request-form';
import { generalMessage } from './messages';
import { useSession } from './session';
import { useFocusOnMount } from './use-focus-on-mount';
import { useTokenAction } from './use-token-action';
import './account.css';

export function VerifyPage() {
  const { client } = useSession();
  const { query } = useLocation();
  const { outcome, retry } = useTokenAction(query.token, (token) => verifyEmail(token, client));

  return (
    <Page heading="Confirm your email" title="Confirm email">
      {outcome.status === 'working' ? (
        <p role="status" class="form-muted">
          Confirming your email address…
        </p>
      ) : outcome.status === 'done' ? (
        <Confirmed />
      ) : outcome.status === 'invalid' ? (
        <ExpiredLink />
      ) : (
        <div class="form-panel" role="status">
          <p>{generalMessage(outcome.error)}</p>
          <button type="button" class="action-button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
    </Page>
  );
}

function Confirmed() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section class="form-note" aria-labelledby="verify-done-title">
      <h2 id="verify-done-title" tabIndex={-1} ref={heading}>
        Your email is confirmed
      </h2>
      <p>Thank you. Your account is ready, and you can log in now.</p>
      <p>
        <a class="action-button account-link-button" href="/login">
          Log in
        </a>
      </p>
    </section>
  );
}

function ExpiredLink() {
  const { client } = useSession();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <>
      <section class="account-intro" aria-labelledby="verify-expired-title">
        <h2 id="verify-expired-title" tabIndex={-1} ref={heading}>
          This link has expired or has already been used
        </h2>
        <p>
          Links to confirm an email address work once, for 24 hours, which is easy to miss. Enter your email address
          and we’ll send you a new one.
        </p>
      </section>
      <EmailRequestForm
        id="verify-email"
        submitLabel="Send a new link"
        send={(email) => resendVerification(email, client)}
        sent={(email) => (
          <p>
            If <strong class="account-address">{email}</strong> has an account waiting to be confirmed, a new link is
            on its way. It works for 24 hours.
          </p>
        )}
      />
    </>
  );
}
