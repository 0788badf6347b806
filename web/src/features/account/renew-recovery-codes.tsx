// "Make new recovery codes" on the two-factor page, once two-factor sign-in is on: for someone
// who has used some of their codes or cannot find them. It asks for the password again (a
// session left open elsewhere must not be able to read off a fresh set), then shows the new
// codes once. The old ones stop working at once, and the server mails the owner to say so.
import { useState } from 'preact/hooks';
import { renewRecoveryCodes } from '../../api/auth';
import type { Me } from '../../api/me';
import { PasswordAgainForm } from './password-again-form';
import { RecoveryCodes } from './recovery-codes';
import { useSession } from './session';
import { useFocusOnMount } from './use-focus-on-mount';

export function RenewRecoveryCodes({ me }: { me: Me }) {
  const { client, refresh } = useSession();
  const [codes, setCodes] = useState<string[] | undefined>();

  if (codes) return <NewCodes codes={codes} email={me.email} />;

  const send = async (password: string) => {
    setCodes((await renewRecoveryCodes(password, client)).recovery_codes);
    // The count of codes left, on this page and the account page.
    void refresh();
  };

  return (
    <section class="form-panel" aria-labelledby="renew-codes-title">
      <h2 id="renew-codes-title">Make new recovery codes</h2>
      <p>
        If you have used some of your recovery codes, or you’re not sure where they are, you can make a new set of ten.
        The codes you have now will stop working straight away, and we’ll send you an email to say so.
      </p>
      <PasswordAgainForm
        id="renew-codes-password"
        hint="To keep your account safe, we ask for it again before showing new codes."
        submitLabel="Make new recovery codes"
        sendingLabel="Making new codes…"
        failedTitle="We could not make new codes"
        send={send}
      />
    </section>
  );
}

function NewCodes({ codes, email }: { codes: string[]; email: string }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section class="form-panel" aria-labelledby="renew-codes-done-title">
      <h2 id="renew-codes-done-title" tabIndex={-1} ref={heading}>
        Your new recovery codes
      </h2>
      <p>Your old codes no longer work. These ten replace them.</p>
      <RecoveryCodes codes={codes} email={email} />
    </section>
  );
}
