// /reset-password?token=: the link in the password-reset mail (1 hour, once). Choosing a new
// password ends every session of the account, this browser's too, so afterwards the page says
// so and offers to log in.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { resetPassword } from '../../api/auth';
import { ApiError } from '../../api/problem';
import { ErrorSummary } from '../../components/error-summary';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { PasswordInput } from '../../components/password-input';
import { fieldErrorsFrom, fieldSentence, hasFieldErrors } from './form-problems';
import { generalMessage } from './messages';
import { useSession } from './session';
import { useFocusOnMount } from './use-focus-on-mount';
import { useFormStatus } from './use-form-status';
import './account.css';

type Outcome = 'form' | 'changed' | 'invalid';

export function ResetPasswordPage() {
  const { query } = useLocation();
  // Read once: the link's token stays with the page even if the address bar changes.
  const [token] = useState(() => query.token);
  const [outcome, setOutcome] = useState<Outcome>(token ? 'form' : 'invalid');

  return (
    <Page heading="Choose a new password" title="New password">
      {outcome === 'changed' ? <Changed /> : outcome === 'invalid' ? <ExpiredLink /> : null}
      {outcome === 'form' && token ? <ResetForm token={token} onDone={setOutcome} /> : null}
    </Page>
  );
}

function ResetForm({ token, onDone }: { token: string; onDone: (outcome: Outcome) => void }) {
  const { client, signedOut } = useSession();
  const [password, setPassword] = useState('');
  const status = useFormStatus<'password'>();

  const submit = (event: Event) => {
    event.preventDefault();
    void status.run(async () => {
      try {
        await resetPassword({ token, password }, client);
        signedOut();
        history.replaceState(history.state, '', location.pathname);
        onDone('changed');
      } catch (error) {
        const found = fieldErrorsFrom(error, ['password'] as const, (_f, message) =>
          fieldSentence('your new password', message),
        );
        if (hasFieldErrors(found)) status.fail(found);
        else if (error instanceof ApiError && error.is('invalid-token')) onDone('invalid');
        else status.fail({}, { title: 'Your password was not changed', message: generalMessage(error) });
      }
    });
  };

  const error = status.errors.password;
  return (
    <>
      {error || status.general ? (
        <ErrorSummary
          title={status.general?.title ?? 'Please check your new password'}
          items={error ? [{ id: 'reset-password', message: error }] : []}
          attempt={status.attempt}
        >
          {status.general ? <p>{status.general.message}</p> : null}
        </ErrorSummary>
      ) : null}
      <form class="form-panel" noValidate onSubmit={submit}>
        <FormField
          id="reset-password"
          label="New password"
          hint="At least 8 characters. A few unrelated words make a strong password that is easy to remember."
          error={error}
        >
          {(aria) => (
            <PasswordInput
              aria={aria}
              name="password"
              autocomplete="new-password"
              value={password}
              onValue={setPassword}
            />
          )}
        </FormField>
        <button type="submit" class="action-button form-submit" disabled={status.sending}>
          {status.sending ? 'Saving…' : 'Save the new password'}
        </button>
      </form>
    </>
  );
}

function Changed() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section class="form-note" aria-labelledby="reset-done-title">
      <h2 id="reset-done-title" tabIndex={-1} ref={heading}>
        Your password has been changed
      </h2>
      <p>To keep your account safe, you’ve been logged out everywhere. Please log in with your new password.</p>
      <p>
        <a class="action-button account-link-button" href="/login">
          Log in
        </a>
      </p>
    </section>
  );
}

function ExpiredLink() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section class="form-note" aria-labelledby="reset-expired-title">
      <h2 id="reset-expired-title" tabIndex={-1} ref={heading}>
        This link has expired or has already been used
      </h2>
      <p>
        For your safety, links to choose a new password work once, for 1 hour. You can ask for a new one; it only takes a
        moment.
      </p>
      <p>
        <a href="/forgot-password">Send me a new link</a>
      </p>
    </section>
  );
}
