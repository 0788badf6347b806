// /confirm-email?token=: the link sent to a new email address. Once opened, the account uses the
// new address (the server sent a notice to the old one when the change was asked for).
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { confirmEmailChange } from '../../api/auth';
import { Page } from '../../components/page';
import { generalMessage } from './messages';
import { useSession } from './session';
import { useFocusOnMount } from './use-focus-on-mount';
import { useTokenAction } from './use-token-action';
import './account.css';

export function ConfirmEmailPage() {
  const { client, refresh } = useSession();
  const { query } = useLocation();
  const { outcome, retry } = useTokenAction(query.token, async (token) => {
    const answer = await confirmEmailChange(token, client);
    void refresh();
    return answer;
  });

  return (
    <Page heading="Confirm your new email address" title="Confirm email">
      {outcome.status === 'working' ? (
        <p role="status" class="form-muted">
          Confirming your new email address…
        </p>
      ) : outcome.status === 'done' ? (
        <Result title="Your email address has changed">
          <p>
            From now on, Secure Base uses <strong class="account-address">{outcome.value.email}</strong>. Use it the
            next time you log in.
          </p>
          <p>
            <a href="/account">Go to your account</a>
          </p>
        </Result>
      ) : outcome.status === 'invalid' ? (
        <Result title="This link has expired or has already been used">
          <p>
            Links to confirm a new email address work once, for 24 hours. Your address has not changed. You can ask for
            a new link from your account page.
          </p>
          <p>
            <a href="/account">Go to your account</a>
          </p>
        </Result>
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

function Result({ title, children }: { title: string; children: ComponentChildren }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section class="form-note" aria-labelledby="confirm-email-title">
      <h2 id="confirm-email-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}
