// First-run setup (/setup, not in the navigation): the person who runs the practice creates the
// practitioner's account once, with the one-time token from the server's log. Once there is a
// practitioner the server refuses setup (409), and this page says kindly that there is nothing
// to do. What is typed stays in this component's state only: nothing goes to storage.
//
// Errors follow the GOV.UK pattern (WCAG 3.3.1 and 3.3.3): a summary at the top that takes
// focus and links to each field, and each field's own message beside it, tied to the input
// with aria-describedby and aria-invalid. The form is `noValidate` so every message comes in
// one voice, from the server's `errors[]`.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client';
import { ApiError } from '../../api/problem';
import { completeSetup, setupStatus, type SetupField, type SetupForm } from '../../api/setup';
import { Page } from '../../components/page';
import { builtInCountries } from '../safety/built-in-lines';
import { countryFromTimeZone, defaultCountry } from '../safety/country-guess';
import './setup-page.css';

type Phase = 'checking' | 'unreachable' | 'needed' | 'not-needed' | 'created';

/** Field names as the server sends them, in the order the form shows them. */
const fieldOrder: SetupField[] = ['token', 'email', 'display_name', 'password', 'time_zone', 'country'];

const fieldLabels: Record<SetupField, string> = {
  token: 'Setup token',
  email: 'Email address',
  display_name: 'Your name',
  password: 'Password',
  time_zone: 'Time zone',
  country: 'Country',
};

/** How a sentence names each field: "Please enter your name as text." */
const fieldNouns: Record<SetupField, string> = {
  token: 'the setup token',
  email: 'your email address',
  display_name: 'your name',
  password: 'your password',
  time_zone: 'the time zone',
  country: 'the country',
};

type FieldErrors = Partial<Record<SetupField, string>>;

/** The server's short message for a field, turned into a kind, whole sentence. */
export function fieldMessage(field: string, message: string): string {
  const text = message.trim().replace(/\.$/, '');
  if (text === 'must be text') return `Please enter ${fieldNouns[field as SetupField] ?? field} as text.`;
  switch (field) {
    case 'token':
      return `That setup token ${text}. Please copy it again, all 32 characters.`;
    case 'email':
      return `Please check your email address: ${text}.`;
    case 'display_name':
      return `Your name ${text}.`;
    case 'password':
      return `Your password ${text}.`;
    case 'time_zone':
      return 'Please choose your time zone from the list.';
    case 'country':
      return 'Please choose your country from the list.';
    default:
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }
}

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function timeZones(current: string): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = new Set(typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('timeZone') : []);
  zones.add(current);
  return [...zones].sort();
}

function fieldId(field: SetupField): string {
  return `setup-${field.replace('_', '-')}`;
}

interface SetupPageProps {
  /** For tests; the app uses the shared same-origin client. */
  client?: ApiClient;
}

