// The "Email address" part of /account. Changing it needs the password; the new address only
// takes over once its owner opens the link sent there, and the old address gets a notice, so a
// stolen session alone cannot move the account away.
import { useState } from 'preact/hooks';
import { changeEmail, type EmailChange, type EmailChangeField } from '../../api/auth';
import type { Me } from '../../api/me';
import { ApiError } from '../../api/problem';
import { FormField } from '../../components/form-field';
import { PasswordInput } from '../../components/password-input';
import { fieldErrorsFrom, fieldSentence, hasFieldErrors, summaryItems } from './form-problems';
import { generalMessage } from './messages';
import { useSession } from './session';
import { useFormStatus } from './use-form-status';
import { FormSummary } from './form-summary';

const order: EmailChangeField[] = ['new_email', 'password'];
const id = (field: EmailChangeField) => `email-change-${field.replace('_', '-')}`;

function sentence(field: EmailChangeField, message: string): string {
  return field === 'password'
    ? fieldSentence('your password', message)
    : fieldSentence('the new email address', message);
}

export function EmailChangeForm({ me }: { me: Me }) {
  const { client, signedOut } = useSession();
  const [form, setForm] = useState<EmailChange>({ new_email: '', password: '' });
  const [sentTo, setSentTo] = useState<string | undefined>();
  const status = useFormStatus<EmailChangeField>();
  const set = (field: EmailChangeField) => (value: string) => setForm((now) => ({ ...now, [field]: value }));

  const submit = (event: Event) => {
    event.preventDefault();
    const newEmail = form.new_email.trim();
    const missing: Partial<Record<EmailChangeField, string>> = {};
    if (newEmail === '') missing.new_email = 'Please enter the new email address.';
    if (form.password === '') missing.password = 'Please enter your password, to show it’s really you.';
    if (hasFieldErrors(missing)) return status.fail(missing);
    void status.run(async () => {
      try {
        await changeEmail({ new_email: newEmail, password: form.password }, client);
        status.clear();
        setSentTo(newEmail);
        setForm({ new_email: '', password: '' });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return signedOut();
        const found = fieldErrorsFrom(error, order, sentence);
        status.fail(
          found,
          hasFieldErrors(found) ? undefined : { title: 'Your email address was not changed', message: generalMessage(error) },
        );
      }
    });
  };

  const { errors, general } = status;
  const items = summaryItems(errors, order, id);
  return (
    <section class="form-panel" aria-labelledby="email-change-title">
      <h2 id="email-change-title">Email address</h2>
      <p>
        You log in with <strong class="account-address">{me.email}</strong>.
      </p>
      {sentTo ? (
        <div class="form-note" role="status">
          <p>
            Nearly done: we’ve sent a link to <strong class="account-address">{sentTo}</strong>. Your address changes
            when you open it. The link works for 24 hours. We’ve also let {me.email} know, in case this wasn’t you.
          </p>
        </div>
      ) : null}
      <FormSummary id="email-change-summary" items={items} general={general} attempt={status.attempt} />
      <form noValidate onSubmit={submit}>
        <FormField id={id('new_email')} label="New email address" error={errors.new_email}>
          {(aria) => (
            <input
              {...aria}
              type="email"
              name="new_email"
              class="form-input"
              autocomplete="email"
              autocapitalize="off"
              spellcheck={false}
              maxLength={254}
              value={form.new_email}
              onInput={(e) => set('new_email')(e.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField
          id={id('password')}
          label="Your password"
          hint="To show it’s really you."
          error={errors.password}
        >
          {(aria) => (
            <PasswordInput
              aria={aria}
              name="password"
              autocomplete="current-password"
              value={form.password}
              onValue={set('password')}
            />
          )}
        </FormField>
        <button type="submit" class="action-button form-submit" disabled={status.sending}>
          {status.sending ? 'Sending…' : 'Change email address'}
        </button>
      </form>
    </section>
  );
}
