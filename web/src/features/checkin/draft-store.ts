// Unfinished answers to one questionnaire, kept in this browser's localStorage so a check-in
// survives closing the tab. Keyed by the signed-in person and the questionnaire's id and
// version (a new version may have other statements). Never sent anywhere but to the check-in
// itself; removed once that is saved, when the person starts over, and when it is older than
// `maxAgeMs` (a half-done check-in from long ago says little about now).
//
// The pending Idempotency-Key is kept with the answers: if a submission reached the server but
// the answer was lost and the tab then closed, sending again with the same key still makes only
// one result.
//
// Not thread-safe in any useful sense: two tabs answering the same questionnaire at once simply
// overwrite each other's draft, and the last one written wins.

export interface Draft {
  answers: Record<string, number>;
  /** Index of the statement on screen. */
  step: number;
  /** The Idempotency-Key of an attempt whose outcome is unknown (network failure). */
  pendingKey?: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

export const maxAgeMs = 30 * 24 * 60 * 60 * 1000;

const prefix = 'securebase.checkin.';

export function draftKey(userId: string, questionnaireId: string, version: number | string): string {
  return `${prefix}${userId}.${questionnaireId}@${version}`;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be switched off (private modes, site settings): the check-in still works,
    // it just cannot be resumed.
    return undefined;
  }
}

export function loadDraft(key: string, now: number = Date.now()): Draft | undefined {
  const store = storage();
  const text = store?.getItem(key);
  if (!store || !text) return undefined;
  const draft = parse(text);
  if (!draft || now - draft.savedAt > maxAgeMs || draft.savedAt > now + 60_000) {
    store.removeItem(key);
    return undefined;
  }
  return draft;
}

export function saveDraft(key: string, draft: Omit<Draft, 'savedAt'>, now: number = Date.now()): void {
  try {
    storage()?.setItem(key, JSON.stringify({ ...draft, savedAt: now }));
  } catch {
    // Full or refused: keep going without resuming.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

/**
 * Forgets every unfinished check-in kept in this browser, whoever it belonged to: for logging
 * out on a shared device.
 */
export function clearAllDrafts(): void {
  const store = storage();
  if (!store) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

function parse(text: string): Draft | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.savedAt !== 'number' || typeof record.step !== 'number') return undefined;
  if (typeof record.answers !== 'object' || record.answers === null) return undefined;
  const answers: Record<string, number> = {};
  for (const [item, answer] of Object.entries(record.answers as Record<string, unknown>)) {
    if (typeof answer === 'number' && Number.isFinite(answer)) answers[item] = answer;
  }
  const draft: Draft = { answers, step: Math.max(0, Math.floor(record.step)), savedAt: record.savedAt };
  if (typeof record.pendingKey === 'string') draft.pendingKey = record.pendingKey;
  return draft;
}
