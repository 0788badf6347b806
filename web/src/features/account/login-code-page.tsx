// /login/code: the second step of logging in for an account with two-factor sign-in. The
// six-digit code from the authenticator app (a numeric keypad on phones, and the code offered
// by the phone where it can), or one of the recovery codes instead.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { submitTwoFactorCode } from '../../api/auth';
import { owesCode, owesEnrolment } from '../../api/me';
import { ApiError } from '../../api/problem';
import { ErrorSummary } from '../../components/error-summary';
import { FormField } from '../../components/form-field';
import { Page } from '../../components/page';
import { codeMessages, normalizeCode } from './codes';
import { generalMessage, waitMessage } from './messages';
import { safeNextPath, withNext } from './next-path';
import { useSession } from './session';
import { useRedirect } from './use-redirect';
import { useFormStatus } from './use-form-status';
import './account.css';

type Mode = 'app' | 'recovery';

export function LoginCodePage() {
  const { state } = useSession();
  const { query } = useLocation();
  const [next] = useState(() => safeNextPath(query.next));
  const me = state.status === 'signed-in' ? state.me : undefined;

  // Nothing owed (already passed, or no two-factor): on to where the person was going.
  const elsewhere = me && !owesCode(me) ? (owesEnrolment(me) ? withNext('/account/two-factor', next) : (next ?? '/')) : undefined;
  useRedirect(elsewhere);

  return (
    <Page heading="Enter your code" title="Two-factor code">
      {state.status === 'loading' ? (
        <p role="status" class="form-muted">
          Checking whether you’re logged in…
        </p>
      ) : state.status === 'signed-out' || state.status === 'unreachable' ? (
        <div class="form-note">
          <h2>Please log in again</h2>
          <p>
            {state.status === 'signed-out'
              ? 'Your log-in has timed out, or has not started yet. It only takes a moment to begin again.'
              : 'We couldn’t reach Secure Base. Please check your connection, then log in again.'}
          </p>
          <p>
            <a href={withNext('/login', next)}>Log in</a>
          </p>
        </div>
      ) : me && owesCode(me) ? (
        <CodeForm next={next} />
      ) : null}
    </Page>
  );
}

function CodeForm({ next }: { next: string | undefined }) {
  const { client, signedIn, signedOut } = useSession();
  const { route } = useLocation();
  const [mode, setMode] = useState<Mode>('app');
  const switched = useRef(false);
  const [codes, setCodes] = useState({ app: '', recovery: '' });
  const status = useFormStatus<'code'>();
  const fieldId = mode === 'app' ? 'login-code' : 'login-recovery-code';
  const words = codeMessages[mode];

  // After switching between app and recovery code, the new box takes focus.
  useEffect(() => {
    if (switched.current) document.getElementById(fieldId)?.focus();
  }, [fieldId]);

  const submit = (event: Event) => {
    event.preventDefault();
    const code = normalizeCode(codes[mode], mode);
    if (code === '') {
      status.fail({ code: words.empty });
      return;
    }
    void status.run(async () => {
      try {
        const me = await submitTwoFactorCode(code, client);
        signedIn(me);
        route(next ?? '/');
      } catch (error) {
        if (error instanceof ApiError && error.is('invalid-code')) status.fail({ code: words.wrong });
        else if (error instanceof ApiError && error.status === 429)
          status.fail({}, { title: 'Please wait a little while', message: waitMessage(error) });
        else if (error instanceof ApiError && error.status === 401) signedOut();
        else status.fail({}, { title: 'That didn’t go through', message: generalMessage(error) });
      }
    });
  };

  const error = status.errors.code;
  return (
    <>
      {error || status.general ? (
        <ErrorSummary
          title={status.general?.title ?? 'Please check the code'}
          items={error ? [{ id: fieldId, message: error }] : []}
          attempt={status.attempt}
        >
          {status.general ? <p>{status.general.message}</p> : null}
        </ErrorSummary>
      ) : null}

      <form class="form-panel" noValidate onSubmit={submit}>
        <p>
          {mode === 'app'
            ? 'Open the authenticator app on your phone and enter the six-digit code it shows for Secure Base.'
            : 'Enter one of the recovery codes you saved when you set up two-factor sign-in. Each one works once.'}
        </p>
        {mode === 'app' ? (
          <FormField id={fieldId} label="Six-digit code" error={error}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                name="code"
                class="form-input form-input-code"
                inputMode="numeric"
                autocomplete="one-time-code"
                pattern="[0-9 ]*"
                maxLength={7}
                spellcheck={false}
                value={codes.app}
                onInput={(e) => setCodes((now) => ({ ...now, app: e.currentTarget.value }))}
              />
            )}
          </FormField>
        ) : (
          <FormField id={fieldId} label="Recovery code" error={error}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                name="recovery_code"
                class="form-input form-input-code"
                autocomplete="off"
                autocapitalize="off"
                spellcheck={false}
                maxLength={64}
                value={codes.recovery}
                onInput={(e) => setCodes((now) => ({ ...now, recovery: e.currentTarget.value }))}
              />
            )}
          </FormField>
        )}
        <div class="form-actions">
          <button type="submit" class="action-button form-submit" disabled={status.sending}>
            {status.sending ? 'Checking…' : 'Continue'}
          </button>
          <button
            type="button"
            class="link-button"
            onClick={() => {
              switched.current = true;
              setMode(mode === 'app' ? 'recovery' : 'app');
              status.clear();
            }}
          >
            {mode === 'app' ? 'Use a recovery code instead' : 'Use a code from your app instead'}
          </button>
        </div>
      </form>
    </>
  );
}
