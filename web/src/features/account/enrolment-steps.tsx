// The three steps of setting up two-factor sign-in: add Secure Base to the authenticator app
// (QR code, or the key typed by hand, or a tap on a phone), save the recovery codes, and prove
// it works by entering a code. Only then is two-factor turned on (POST mfa/confirm).
import { useState } from 'preact/hooks';
import { confirmTwoFactorEnrolment, type Enrolment } from '../../api/auth';
import { ApiError } from '../../api/problem';
import { FormField } from '../../components/form-field';
import { codeMessages, normalizeCode } from './codes';
import { generalMessage } from './messages';
import { RecoveryCodes } from './recovery-codes';
import { useSession } from './session';
import { useFocusOnMount } from './use-focus-on-mount';
import { useFormStatus } from './use-form-status';
import { FormSummary } from './form-summary';

type Field = 'saved' | 'code';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read and type. */
export function groupedSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/** The QR code as an image the CSP allows (img-src data:), never as markup in the page. */
export function qrImageSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

interface EnrolmentStepsProps {
  enrolment: Enrolment;
  email: string;
  onDone: () => void;
}

export function EnrolmentSteps({ enrolment, email, onDone }: EnrolmentStepsProps) {
  const { client, signedIn, signedOut } = useSession();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [saved, setSaved] = useState(false);
  const [code, setCode] = useState('');
  const status = useFormStatus<Field>();

  const submit = (event: Event) => {
    event.preventDefault();
    const typed = normalizeCode(code, 'app');
    const missing: Partial<Record<Field, string>> = {};
    if (!saved) {
      missing.saved =
        'Please save your recovery codes, then tick this box. They are your way back in if you lose your phone.';
    }
    if (typed === '') missing.code = codeMessages.app.empty;
    if (missing.saved || missing.code) return status.fail(missing);
    void status.run(async () => {
      try {
        const me = await confirmTwoFactorEnrolment(typed, client);
        signedIn(me);
        onDone();
      } catch (error) {
        if (error instanceof ApiError && error.is('invalid-code')) status.fail({ code: codeMessages.app.wrong });
        else if (error instanceof ApiError && error.status === 401) signedOut();
        else status.fail({}, { title: 'Two-factor sign-in is not on yet', message: generalMessage(error) });
      }
    });
  };

  const { errors, general } = status;
  const items = [
    ...(errors.saved ? [{ id: 'two-factor-saved', message: errors.saved }] : []),
    ...(errors.code ? [{ id: 'two-factor-code', message: errors.code }] : []),
  ];

  return (
    <ol class="account-steps">
      <li class="form-panel">
        <h2 tabIndex={-1} ref={heading}>
          <span class="account-step">Step 1 of 3</span> Add Secure Base to your app
        </h2>
        <p>In your authenticator app, choose to add an account, then scan this QR code.</p>
        <img
          class="account-qr"
          src={qrImageSource(enrolment.qr_svg)}
          width={200}
          height={200}
          alt="QR code for adding Secure Base to an authenticator app. The same key is written out below."
        />
        <p>Can’t scan it? Choose to enter a key instead, and type this one:</p>
        <p class="account-secret">
          <code>{groupedSecret(enrolment.secret)}</code>
        </p>
        <p class="form-muted">
          On this phone already? <a href={enrolment.otpauth_uri}>Open your authenticator app</a> to add it with one tap.
        </p>
      </li>

      <li class="form-panel">
        <h2>
          <span class="account-step">Step 2 of 3</span> Save your recovery codes
        </h2>
        <RecoveryCodes codes={enrolment.recovery_codes} email={email} />
        <div class="form-field account-saved">
          {errors.saved ? (
            <p id="two-factor-saved-error" class="form-error">
              <span class="visually-hidden">Error: </span>
              {errors.saved}
            </p>
          ) : null}
          <label class="form-check">
            <input
              id="two-factor-saved"
              type="checkbox"
              checked={saved}
              aria-invalid={errors.saved ? 'true' : undefined}
              aria-describedby={errors.saved ? 'two-factor-saved-error' : undefined}
              onChange={(e) => setSaved(e.currentTarget.checked)}
            />
            <span>I have saved these codes somewhere safe</span>
          </label>
        </div>
      </li>

      <li class="form-panel">
        <h2>
          <span class="account-step">Step 3 of 3</span> Enter a code from your app
        </h2>
        <FormSummary id="two-factor-summary" items={items} general={general} attempt={status.attempt} title="Nearly there" />
        <form noValidate onSubmit={submit}>
          <FormField
            id="two-factor-code"
            label="Six-digit code"
            hint="The code your app now shows for Secure Base."
            error={errors.code}
          >
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
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            )}
          </FormField>
          <button type="submit" class="action-button form-submit" disabled={status.sending}>
            {status.sending ? 'Checking…' : 'Turn on two-factor sign-in'}
          </button>
        </form>
      </li>
    </ol>
  );
}
