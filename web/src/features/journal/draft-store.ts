// Unfinished journal entries, kept in this browser's localStorage so that nothing the learner
// writes is lost to a closed tab, a reload, a dead battery or a session that ran out: one key
// per signed-in learner and entry id ("securebase.journal-draft.<user>.<entry>"), holding the
// form as typed (form-model.ts), whether the entry was ever saved, and when it was last written.
//
// A draft goes only when the server has confirmed the save (200/201), when the learner discards
// it, when the entry is deleted, and on an explicit log-out (account-menu.tsx calls
// clearAllJournalDrafts, beside the practice queue and the check-in drafts). There is no expiry:
// an entry half-written months ago is still the learner's words. Drafts never leave the device.
//
// createDraftWriter saves while the learner types: each change is written after `delayMs`
// (300 ms) of quiet, and at once on flush (use-draft-autosave.ts flushes on pagehide, when the
// page is hidden, and when the form closes).
//
// Not thread-safe in any useful sense: two tabs editing the same entry overwrite each other's
// draft, and the last write wins. Storage switched off or full: the form still works, without
// drafts.
import type { EntryForm } from './form-model';

export interface JournalDraft {
  /** The entry's id: the server's id when editing, the id made for a new entry otherwise. */
  entryId: string;
  /** Never saved to the server (as far as this device knows): resumed at /journal/new. */
  isNew: boolean;
  /** As typed. Read back through normalizeForm (form-model.ts) before use. */
  form: EntryForm;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

export const draftPrefix = 'securebase.journal-draft.';
export const defaultDelayMs = 300;

export function draftKey(userId: string, entryId: string): string {
  return `${draftPrefix}${userId}.${entryId}`;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadDraft(userId: string, entryId: string): JournalDraft | undefined {
  let text: string | null | undefined;
  try {
    text = storage()?.getItem(draftKey(userId, entryId));
  } catch {
    return undefined;
  }
  return text ? parse(text) : undefined;
}

/** Writes the draft; false when this browser would not keep it (storage off or full). */
export function saveDraft(userId: string, draft: Omit<JournalDraft, 'savedAt'>, now: number = Date.now()): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(draftKey(userId, draft.entryId), JSON.stringify({ ...draft, savedAt: now }));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(userId: string, entryId: string): void {
  try {
    storage()?.removeItem(draftKey(userId, entryId));
  } catch {
    // Nothing to do.
  }
}

/** Every draft of this learner, the most recently written first. */
export function listDrafts(userId: string): JournalDraft[] {
  const store = storage();
  if (!store) return [];
  const mine = `${draftPrefix}${userId}.`;
  const drafts: JournalDraft[] = [];
  try {
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (!key?.startsWith(mine)) continue;
      const draft = parse(store.getItem(key) ?? '');
      if (draft && key === draftKey(userId, draft.entryId)) drafts.push(draft);
    }
  } catch {
    return drafts;
  }
  return drafts.sort((a, b) => b.savedAt - a.savedAt);
}

/** Forgets every journal draft kept in this browser, whoever wrote it: for logging out. */
export function clearAllJournalDrafts(): void {
  const store = storage();
  if (!store) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (key?.startsWith(draftPrefix)) keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

export interface DraftWriter {
  /** The form changed: write it after a quiet moment. */
  change(form: EntryForm): void;
  /** Write a waiting change now (page hidden or closing). */
  flush(): void;
  /** Drop a waiting change and write nothing more (saved, or discarded). */
  stop(): void;
}

export interface DraftWriterOptions {
  delayMs?: number;
  now?: () => number;
}

export function createDraftWriter(
  userId: string,
  entryId: string,
  isNew: boolean,
  { delayMs = defaultDelayMs, now = Date.now }: DraftWriterOptions = {},
): DraftWriter {
  let waiting: EntryForm | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const write = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!waiting || stopped) return;
    const form = waiting;
    waiting = undefined;
    saveDraft(userId, { entryId, isNew, form }, now());
  };

  return {
    change(form) {
      if (stopped) return;
      waiting = form;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(write, delayMs);
    },
    flush: write,
    stop() {
      stopped = true;
      waiting = undefined;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

function parse(text: string): JournalDraft | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const form = record.form as Record<string, unknown> | null | undefined;
  if (
    typeof record.entryId !== 'string' ||
    typeof record.savedAt !== 'number' ||
    typeof form !== 'object' ||
    form === null ||
    typeof form.kind !== 'string'
  ) {
    return undefined;
  }
  return { entryId: record.entryId, isNew: record.isNew === true, form: form as unknown as EntryForm, savedAt: record.savedAt };
}
