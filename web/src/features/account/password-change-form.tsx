// The "Password" part of /account. A wrong current password comes back as a field error beside
// that field. Afterwards every other device is logged out; this one stays in.
import { useState } from 'preact/hooks';
import { changePassword, type PasswordChange, type PasswordChangeField } from '../../api/auth';
import { ApiError } from '../../api/problem';
import { FormField } from '../../components/form-field';
import { PasswordInput } from '../../components/password-input';
import { fieldErrorsFrom, fieldSentence, hasFieldErrors, summaryItems } from './form-problems';
import { generalMessage } from './messages';
import { useSession } from './session';
import { useFormStatus } from './use-form-status';
import { FormSummary } from './form-summary';

const order: PasswordChangeField[] = ['current_password', 'new_password'];
const id = (field: PasswordChangeField) => `password-change-${field.replace('_', '-')}`;
const nouns: Record<PasswordChangeField, string> = {
  current_password: 'your current password',
  new_password: 'your new password',
};

export function PasswordChangeForm() {
  const { client, signedOut } = useSession();
  const [form, setForm] = useState<PasswordChange>({ current_password: '', new_password: '' });
  const [changed, setChanged] = useState(false);
  const status = useFormStatus<PasswordChangeField>();
  const set = (field: PasswordChangeField) => (value: string) => {
    setChanged(false);
    setForm((now) => ({ ...now, [field]: value }));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (form.current_password === '') {
      return status.fail({ current_password: 'Please enter your current password.' });
    }
    void status.run(async () => {
      try {
        await changePassword(form, client);
        status.clear();
        setChanged(true);
        setForm({ current_password: '', new_password: '' });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return signedOut();
        const found = fieldErrorsFrom(error, order, (field, message) => fieldSentence(nouns[field], message));
        status.fail(
          found,
          hasFieldErrors(found) ? undefined : { title: 'Your password was not changed', message: generalMessage(error) },
        );
      }
    });
  };

  const { errors, general } = status;
  const items = summaryItems(errors, order, id);
  return (
    <section class="form-panel" aria-labelledby="password-change-title">
      <h2 id="password-change-title">Password</h2>
      {changed ? (
        <div class="form-note" role="status">
          <p>Your password has been changed. Any other devices you were logged in on have been logged out.</p>
        </div>
      ) : null}
      <FormSummary id="password-change-summary" items={items} general={general} attempt={status.attempt} />
      <form noValidate onSubmit={submit}>
        <FormField id={id('current_password')} label="Current password" error={errors.current_password}>
          {(aria) => (
            <PasswordInput
              aria={aria}
              name="current_password"
              autocomplete="current-password"
              value={form.current_password}
              onValue={set('current_password')}
            />
          )}
        </FormField>
        <FormField
          id={id('new_password')}
          label="New password"
          hint="At least 8 characters. A few unrelated words make a strong password that is easy to remember."
          error={errors.new_password}
        >
          {(aria) => (
            <PasswordInput
              aria={aria}
              name="new_password"
              autocomplete="new-password"
              value={form.new_password}
              onValue={set('new_password')}
            />
          )}
        </FormField>
        <button type="submit" class="action-button form-submit" disabled={status.sending}>
          {status.sending ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
