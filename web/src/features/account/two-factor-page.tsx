// /account/two-factor: set up two-factor sign-in. Any session may come here, including a
// practitioner's first log-in, which can do nothing else until this is done. The secret is
// asked for only when the person chooses to begin, and lives in this page's memory only.
// Beginning asks for the password again, so a session left open on a shared computer cannot
// put someone else's authenticator on the account. Once it is on, the page offers a new set of
// recovery codes (renew-recovery-codes.tsx).
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { startTwoFactorEnrolment, type Enrolment } from '../../api/auth';
import { owesCode, owesEnrolment, type Me } from '../../api/me';
import { ApiError } from '../../api/problem';
import { Page } from '../../components/page';
import { EnrolmentSteps } from './enrolment-steps';
import { safeNextPath, withNext } from './next-path';
import { PasswordAgainForm } from './password-again-form';
import { RenewRecoveryCodes } from './renew-recovery-codes';
import { RequireSession } from './require-session';
import { useSession } from './session';
import { useFocusOnMount } from './use-focus-on-mount';
import { useRedirect } from './use-redirect';
import './account.css';

export function TwoFactorPage() {
  return (
    <Page heading="Two-factor sign-in" title="Two-factor sign-in">
      <RequireSession need="signed-in">{(me) => <TwoFactor me={me} />}</RequireSession>
    </Page>
  );
}

function TwoFactor({ me }: { me: Me }) {
  const { client } = useSession();
  const { query } = useLocation();
  const [next] = useState(() => safeNextPath(query.next));
  const [enrolment, setEnrolment] = useState<Enrolment | undefined>();
  const [done, setDone] = useState(false);
  const [alreadyOn, setAlreadyOn] = useState(false);

  // Enrolled but this session has not given its code yet: that comes first.
  const owes = owesCode(me);
  useRedirect(owes ? withNext('/login/code', withNext('/account/two-factor', next)) : undefined);
  if (owes) return null;

  if (done) return <Done next={next} />;
  if (alreadyOn || (me.two_factor.enrolled && !enrolment)) return <AlreadyOn me={me} />;
  if (enrolment) return <EnrolmentSteps enrolment={enrolment} email={me.email} onDone={() => setDone(true)} />;

  const begin = async (password: string) => setEnrolment(await startTwoFactorEnrolment(password, client));
  // Turned on meanwhile (in another tab): say so rather than fail.
  const alreadyEnrolled = (error: unknown) => {
    if (!(error instanceof ApiError && error.status === 409)) return false;
    setAlreadyOn(true);
    return true;
  };

  return (
    <section class="form-panel" aria-labelledby="two-factor-intro-title">
      <h2 id="two-factor-intro-title">
        {owesEnrolment(me) ? 'One more step before you go on' : 'Set up two-factor sign-in'}
      </h2>
      {owesEnrolment(me) ? (
        <p>
          Your account looks after other people’s information, so it needs two-factor sign-in: each time you log in,
          you’ll enter a code from an app on your phone as well as your password.
        </p>
      ) : (
        <p>
          Each time you log in, you’ll enter a code from an app on your phone as well as your password. Someone who
          learns your password still can’t get in.
        </p>
      )}
      <p>
        You’ll need an authenticator app on your phone. Any app that makes six-digit “time-based” codes will do; your
        phone’s app store has several free ones. Setting up takes about two minutes.
      </p>
      <PasswordAgainForm
        id="two-factor-password"
        hint="To keep your account safe, we ask for it again before changing how you sign in."
        submitLabel="Begin"
        sendingLabel="Preparing…"
        failedTitle="We could not begin"
        send={begin}
        onRefused={alreadyEnrolled}
      />
    </section>
  );
}

function AlreadyOn({ me }: { me: Me }) {
  const left = me.two_factor.recovery_codes_left;
  return (
    <>
      <section class="form-note" aria-labelledby="two-factor-on-title">
        <h2 id="two-factor-on-title">Two-factor sign-in is on</h2>
        <p>When you log in, we ask for a code from your authenticator app as well as your password.</p>
        {left !== undefined ? (
          <p>{left === 1 ? 'You have 1 recovery code left.' : `You have ${left} recovery codes left.`}</p>
        ) : null}
        <p>
          <a href="/account">Back to your account</a>
        </p>
      </section>
      {me.two_factor.enrolled ? <RenewRecoveryCodes me={me} /> : null}
    </>
  );
}

function Done({ next }: { next: string | undefined }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section class="form-note" aria-labelledby="two-factor-done-title">
      <h2 id="two-factor-done-title" tabIndex={-1} ref={heading}>
        Two-factor sign-in is on
      </h2>
      <p>
        From now on, when you log in we’ll ask for a code from your app. Keep your recovery codes somewhere safe: each
        one lets you in once if your phone is lost.
      </p>
      <p>
        <a class="action-button account-link-button" href={next ?? '/account'}>
          Continue
        </a>
      </p>
    </section>
  );
}
