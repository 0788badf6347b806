// Keeping a finished practice: for a signed-in learner, the session goes into the offline queue
// and is sent straight away when it can be. Signed out, nothing is kept (the done screen says,
// once and gently, that logging in keeps a history). When the app cannot tell (opened with no
// connection), the session is kept without an owner and goes with the next log-in it meets.
import { fullySignedIn } from '../../api/me';
import { useSession } from '../account/session';
import { sendWith } from './practice-queue-sync';
import type { PracticeResult } from './practice-player';
import { newPracticeSessionId } from '../../api/practice-sessions';
import { toSessionBody } from './session-body';
import { practiceQueue, type SessionQueue } from './session-queue';

/** What happened to one finished practice, for the done screen. */
export type Kept =
  /** In the queue under this id (sent, or waiting to be). */
  | { kind: 'queued'; id: string }
  /** Nobody is signed in: not kept. */
  | { kind: 'signed-out' }
  /** Too short to count (under a second): not kept. */
  | { kind: 'too-short' };

export function useRecordPractice(queue: SessionQueue = practiceQueue): (result: PracticeResult) => Kept {
  const { state, client } = useSession();
  return (result) => {
    if (state.status === 'signed-out') return { kind: 'signed-out' };
    const body = toSessionBody(result, newPracticeSessionId());
    if (!body) return { kind: 'too-short' };
    queue.add(body, state.status === 'signed-in' ? state.me.id : null);
    if (state.status === 'signed-in' && fullySignedIn(state.me)) void queue.flush(sendWith(client), state.me.id);
    return { kind: 'queued', id: body.id };
  };
}
