// "Delete my account" at the bottom of /account: says plainly what goes and what stays (past
// sessions stay with the practitioner, without the learner's name), offers the download first,
// and asks for the password (and a code when two-factor sign-in is on). The password is the
// confirmation: nothing is deleted without it. Afterwards this device forgets its drafts, as at
// log-out, and the goodbye page follows (DELETE /api/v1/me).
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { deleteAccount, type AccountDeletionField, type Me } from '../../api/me';
import { ApiError } from '../../api/problem';
import { FormField } from '../../components/form-field';
import { PasswordInput } from '../../components/password-input';
import { clearAllDrafts } from '../checkin/draft-store';
import { clearAllJournalDrafts } from '../journal/draft-store';
import { practiceQueue } from '../practices/session-queue';
import { fieldErrorsFrom, fieldSentence, hasFieldErrors, summaryItems } from './form-problems';
import { generalMessage } from './messages';
import { useSession } from './session';
import { useFormStatus } from './use-form-status';
import { FormSummary } from './form-summary';

const order: AccountDeletionField[] = ['password', 'code'];
const id = (field: AccountDeletionField) => `delete-account-${field}`;
const nouns: Record<AccountDeletionField, string> = { password: 'your password', code: 'the code' };

export function DeleteAccount({ me }: { me: Me }) {
  const { client, signedOut } = useSession();
  const { route } = useLocation();
  const needsCode = me.two_factor.enrolled;
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const status = useFormStatus<AccountDeletionField>();

  const submit = (event: Event) => {
    event.preventDefault();
    const missing: Partial<Record<AccountDeletionField, string>> = {};
    if (password === '') missing.password = 'Please enter your password.';
    if (needsCode && code.trim() === '') missing.code = 'Please enter a code from your authenticator app.';
    if (hasFieldErrors(missing)) return status.fail(missing);
    void status.run(async () => {
      try {
        await deleteAccount(needsCode ? { password, code: code.trim() } : { password }, client);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return signedOut();
        const found = fieldErrorsFrom(error, order, (field, message) => fieldSentence(nouns[field], message));
        status.fail(
          found,
          hasFieldErrors(found) ? undefined : { title: 'Your account was not deleted', message: generalMessage(error) },
        );
        return;
      }
      // Nothing of theirs stays on this device either.
      clearAllDrafts();
      clearAllJournalDrafts();
      practiceQueue.clear();
      signedOut();
      route('/goodbye');
    });
  };

  const { errors, general } = status;
  const items = summaryItems(errors, order, id);
  return (
    <section class="form-panel account-delete" aria-labelledby="account-delete-title">
      <h2 id="account-delete-title">Delete my account</h2>
      <p>If you want to leave, you can delete your account here. This cannot be undone.</p>
      <p>What goes, straight away and for good:</p>
      <ul>
        <li>your account and sign-in details</li>
        <li>your check-ins, practice records and course progress and answers</li>
        <li>your journal, and anything you shared with your therapist</li>
        <li>your place on any waiting list, and sessions that have not happened yet (your therapist is told the time is free)</li>
      </ul>
      <p>
        Sessions that have already happened stay in your therapist’s records, because she may need to keep them, but
        without your name or anything you wrote when booking.
      </p>
      <p>
        You may want to{' '}
        <a href="/api/v1/me/export" download>
          download everything about you
        </a>{' '}
        first.
      </p>
      <FormSummary id="delete-account-summary" items={items} general={general} attempt={status.attempt} />
      <form noValidate onSubmit={submit}>
        <FormField id={id('password')} label="Your password" error={errors.password}>
          {(aria) => (
            <PasswordInput
              aria={aria}
              name="password"
              autocomplete="current-password"
              value={password}
              onValue={setPassword}
            />
          )}
        </FormField>
        {needsCode ? (
          <FormField
            id={id('code')}
            label="Code from your authenticator app"
            hint="Or one of your recovery codes."
            error={errors.code}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                name="code"
                class="form-input form-input-code"
                autocomplete="one-time-code"
                autocapitalize="off"
                spellcheck={false}
                maxLength={64}
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            )}
          </FormField>
        ) : null}
        <button type="submit" class="action-button form-submit account-delete-button" disabled={status.sending}>
          {status.sending ? 'Deleting…' : 'Delete my account for good'}
        </button>
      </form>
    </section>
  );
}
