// The password asked again before a change to how someone signs in (beginning two-factor sign-in,
// making new recovery codes), so that a session left open on a shared computer cannot make it:
// the field, its error summary and the button. `send` makes the request with the password; a
// wrong one comes back as a field error on `current_password` and is said beside the field; a
// 401 signs out; `onRefused` may take a refusal of its own first (returning true); anything else
// is said in the summary under `failedTitle`. The typed password lives in this form only, and is
// forgotten once sent successfully.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/problem';
import { ErrorSummary } from '../../components/error-summary';
import { FormField } from '../../components/form-field';
import { PasswordInput } from '../../components/password-input';
import { fieldErrorsFrom, fieldSentence, hasFieldErrors } from './form-problems';
import { generalMessage } from './messages';
import { useSession } from './session';
import { useFormStatus } from './use-form-status';

interface PasswordAgainFormProps {
  /** The field's id; the summary's is `${id}-summary`. */
  id: string;
  hint: string;
  submitLabel: string;
  sendingLabel: string;
  failedTitle: string;
  send: (password: string) => Promise<void>;
  onRefused?: (error: unknown) => boolean;
}

export function PasswordAgainForm({
  id,
  hint,
  submitLabel,
  sendingLabel,
  failedTitle,
  send,
  onRefused,
}: PasswordAgainFormProps) {
  const { signedOut } = useSession();
  const [password, setPassword] = useState('');
  const status = useFormStatus<'current_password'>();

  const submit = (event: Event) => {
    event.preventDefault();
    if (password === '') return status.fail({ current_password: 'Please enter your password.' });
    void status.run(async () => {
      try {
        await send(password);
        setPassword('');
      } catch (error) {
        if (onRefused?.(error)) return;
        if (error instanceof ApiError && error.status === 401) return signedOut();
        const found = fieldErrorsFrom(error, ['current_password'], (_, message) =>
          fieldSentence('your password', message),
        );
        status.fail(found, hasFieldErrors(found) ? undefined : { title: failedTitle, message: generalMessage(error) });
      }
    });
  };

  return (
    <>
      {status.errors.current_password || status.general ? (
        <ErrorSummary
          id={`${id}-summary`}
          title={status.general?.title ?? 'Please check your password'}
          items={status.errors.current_password ? [{ id, message: status.errors.current_password }] : []}
          attempt={status.attempt}
        >
          {status.general ? <p>{status.general.message}</p> : null}
        </ErrorSummary>
      ) : null}
      <form noValidate onSubmit={submit}>
        <FormField id={id} label="Your password" hint={hint} error={status.errors.current_password}>
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
          {status.sending ? sendingLabel : submitLabel}
        </button>
      </form>
    </>
  );
}
