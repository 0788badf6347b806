// The account corner of the banner. Signed out: "Log in" and "Sign up". Signed in: the
// person's name, leading to /account, and "Log out". A session that still owes its two-factor
// step shows the way to finish logging in instead of the name. Nothing shows while the app is
// still asking the server, so the links do not flicker from one state to the other.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { logout } from '../../api/auth';
import { fullySignedIn, owesEnrolment } from '../../api/me';
import { ApiError } from '../../api/problem';
import { clearAllDrafts } from '../checkin/draft-store';
import { clearAllJournalDrafts } from '../journal/draft-store';
import { practiceQueue } from '../practices/session-queue';
import { useSession } from './session';
import './account-menu.css';

export function AccountMenu() {
  const { state, client, signedOut } = useSession();
  const { route } = useLocation();
  const [leaving, setLeaving] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const leave = async () => {
    setLeaving(true);
    setAnnouncement('');
    try {
      await logout(client);
    } catch (error) {
      // Already logged out on the server (401): the same as success for the person.
      if (!(error instanceof ApiError && error.status === 401)) {
        setAnnouncement('We couldn’t log you out just now. Please check your connection and try again.');
        setLeaving(false);
        return;
      }
    }
    setLeaving(false);
    // Someone else may use this device next: unfinished check-ins and journal entries, and
    // practices not yet sent, go with the log-out. (An expired session keeps them, so nothing
    // is lost to time.)
    clearAllDrafts();
    clearAllJournalDrafts();
    practiceQueue.clear();
    signedOut();
    setAnnouncement('You’ve logged out.');
    route('/');
  };

  let content = null;
  if (state.status === 'signed-out' || state.status === 'unreachable') {
    content = (
      <>
        <a class="account-menu-link" href="/login">
          Log in
        </a>
        <a class="account-menu-link account-menu-strong" href="/signup">
          Sign up
        </a>
      </>
    );
  } else if (state.status === 'signed-in') {
    const { me } = state;
    const finish = owesEnrolment(me) ? '/account/two-factor' : '/login/code';
    content = (
      <>
        {fullySignedIn(me) ? (
          <a class="account-menu-link account-menu-name" href="/account">
            <span class="visually-hidden">Your account:</span> {me.display_name}
          </a>
        ) : (
          <a class="account-menu-link" href={finish}>
            Finish logging in
          </a>
        )}
        <button type="button" class="account-menu-link account-menu-button" onClick={leave} disabled={leaving}>
          Log out
        </button>
      </>
    );
  }

  return (
    <div class="account-menu">
      {content}
      <p role="status" class={announcement.startsWith('We couldn’t') ? 'account-menu-note' : 'visually-hidden'}>
        {announcement}
      </p>
    </div>
  );
}
