// The audit log in words: each action the server writes, what the detail's kinds mean, and who
// someone is ("You" for her; a person since deleted said so). Unknown actions and detail are shown
// as the server wrote them, so nothing is hidden. Pure functions.
import type { AuditPerson } from '../../api/console-clients';
import { entriesCount, kindWords } from '../sharing/sharing-words';
import type { ShareKind } from '../../api/shares';

const actionNames: Record<string, string> = {
  'shared.read': 'Opened a client’s page',
  'sharing.changed': 'Changed what they share',
  'sharing.revoked': 'Stopped sharing everything',
  'note.written': 'Wrote or changed a session note',
  'note.deleted': 'Deleted a session note',
  'content.saved': 'Saved a content file',
  'content.reloaded': 'Reloaded the content',
};

export function actionName(action: string): string {
  return actionNames[action] ?? action;
}

/** "checkins, course, journal_entries:2" → "Check-in results, Course progress, 2 journal entries". */
export function detailWords(detail: string): string {
  if (detail === '') return '';
  if (detail === 'nothing shared') return 'Nothing shared';
  return detail
    .split(/,\s*/)
    .map((token) => {
      const [kind, count] = token.split(':');
      if (kind === 'journal_entries' && count !== undefined && /^\d+$/.test(count)) return entriesCount(Number(count));
      return kind && kind in kindWords && count === undefined ? kindWords[kind as ShareKind].name : token;
    })
    .join(', ');
}

/** "You", the person's name, "Someone since deleted", or "—" when nobody is named. */
export function personWords(person: AuditPerson | null, meId: string): string {
  if (!person) return '—';
  if (person.id === meId) return 'You';
  return person.name ?? 'Someone since deleted';
}
