// The gate in front of every console page. The practitioner, signed in with her two-factor code,
// gets the page; a session still owing that code (or an authenticator) is sent to that step, as
// RequireSession does; anyone else is told kindly that this is the practitioner's area, with a
// way on. Once a page is open it stays open if the session ends under it (a save refused with
// 401), so nothing she typed vanishes; the form says how to carry on instead.
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { fullySignedIn, type Me } from '../../api/me';
import { Page } from '../../components/page';
import { currentPath, withNext } from '../account/next-path';
import { redirectFor } from '../account/require-session';
import { useSession } from '../account/session';
import { useRedirect } from '../account/use-redirect';

interface RequirePractitionerProps {
  /** The page's heading, shown above the notice when the page cannot open. */
  heading: string;
  children: (me: Me) => VNode;
}

export function RequirePractitioner({ heading, children }: RequirePractitionerProps) {
  const { state, refresh } = useSession();
  const [here] = useState(currentPath);
  const current = state.status === 'signed-in' && state.me.role === 'practitioner' && fullySignedIn(state.me) ? state.me : undefined;
  const [held, setHeld] = useState<Me | undefined>(current);
  // Only a practitioner's session owing its second step is sent on; a learner is not.
  const owing = state.status === 'signed-in' && state.me.role === 'practitioner' && !current;
  useRedirect(owing ? redirectFor(state, 'full', here) : undefined);

  useEffect(() => {
    if (current && current.id !== held?.id) setHeld(current);
  }, [current, held]);

  if (current) return children(current);
  if (held && (state.status === 'signed-out' || state.status === 'unreachable')) return children(held);
  if (state.status === 'loading' || owing) {
    return (
      <Page heading={heading}>
        <p role="status" class="form-muted">
          Checking whether you’re logged in…
        </p>
      </Page>
    );
  }
  if (state.status === 'unreachable') {
    return (
      <Page heading={heading}>
        <div class="form-panel" role="status">
          <p>We couldn’t reach Secure Base to check whether you’re logged in. Please try again in a moment.</p>
          <button type="button" class="action-button" onClick={() => void refresh()}>
            Try again
          </button>
        </div>
      </Page>
    );
  }
  return (
    <Page heading={heading}>
      <div class="form-note console-elsewhere">
        <h2>This is the practitioner’s area</h2>
        {state.status === 'signed-out' ? (
          <>
            <p>
              These pages are where the practitioner sets her hours and looks after the sessions booked with her. If
              that’s you, please log in first.
            </p>
            <p>
              <a href={withNext('/login', here)}>Log in</a>
            </p>
          </>
        ) : (
          <>
            <p>
              These pages are where the practitioner sets her hours and looks after the sessions booked with her, so
              there’s nothing here for your account. Your own sessions, and booking one, are on the Sessions page.
            </p>
            <p>
              <a href="/sessions">Go to your sessions</a> or <a href="/">back to Home</a>
            </p>
          </>
        )}
      </div>
    </Page>
  );
}
