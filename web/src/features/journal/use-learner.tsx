// The learner a journal form belongs to. Like RequireSession (signed out: off to log in; still
// owing a two-factor code: off to that step), except that once a form is open it stays open when
// the session ends under it: a save refused with 401 marks the app signed out, and the form must
// stay on screen, with the learner's words and a kind note, rather than vanish into a redirect.
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { fullySignedIn, type Me } from '../../api/me';
import { RequireSession } from '../account/require-session';
import { useSession } from '../account/session';

export function WithLearner({ children }: { children: (me: Me) => VNode }) {
  const { state } = useSession();
  const current = state.status === 'signed-in' && fullySignedIn(state.me) ? state.me : undefined;
  const [held, setHeld] = useState<Me | undefined>(current);

  useEffect(() => {
    if (current && current.id !== held?.id) setHeld(current);
  }, [current, held]);

  if (current) return children(current);
  if (held && (state.status === 'signed-out' || state.status === 'unreachable')) return children(held);
  return <RequireSession need="full">{children}</RequireSession>;
}