export function SetupPage({ client }: SetupPageProps) {
  const [phase, setPhase] = useState<Phase>('checking');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setPhase('checking');
    setupStatus(client, { signal: controller.signal }).then(
      (status) => setPhase(status.needed ? 'needed' : 'not-needed'),
      () => {
        if (!controller.signal.aborted) setPhase('unreachable');
      },
    );
    return () => controller.abort();
  }, [client, attempt]);

  return (
    <Page
      heading="Set up Secure Base"
      title="Set up"
      lede={
        phase === 'needed'
          ? 'Create the practitioner’s account. This is done once, by the person who runs the practice.'
          : undefined
      }
    >
      {phase === 'checking' ? (
        <p role="status" class="setup-status">
          Checking whether this site is set up…
        </p>
      ) : null}
      {phase === 'unreachable' ? (
        <div role="status" class="setup-panel">
          <p>We couldn’t reach Secure Base to check whether it is set up. Please try again in a moment.</p>
          <button type="button" class="action-button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      ) : null}
      {phase === 'not-needed' ? <AlreadySetUp /> : null}
      {phase === 'needed' || phase === 'created' ? (
        <SetupFormView
          client={client}
          onCreated={() => setPhase('created')}
          onAlreadyDone={() => setPhase('not-needed')}
          created={phase === 'created'}
        />
      ) : null}
    </Page>
  );
}

function AlreadySetUp() {
  return (
    <section class="setup-panel" aria-labelledby="setup-done-title">
      <h2 id="setup-done-title">This site is already set up</h2>
      <p>
        The practitioner’s account has been created, so there is nothing more to do here.
      </p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </section>
  );
}

interface SetupFormViewProps {
  client: ApiClient | undefined;
  created: boolean;
  onCreated: () => void;
  onAlreadyDone: () => void;
}

function SetupFormView({ client, created, onCreated, onAlreadyDone }: SetupFormViewProps) {
  const [zone] = useState(browserTimeZone);
  const [zones] = useState(() => timeZones(zone));
  const [form, setForm] = useState<SetupForm>(() => ({
    token: '',
    email: '',
    display_name: '',
    password: '',
    time_zone: zone,
    country: countryFromTimeZone(zone) ?? defaultCountry,
  }));
  const [showPassword, setShowPassword] = useState(false);
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | undefined>();
  const [failures, setFailures] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const success = useRef<HTMLHeadingElement>(null);

  // After each failed attempt, move focus to the summary so it is read out first.
  useEffect(() => {
    if (failures > 0) summary.current?.focus();
  }, [failures]);

  useEffect(() => {
    if (created) success.current?.focus();
  }, [created]);

  if (created) {
    return (
      <section class="setup-panel setup-success" aria-labelledby="setup-success-title">
        <h2 id="setup-success-title" tabIndex={-1} ref={success}>
          Your practitioner account is ready
        </h2>
        <p>
          You can log in now. The first time, you’ll set up two-factor sign-in, so have your phone
          with an authenticator app to hand.
        </p>
        <p>
          <a href="/login">Log in</a>
        </p>
        <p class="setup-muted">The setup token has now been used and will not work again.</p>
      </section>
    );
  }

  const set =
    (field: SetupField) =>
    (event: Event): void => {
      const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
      setForm((current) => ({ ...current, [field]: value }));
    };

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    try {
      await completeSetup(form, client);
      setForm((current) => ({ ...current, password: '', token: '' }));
      onCreated();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        onAlreadyDone();
        return;
      }
      const found: FieldErrors = {};
      if (error instanceof ApiError) {
        for (const { field, message } of error.errors) {
          if ((fieldOrder as string[]).includes(field) && !found[field as SetupField]) {
            found[field as SetupField] = fieldMessage(field, message);
          }
        }
      }
      setErrors(found);
      setGeneral(
        Object.keys(found).length > 0
          ? undefined
          : error instanceof ApiError && error.status === 0
            ? 'We couldn’t reach Secure Base. Please check your connection and try again in a moment.'
            : 'Something went wrong on our side and the account was not created. Please try again in a moment.',
      );
      setFailures((n) => n + 1);
    } finally {
      setSending(false);
    }
  }

  const listed = fieldOrder.filter((field) => errors[field]);
  const hasProblem = listed.length > 0 || general !== undefined;

  function describedBy(field: SetupField, hint?: string): string | undefined {
    const ids = [hint, errors[field] ? `${fieldId(field)}-error` : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : undefined;
  }

  function errorFor(field: SetupField) {
    const message = errors[field];
    return message ? (
      <p id={`${fieldId(field)}-error`} class="setup-error">
        <span class="visually-hidden">Error: </span>
        {message}
      </p>
    ) : null;
  }

  function inputProps(field: SetupField, hint?: string) {
    return {
      id: fieldId(field),
      name: field,
      value: form[field],
      onInput: set(field),
      'aria-invalid': errors[field] ? ('true' as const) : undefined,
      'aria-describedby': describedBy(field, hint),
    };
  }

  const passwordProps = {
    ...inputProps('password', 'setup-password-hint'),
    class: 'setup-input',
    autocomplete: 'new-password',
    autocapitalize: 'off',
    spellcheck: false,
    maxLength: 256,
    required: true,
  } as const;

  return (
    <>
      {hasProblem ? (
        <div class="setup-summary" tabIndex={-1} ref={summary}>
          <h2 id="setup-summary-title" class="setup-summary-title">
            {listed.length > 0 ? 'Please check these details' : 'The account was not created'}
          </h2>
          {general ? <p>{general}</p> : null}
          {listed.length > 0 ? (
            <ul class="setup-summary-list">
              {listed.map((field) => (
                <li key={field}>
                  <a
                    href={`#${fieldId(field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(fieldId(field))?.focus();
                    }}
                  >
                    {errors[field]}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <form class="setup-form" noValidate onSubmit={submit}>
        <p class="setup-muted">All fields are needed.</p>

        <div class="setup-field">
          <label for={fieldId('token')}>{fieldLabels.token}</label>
          <p id="setup-token-hint" class="setup-hint">
            The server writes it in its log when it starts, on the line with “setup_needed”: the 32
            letters and numbers after “setup_token”.
          </p>
          {errorFor('token')}
          <input
            {...inputProps('token', 'setup-token-hint')}
            type="text"
            class="setup-input setup-input-code"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            required
          />
        </div>

        <div class="setup-field">
          <label for={fieldId('email')}>{fieldLabels.email}</label>
          {errorFor('email')}
          <input
            {...inputProps('email')}
            type="email"
            class="setup-input"
            autocomplete="email"
            autocapitalize="off"
            spellcheck={false}
            required
          />
        </div>

        <div class="setup-field">
          <label for={fieldId('display_name')}>{fieldLabels.display_name}</label>
          <p id="setup-name-hint" class="setup-hint">
            As your clients will see it, for example “Sam Taylor”.
          </p>
          {errorFor('display_name')}
          <input
            {...inputProps('display_name', 'setup-name-hint')}
            type="text"
            class="setup-input"
            autocomplete="name"
            maxLength={80}
            required
          />
        </div>

        <div class="setup-field">
          <label for={fieldId('password')}>{fieldLabels.password}</label>
          <p id="setup-password-hint" class="setup-hint">
            8 to 256 characters. A few unrelated words make a strong password that is easy to
            remember.
          </p>
          {errorFor('password')}
          <div class="setup-password">
            {/* Same tag in the same place: Preact keeps the one element and swaps its type. */}
            {showPassword ? (
              <input type="text" {...passwordProps} />
            ) : (
              <input type="password" {...passwordProps} />
            )}
            <button
              type="button"
              class="setup-toggle"
              aria-controls={fieldId('password')}
              aria-pressed={showPassword}
              onClick={() => setShowPassword((shown) => !shown)}
            >
              Show password
            </button>
          </div>
        </div>

        <div class="setup-field">
          <label for={fieldId('time_zone')}>{fieldLabels.time_zone}</label>
          <p id="setup-zone-hint" class="setup-hint">
            For the times of sessions. We have picked the one this device uses.
          </p>
          {errorFor('time_zone')}
          <select {...inputProps('time_zone', 'setup-zone-hint')} class="setup-input" onChange={set('time_zone')}>
            {zones.map((name) => (
              <option key={name} value={name}>
                {name.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>

        <div class="setup-field">
          <label for={fieldId('country')}>{fieldLabels.country}</label>
          <p id="setup-country-hint" class="setup-hint">
            Where the practice is.
          </p>
          {errorFor('country')}
          <select
            {...inputProps('country', 'setup-country-hint')}
            class="setup-input"
            autocomplete="country"
            onChange={set('country')}
          >
            {builtInCountries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        </div>

        <button type="submit" class="action-button setup-submit" disabled={sending}>
          {sending ? 'Creating the account…' : 'Create the account'}
        </button>
      </form>
    </>
  );
}
