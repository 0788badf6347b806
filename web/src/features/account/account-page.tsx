// /account: the signed-in person's own details, each part its own small form so a problem in
// one never costs what was typed in another: name, time zone and country; email address;
// password; whether two-factor sign-in is on; the browsers signed in; and a download of
// everything held about them; and, last, a way to delete the account.
import type { Me } from '../../api/me';
import { Page } from '../../components/page';
import { DeleteAccount } from './delete-account';
import { EmailChangeForm } from './email-change-form';
import { PasswordChangeForm } from './password-change-form';
import { ProfileForm } from './profile-form';
import { RequireSession } from './require-session';
import { SignedInBrowsers } from './signed-in-browsers';
import { YourData } from './your-data';
import './account.css';

export function AccountPage() {
  return (
    <Page heading="Your account" title="Account">
      <RequireSession need="full">{(me) => <AccountSections me={me} />}</RequireSession>
    </Page>
  );
}

function AccountSections({ me }: { me: Me }) {
  return (
    <div class="account-sections">
      <ProfileForm me={me} />
      <EmailChangeForm me={me} />
      <PasswordChangeForm />
      <TwoFactorSummary me={me} />
      <SignedInBrowsers timeZone={me.time_zone} />
      {me.role === 'learner' ? <SharingSummary /> : null}
      <YourData />
      {me.role === 'learner' ? <DeleteAccount me={me} /> : null}
    </div>
  );
}

function TwoFactorSummary({ me }: { me: Me }) {
  const on = me.two_factor.enrolled;
  return (
    <section class="form-panel" aria-labelledby="account-two-factor-title">
      <h2 id="account-two-factor-title">Two-factor sign-in</h2>
      {on ? (
        <>
          <p>
            <span class="account-state account-state-on">On.</span> When you log in, we also ask for a code from the
            authenticator app on your phone, so your password alone is not enough.
          </p>
          {me.two_factor.recovery_codes_left !== undefined ? (
            <p class="form-muted">
              {me.two_factor.recovery_codes_left === 1
                ? 'You have 1 recovery code left.'
                : `You have ${me.two_factor.recovery_codes_left} recovery codes left.`}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p>
            <span class="account-state">Off.</span> With two-factor sign-in, logging in also needs a code from an app on
            your phone, so your password alone is not enough. It takes about two minutes to set up.
          </p>
          <p>
            <a href="/account/two-factor">Set up two-factor sign-in</a>
          </p>
        </>
      )}
    </section>
  );
}

function SharingSummary() {
  return (
    <section class="form-panel" aria-labelledby="account-sharing-title">
      <h2 id="account-sharing-title">Sharing with your therapist</h2>
      <p>
        Nothing you record here is shared unless you choose it. You can choose what your therapist may see, see what is
        shared now, and stop at any time.
      </p>
      <p>
        <a href="/sharing">Choose what you share</a>
      </p>
    </section>
  );
}
