// Where the practice sessions waiting to be sent are kept: this browser's localStorage, under one
// key, so a practice finished offline survives closing the tab or restarting the phone. Holds
// the session bodies (which practice, when, how long, the two distress ratings), who was signed
// in when each was finished (an account id, or null when the app could not tell), and how many
// were refused by the server since the learner last saw that said.
//
// Small on purpose: at most `maxItems` sessions (the oldest go first), none older than
// `maxAgeMs` (one that could not be sent in 30 days is let go, like an old check-in draft), and
// the key removed entirely when there is nothing to keep, so an idle browser stores nothing.
//
// Not thread-safe in any useful sense: each call reads and writes the whole record, and two tabs
// writing at the same moment can lose one tab's change. Sending is idempotent on the server, so
// the worst case is a session sent twice and counted once, or (rarely) one not kept.
import type { NewPracticeSession } from '../../api/practice-sessions';

export interface QueuedSession {
  body: NewPracticeSession;
  /** The account that finished it; null when the app could not tell (opened offline). */
  owner: string | null;
  /** Milliseconds since the epoch. */
  queuedAt: number;
}

export interface QueueRecord {
  items: QueuedSession[];
  /** Sessions the server refused (409/422) since the learner last dismissed the notice. */
  refused: number;
}

export const storageKey = 'securebase.practice-queue';
export const maxItems = 200;
export const maxAgeMs = 30 * 24 * 60 * 60 * 1000;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage switched off (private modes, site settings): sessions are still sent while online.
    return undefined;
  }
}

const empty = (): QueueRecord => ({ items: [], refused: 0 });

export function readQueue(now: number = Date.now()): QueueRecord {
  let text: string | null | undefined;
  try {
    text = storage()?.getItem(storageKey);
  } catch {
    return empty();
  }
  if (!text) return empty();
  const record = parse(text);
  const fresh = record.items.filter((item) => now - item.queuedAt <= maxAgeMs && item.queuedAt <= now + 60_000);
  return { items: fresh, refused: record.refused };
}

export function writeQueue(record: QueueRecord): void {
  const store = storage();
  if (!store) return;
  try {
    if (record.items.length === 0 && record.refused === 0) {
      store.removeItem(storageKey);
      return;
    }
    const items = record.items.slice(-maxItems);
    store.setItem(storageKey, JSON.stringify({ items, refused: record.refused }));
  } catch {
    // Full or refused: the session stays in memory no longer than this page, nothing worse.
  }
}

/** Forgets every waiting session and the refused count (on logging out from the app's menu). */
export function clearQueue(): void {
  try {
    storage()?.removeItem(storageKey);
  } catch {
    // Nothing to do.
  }
}

function parse(text: string): QueueRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return empty();
  }
  if (typeof value !== 'object' || value === null) return empty();
  const record = value as { items?: unknown; refused?: unknown };
  const items = Array.isArray(record.items) ? record.items.filter(isQueuedSession) : [];
  const refused = typeof record.refused === 'number' && record.refused > 0 ? Math.floor(record.refused) : 0;
  return { items, refused };
}

function isQueuedSession(value: unknown): value is QueuedSession {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  const body = item.body as Record<string, unknown> | null | undefined;
  return (
    typeof item.queuedAt === 'number' &&
    (item.owner === null || typeof item.owner === 'string') &&
    typeof body === 'object' &&
    body !== null &&
    typeof body.id === 'string' &&
    typeof body.practice_id === 'string' &&
    typeof body.started_at === 'string' &&
    typeof body.duration_seconds === 'number'
  );
}
