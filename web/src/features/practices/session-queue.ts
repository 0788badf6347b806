// The offline queue of finished practices. Each session is kept (session-queue-store.ts) until
// the server has it: sent at once when there is a connection, and again when the browser comes
// back online, when the app starts and when the learner logs in (practice-queue-sync.tsx).
//
// What each answer means for a session:
//   200/201           recorded (a repeat of one the server already has is counted once): let go
//   400/409/422       refused: it can never succeed as it is, so it is let go and counted, and
//                     the history page says so kindly
//   anything else     kept for later: no connection, 401 (logged out by time: it waits for the
//                     next log-in), a server in trouble. The round stops there, since the rest
//                     would meet the same.
// Only an explicit log-out (account-menu.tsx) empties the queue.
//
// A session being sent is never sent again from this tab until its answer arrives, however
// often flush is called. Two tabs may both send one; the server counts it once.
//
// Thread-safety: browser main thread only. All state is this object's, plus the stored record.
import { ApiError } from '../../api/problem';
import { clearQueue, readQueue, writeQueue, type QueuedSession } from './session-queue-store';
import type { NewPracticeSession } from '../../api/practice-sessions';

export type SendSession = (body: NewPracticeSession) => Promise<unknown>;

/** Why a session is still waiting, after its last try. */
export type WaitReason = 'not-tried' | 'offline' | 'signed-out' | 'unavailable';

export type SessionStatus =
  | { state: 'waiting'; reason: WaitReason }
  | { state: 'sending' }
  | { state: 'recorded' }
  | { state: 'refused' };

export interface SessionQueue {
  /** Keeps a finished session; `owner` is the account signed in, or null when unknown. */
  add(body: NewPracticeSession, owner: string | null): void;
  /** Sends, oldest first, what `owner` may send: their own sessions and those with no owner. */
  flush(send: SendSession, owner: string): Promise<void>;
  /** What became of one session, as far as this tab knows; undefined if it never heard of it. */
  status(id: string): SessionStatus | undefined;
  /** How many sessions are waiting that `owner` would send (theirs and the unowned). */
  waiting(owner: string | null): number;
  /** How many sessions the server refused since the learner last dismissed the notice. */
  refused(): number;
  dismissRefused(): void;
  /** Forgets everything kept (explicit log-out). */
  clear(): void;
  /** Called after every change; returns the function to stop. */
  subscribe(listener: () => void): () => void;
}

type Verdict = 'recorded' | 'refused' | { reason: WaitReason };

/** Refusals that sending again cannot change. */
const refusedStatuses = new Set([400, 409, 422]);

function verdictFor(error: unknown): Verdict {
  if (!(error instanceof ApiError)) return { reason: 'unavailable' };
  if (refusedStatuses.has(error.status)) return 'refused';
  if (error.status === 0) return { reason: 'offline' };
  if (error.status === 401) return { reason: 'signed-out' };
  return { reason: 'unavailable' };
}

export function createSessionQueue(now: () => number = Date.now): SessionQueue {
  const inFlight = new Set<string>();
  const known = new Map<string, SessionStatus>();
  const listeners = new Set<() => void>();

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const mine = (owner: string | null) => (item: QueuedSession) => item.owner === null || item.owner === owner;

  function settle(id: string, verdict: Verdict): void {
    if (verdict === 'recorded' || verdict === 'refused') {
      const record = readQueue(now());
      const kept = record.items.filter((item) => item.body.id !== id);
      // Cleared while in flight (a log-out): nothing to let go, and nothing to count.
      if (kept.length !== record.items.length) {
        writeQueue({ items: kept, refused: record.refused + (verdict === 'refused' ? 1 : 0) });
      }
      known.set(id, { state: verdict });
    } else {
      known.set(id, { state: 'waiting', reason: verdict.reason });
    }
  }

  return {
    add(body, owner) {
      const record = readQueue(now());
      if (!record.items.some((item) => item.body.id === body.id)) {
        writeQueue({ ...record, items: [...record.items, { body, owner, queuedAt: now() }] });
      }
      known.set(body.id, { state: 'waiting', reason: 'not-tried' });
      notify();
    },

    async flush(send, owner) {
      const ids = readQueue(now()).items.filter(mine(owner)).map((item) => item.body.id);
      for (const id of ids) {
        if (inFlight.has(id)) continue;
        // Read again: another round, or a log-out, may have settled it meanwhile.
        const item = readQueue(now()).items.find((candidate) => candidate.body.id === id);
        if (!item) continue;
        inFlight.add(id);
        known.set(id, { state: 'sending' });
        notify();
        let verdict: Verdict;
        try {
          await send(item.body);
          verdict = 'recorded';
        } catch (error) {
          verdict = verdictFor(error);
        } finally {
          inFlight.delete(id);
        }
        settle(id, verdict);
        notify();
        if (typeof verdict === 'object') return;
      }
    },

    status(id) {
      const status = known.get(id);
      if (status) return status;
      // Kept by an earlier page or another tab.
      return readQueue(now()).items.some((item) => item.body.id === id)
        ? { state: 'waiting', reason: 'not-tried' }
        : undefined;
    },

    waiting(owner) {
      return readQueue(now()).items.filter(mine(owner)).length;
    },

    refused() {
      return readQueue(now()).refused;
    },

    dismissRefused() {
      const record = readQueue(now());
      if (record.refused === 0) return;
      writeQueue({ ...record, refused: 0 });
      notify();
    },

    clear() {
      clearQueue();
      known.clear();
      notify();
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The app's one queue. */
export const practiceQueue: SessionQueue = createSessionQueue();
