// The journal's own addresses that more than one screen builds.
import { journalKinds, type JournalKind } from '../../api/journal';

export function isKind(value: unknown): value is JournalKind {
  return (journalKinds as readonly unknown[]).includes(value);
}

/** Carries on with a draft of a new entry, without asking first. */
export function resumePathNew(kind: JournalKind, entryId: string): string {
  return `/journal/new?kind=${kind}&draft=${entryId}`;
}

/** Carries on with unfinished changes to an entry, without asking first. */
export function resumePathEdit(entryId: string): string {
  return `/journal/${entryId}/edit?draft=${entryId}`;
}
