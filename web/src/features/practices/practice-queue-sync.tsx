// Sends the practices waiting in the offline queue (session-queue.ts) whenever they might now get
// through: when the app starts with someone signed in, when someone logs in, and when the
// browser says it is back online. Renders nothing; mounted once, inside the SessionProvider.
//
// Opened offline, the app cannot tell who is signed in ("unreachable"). When the connection
// returns and sessions are waiting, it asks the server again, and the log-in it learns of
// sends them.
import type { ApiClient } from '../../api/client';
import { fullySignedIn } from '../../api/me';
import { useEffect } from 'preact/hooks';
import { useSession } from '../account/session';
import { practiceQueue, type SendSession, type SessionQueue } from './session-queue';
import { recordPracticeSession } from '../../api/practice-sessions';

export function sendWith(client: ApiClient): SendSession {
  return (body) => recordPracticeSession(body, client);
}

export function PracticeQueueSync({ queue = practiceQueue }: { queue?: SessionQueue }) {
  const { state, client, refresh } = useSession();
  const who = state.status === 'signed-in' && fullySignedIn(state.me) ? state.me.id : undefined;
  const unreachable = state.status === 'unreachable';

  useEffect(() => {
    if (who) void queue.flush(sendWith(client), who);
  }, [queue, who, client]);

  useEffect(() => {
    const online = () => {
      if (who) void queue.flush(sendWith(client), who);
      else if (unreachable && queue.waiting(null) > 0) void refresh();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [queue, who, unreachable, client, refresh]);

  return null;
}
