// /signup: create a learner's account. The password rule is said before anyone types, the time
// zone and country start from what this device suggests, and every refusal is shown beside its
// field. After sending, the page says "check your email" in words that are true whether or not
// the address already had an account (the server answers 202 either way, and mails the owner).
import { useState } from 'preact/hooks';
import { resendVerification, signup, type SignupField, type SignupForm } from '../../api/auth';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { PasswordInput } from '../../components/password-input';
import { guessedCountry } from './countries';
import { fieldErrorsFrom, fieldSentence, hasFieldErrors, summaryItems } from './form-problems';
import { generalMessage } from './messages';
import { CountrySelect, TimeZoneSelect } from './profile-selects';
import { useSession } from './session';
import { browserTimeZone } from './time-zones';
import { useFocusOnMount } from './use-focus-on-mount';
import { useFormStatus } from './use-form-status';
import './account.css';
import { FormSummary } from './form-summary';

const order: SignupField[] = ['email', 'display_name', 'password', 'time_zone', 'country'];

const nouns: Record<SignupField, string> = {
  email: 'your email address',
  display_name: 'your name',
  password: 'your password',
  time_zone: 'the time zone',
  country: 'the country',
};

export function signupSentence(field: SignupField, message: string): string {
  if (field === 'time_zone') return 'Please choose your time zone from the list.';
  if (field === 'country') return 'Please choose your country from the list.';
  return fieldSentence(nouns[field], message);
}

const id = (field: SignupField) => `signup-${field.replace('_', '-')}`;

export function SignupPage() {
  const { state } = useSession();
  const [sentTo, setSentTo] = useState<string | undefined>();

  return (
    <Page heading="Create your account" title="Sign up">
      {state.status === 'signed-in' ? (
        <div class="form-note">
          <p>
            You’re already logged in as {state.me.display_name}. <a href="/account">Go to your account</a>
          </p>
        </div>
      ) : sentTo !== undefined ? (
        <CheckEmail email={sentTo} onChangeAddress={() => setSentTo(undefined)} />
      ) : null}
      {/* Kept mounted while "check your email" shows, so "use a different address" brings back
          everything that was typed. */}
      <div hidden={sentTo !== undefined || state.status === 'signed-in'}>
        <SignupFormView onSent={setSentTo} />
      </div>
    </Page>
  );
}

function SignupFormView({ onSent }: { onSent: (email: string) => void }) {
  const { client } = useSession();
  const [form, setForm] = useState<SignupForm>(() => {
    const zone = browserTimeZone();
    return { email: '', display_name: '', password: '', time_zone: zone, country: guessedCountry(zone) };
  });
  const status = useFormStatus<SignupField>();
  const set = (field: SignupField) => (value: string) => setForm((now) => ({ ...now, [field]: value }));

  const submit = (event: Event) => {
    event.preventDefault();
    void status.run(async () => {
      try {
        await signup({ ...form, email: form.email.trim(), display_name: form.display_name.trim() }, client);
        onSent(form.email.trim());
      } catch (error) {
        const found = fieldErrorsFrom(error, order, signupSentence);
        status.fail(
          found,
          hasFieldErrors(found) ? undefined : { title: 'Your account was not created', message: generalMessage(error) },
        );
      }
    });
  };

  const { errors, general } = status;
  const items = summaryItems(errors, order, id);
  return (
    <>
      <FormSummary items={items} general={general} attempt={status.attempt} />

      <form class="form-panel" noValidate onSubmit={submit}>
        <p class="form-muted">All fields are needed. It takes about a minute.</p>

        <FormField id={id('email')} label="Email address" error={errors.email}>
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
              value={form.email}
              onInput={(e) => set('email')(e.currentTarget.value)}
            />
          )}
        </FormField>

        <FormField
          id={id('display_name')}
          label="Your name"
          hint="What you’d like to be called. A first name or a nickname is fine."
          error={errors.display_name}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              name="display_name"
              class="form-input"
              autocomplete="nickname"
              maxLength={80}
              value={form.display_name}
              onInput={(e) => set('display_name')(e.currentTarget.value)}
            />
          )}
        </FormField>

        <FormField
          id={id('password')}
          label="Password"
          hint="At least 8 characters. A few unrelated words make a strong password that is easy to remember."
          error={errors.password}
        >
          {(aria) => (
            <PasswordInput
              aria={aria}
              name="password"
              autocomplete="new-password"
              value={form.password}
              onValue={set('password')}
            />
          )}
        </FormField>

        <FormField
          id={id('time_zone')}
          label="Time zone"
          hint="So times are shown as your clock shows them. We’ve picked the one this device uses."
          error={errors.time_zone}
        >
          {(aria) => <TimeZoneSelect aria={aria} name="time_zone" value={form.time_zone} onValue={set('time_zone')} />}
        </FormField>

        <FormField
          id={id('country')}
          label="Country"
          hint="Where you live, so “Need help now” shows the right support lines."
          error={errors.country}
        >
          {(aria) => <CountrySelect aria={aria} name="country" value={form.country} onValue={set('country')} />}
        </FormField>

        <button type="submit" class="action-button form-submit" disabled={status.sending}>
          {status.sending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>

      <div class="form-after">
        <p>
          Already have an account? <a href="/login">Log in</a>
        </p>
      </div>
    </>
  );
}

function CheckEmail({ email, onChangeAddress }: { email: string; onChangeAddress: () => void }) {
  const { client } = useSession();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [resent, setResent] = useState<'no' | 'sending' | 'sent' | 'failed'>('no');

  const resend = async () => {
    setResent('sending');
    try {
      await resendVerification(email, client);
      setResent('sent');
    } catch {
      setResent('failed');
    }
  };

  return (
    <section class="form-note" aria-labelledby="signup-sent-title">
      <h2 id="signup-sent-title" tabIndex={-1} ref={heading}>
        Check your email
      </h2>
      <p>
        We’ve sent a message to <strong class="account-address">{email}</strong>. Open the link in it to confirm your
        address and finish creating your account. The link works for 24 hours.
      </p>
      <p>If this address already has an account, the message says so instead, and how to log in.</p>
      <p class="form-muted">Nothing there after a few minutes? Look in your spam or junk folder, or send it again.</p>
      <div class="form-actions">
        <button type="button" class="form-secondary" onClick={resend} disabled={resent === 'sending'}>
          Send it again
        </button>
        <button type="button" class="link-button" onClick={onChangeAddress}>
          Use a different email address
        </button>
      </div>
      <p role="status" class="account-status">
        {resent === 'sent'
          ? 'We’ve sent it again.'
          : resent === 'failed'
            ? 'We couldn’t send it just now. Please check your connection and try again.'
            : ''}
      </p>
    </section>
  );
}
