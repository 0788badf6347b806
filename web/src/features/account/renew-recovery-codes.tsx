// "Make new recovery codes" on the two-factor page, once two-factor sign-in is on: for someone
// who has used some of their codes or cannot find them. It asks for the password again (a
// session left open elsewhere must not be able to read off a fresh set), then shows the new
// codes once. The old ones stop working at once, and the server mails the owner to say so.
import { useState } from 'preact/hooks';
import { renewRecoveryCodes } from '../../api/auth';
import type { Me } from '../../api/me';
import { ApiError } from '../../api/problem';
import { ErrorSummary } from '../../components/error-summary';
import { FormField } from '../../components/form-field';
import { PasswordInput } from '../../components/password-input';
import { fieldErrorsFrom, fieldSentence, hasFieldErrors } from './form-problems';
import { generalMessage } from './messages';
import { RecoveryCodes } from './recovery-codes';
import { useSession } from './session';
import { useFocusOnMount } from './use-focus-on-mount';
import { useFormStatus } from './use-form-status';

export function RenewRecoveryCodes({ me }: { me: Me }) {
  const { client, refresh, signedOut } = useSession();
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | undefined>();
  const status = useFormStatus<'current_password'>();

  if (codes) return <NewCodes codes={codes} email={me.email} />;

  const submit = (event: Event) => {
    event.preventDefault();
    if (password === '') return status.fail({ current_password: 'Please enter your password.' });
    void status.run(async () => {
      try {
        const renewed = await renewRecoveryCodes(password, client);
        setPassword('');
        setCodes(renewed.recovery_codes);
        // The count of codes left, on this page and the account page.
        void refresh();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return signedOut();
        const found = fieldErrorsFrom(error, ['current_password'], (_, message) =>
          fieldSentence('your password', message),
        );
        status.fail(
          found,
          hasFieldErrors(found) ? undefined : { title: 'We could not make new codes', message: generalMessage(error) },
        );
      }
    });
  };

  return (
    <section class="form-panel" aria-labelledby="renew-codes-title">
      <h2 id="renew-codes-title">Make new recovery codes</h2>
      <p>
        If you have used some of your recovery codes, or you’re not sure where they are, you can make a new set of ten.
        The codes you have now will stop working straight away, and we’ll send you an email to say so.
      </p>
      {status.errors.current_password || status.general ? (
        <ErrorSummary
          id="renew-codes-summary"
          title={status.general?.title ?? 'Please check your password'}
          items={
            status.errors.current_password ? [{ id: 'renew-codes-password', message: status.errors.current_password }] : []
          }
          attempt={status.attempt}
        >
          {status.general ? <p>{status.general.message}</p> : null}
        </ErrorSummary>
      ) : null}
      <form noValidate onSubmit={submit}>
        <FormField
          id="renew-codes-password"
          label="Your password"
          hint="To keep your account safe, we ask for it again before showing new codes."
          error={status.errors.current_password}
        >
          {(aria) => (
            <PasswordInput
              aria={aria}
              name="current_password"
              autocomplete="current-password"
              value={password}
              onValue={setPassword}
            />
          )}
        </FormField>
        <button type="submit" class="action-button form-submit" disabled={status.sending}>
          {status.sending ? 'Making new codes…' : 'Make new recovery codes'}
        </button>
      </form>
    </section>
  );
}

function NewCodes({ codes, email }: { codes: string[]; email: string }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section class="form-panel" aria-labelledby="renew-codes-done-title">
      <h2 id="renew-codes-done-title" tabIndex={-1} ref={heading}>
        Your new recovery codes
      </h2>
      <p>Your old codes no longer work. These ten replace them.</p>
      <RecoveryCodes codes={codes} email={email} />
    </section>
  );
}
