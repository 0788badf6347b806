// Guards a page that needs a session. Signed out: off to /login?next=<here>. A session that
// still owes its two-factor step: off to that step first (unless the page is that step). While
// the app is still asking the server, or cannot reach it, it says so instead.
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { fullySignedIn, owesCode, owesEnrolment, type Me } from '../../api/me';
import { currentPath, withNext } from './next-path';
import { useSession, type SessionState } from './session';
import { useRedirect } from './use-redirect';

/** "full": signing in must be complete; "signed-in": any session, even one owing its code. */
export type SessionNeed = 'full' | 'signed-in';

export function redirectFor(state: SessionState, need: SessionNeed, here: string): string | undefined {
  if (state.status === 'signed-out') return withNext('/login', here);
  if (state.status !== 'signed-in' || need === 'signed-in' || fullySignedIn(state.me)) return undefined;
  if (owesCode(state.me)) return withNext('/login/code', here);
  if (owesEnrolment(state.me)) return withNext('/account/two-factor', here);
  return undefined;
}

interface RequireSessionProps {
  need: SessionNeed;
  children: (me: Me) => VNode;
}

export function RequireSession({ need, children }: RequireSessionProps) {
  const { state, refresh } = useSession();
  const [here] = useState(currentPath);
  const target = redirectFor(state, need, here);
  useRedirect(target);

  if (state.status === 'loading') {
    return (
      <p role="status" class="form-muted">
        Checking whether you’re logged in…
      </p>
    );
  }
  if (state.status === 'unreachable') {
    return (
      <div class="form-panel" role="status">
        <p>We couldn’t reach Secure Base to check whether you’re logged in. Please try again in a moment.</p>
        <button type="button" class="action-button" onClick={() => void refresh()}>
          Try again
        </button>
      </div>
    );
  }
  if (target || state.status !== 'signed-in') return null;
  return children(state.me);
}
