// A one-field form that asks for an email address and sends something to it: a new sign-up
// link, or a password-reset link. The server answers 202 whatever the address, so the message
// afterwards says "if there is an account…" and never reveals whether there is.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorSummary } from '../../components/error-summary';
import { FormField } from '../../components/form-field';
import { fieldErrorsFrom, fieldSentence, hasFieldErrors } from './form-problems';
import { generalMessage } from './messages';
import { useFocusOnMount } from './use-focus-on-mount';
import { useFormStatus } from './use-form-status';

interface EmailRequestFormProps {
  id: string;
  hint?: ComponentChildren;
  submitLabel: string;
  send: (email: string) => Promise<unknown>;
  /** What to say once sent, about the address it was sent to. */
  sent: (email: string) => ComponentChildren;
}

export function EmailRequestForm({ id, hint, submitLabel, send, sent }: EmailRequestFormProps) {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | undefined>();
  const status = useFormStatus<'email'>();

  const submit = (event: Event) => {
    event.preventDefault();
    const address = email.trim();
    if (address === '') {
      status.fail({ email: 'Please enter your email address.' });
      return;
    }
    void status.run(async () => {
      try {
        await send(address);
        status.clear();
        setSentTo(address);
      } catch (error) {
        const found = fieldErrorsFrom(error, ['email'] as const, (_field, message) =>
          fieldSentence('your email address', message),
        );
        if (hasFieldErrors(found)) status.fail(found);
        else status.fail({}, { title: 'That didn’t go through', message: generalMessage(error) });
      }
    });
  };

  if (sentTo !== undefined) {
    return <Sent onAgain={() => setSentTo(undefined)}>{sent(sentTo)}</Sent>;
  }

  const error = status.errors.email;
  return (
    <>
      {error || status.general ? (
        <ErrorSummary
          title={status.general?.title ?? 'Please check your email address'}
          items={error ? [{ id, message: error }] : []}
          attempt={status.attempt}
        >
          {status.general ? <p>{status.general.message}</p> : null}
        </ErrorSummary>
      ) : null}
      <form class="form-panel" noValidate onSubmit={submit}>
        <FormField id={id} label="Email address" hint={hint} error={error}>
          {(aria) => (
            <input
              {...aria}
              type="email"
              name="email"
              class="form-input"
              autocomplete="email"
              autocapitalize="off"
              spellcheck={false}
              maxLength={254}
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </FormField>
        <button type="submit" class="action-button form-submit" disabled={status.sending}>
          {status.sending ? 'Sending…' : submitLabel}
        </button>
      </form>
    </>
  );
}

function Sent({ children, onAgain }: { children: ComponentChildren; onAgain: () => void }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section class="form-note" aria-labelledby="email-sent-title">
      <h2 id="email-sent-title" tabIndex={-1} ref={heading}>
        Check your email
      </h2>
      {children}
      <p class="form-muted">Nothing there after a few minutes? Look in your spam or junk folder, or send it again.</p>
      <p>
        <button type="button" class="link-button" onClick={onAgain}>
          Send it again
        </button>
      </p>
    </section>
  );
}
