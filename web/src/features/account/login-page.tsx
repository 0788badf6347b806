// /login: email and password. What happens next depends on the answer: straight on to where
// the person was going (`next`, same-site only) or home; to the two-factor code, or to setting
// two-factor up; or a kind explanation that never says which of email or password was wrong.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { login, type Credentials } from '../../api/auth';
import { ApiError } from '../../api/problem';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { PasswordInput } from '../../components/password-input';
import { fieldErrorsFrom, fieldSentence, hasFieldErrors, summaryItems } from './form-problems';
import { generalMessage, waitMessage } from './messages';
import { safeNextPath, withNext } from './next-path';
import { useSession } from './session';
import { useFormStatus } from './use-form-status';
import './account.css';
import { FormSummary } from './form-summary';

type LoginField = keyof Credentials;
const order: LoginField[] = ['email', 'password'];
const nouns: Record<LoginField, string> = { email: 'your email address', password: 'your password' };
const id = (field: LoginField) => `login-${field}`;

export function LoginPage() {
  const { state, client, signedIn } = useSession();
  const { query, route } = useLocation();
  const next = safeNextPath(query.next);
  const [form, setForm] = useState<Credentials>({ email: '', password: '' });
  const status = useFormStatus<LoginField>();
  const set = (field: LoginField) => (value: string) => setForm((now) => ({ ...now, [field]: value }));

  const submit = (event: Event) => {
    event.preventDefault();
    void status.run(async () => {
      const email = form.email.trim();
      try {
        const result = await login({ email, password: form.password }, client);
        const { mfa_required, mfa_enrollment_required, ...me } = result;
        signedIn(me);
        if (mfa_required) route(withNext('/login/code', next));
        else if (mfa_enrollment_required) route(withNext('/account/two-factor', next));
        else route(next ?? '/');
      } catch (error) {
        const found = fieldErrorsFrom(error, order, (field, message) => fieldSentence(nouns[field], message));
        if (hasFieldErrors(found)) status.fail(found);
        else status.fail({}, problemFor(error, email));
      }
    });
  };

  const { errors, general } = status;
  const items = summaryItems(errors, order, id);
  const signedInAs = state.status === 'signed-in' ? state.me : undefined;

  return (
    <Page heading="Log in">
      {signedInAs ? (
        <div class="form-note">
          <p>
            You’re logged in as {signedInAs.display_name}. <a href={next ?? '/account'}>Carry on</a>
          </p>
        </div>
      ) : null}
      <FormSummary items={items} general={general} attempt={status.attempt} />

      <form class="form-panel" noValidate onSubmit={submit}>
        <FormField id={id('email')} label="Email address" error={errors.email}>
          {(aria) => (
            <input
              {...aria}
              type="email"
              name="email"
              class="form-input"
              autocomplete="username"
              autocapitalize="off"
              spellcheck={false}
              maxLength={254}
              value={form.email}
              onInput={(e) => set('email')(e.currentTarget.value)}
            />
          )}
        </FormField>

        <FormField id={id('password')} label="Password" error={errors.password}>
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

        <div class="form-actions">
          <button type="submit" class="action-button form-submit" disabled={status.sending}>
            {status.sending ? 'Logging in…' : 'Log in'}
          </button>
          <a href="/forgot-password">Forgotten your password?</a>
        </div>
      </form>

      <div class="form-after">
        <p>
          New to Secure Base? <a href={withNext('/signup', next)}>Create an account</a>
        </p>
      </div>
    </Page>
  );
}

function problemFor(error: unknown, email: string) {
  if (error instanceof ApiError) {
    if (error.is('invalid-credentials') || error.status === 401) {
      return {
        title: 'We couldn’t log you in',
        message: (
          <>
            That email and password don’t match. Please check them and try again (capital letters count).
            If you can’t remember yours, you can <a href="/forgot-password">choose a new one</a>.
          </>
        ),
      };
    }
    if (error.is('email-not-verified')) {
      return {
        title: 'Please confirm your email address first',
        message: (
          <>
            We’ve just sent a new link to <strong class="account-address">{email}</strong>. Open it to confirm your
            address, then log in here. The link works for 24 hours.
          </>
        ),
      };
    }
    if (error.status === 429) return { title: 'Please wait a little while', message: waitMessage(error) };
  }
  return { title: 'We couldn’t log you in', message: generalMessage(error) };
}
