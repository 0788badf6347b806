// The audit log in words: each action the server writes, what the detail's kinds mean, and who
// someone is ("You" for her; a person since deleted said so). Unknown actions and detail are shown
// as the server wrote them, so nothing is hidden. Pure functions.
import type { AuditPerson } from '../../api/console-clients';
export { detailWords } from '../sharing/sharing-words';

const actionNames: Record<string, string> = {
  'shared.read': 'Opened a client’s page',
  'sharing.changed': 'Changed what they share',
  'sharing.revoked': 'Stopped sharing everything',
  'note.written': 'Wrote or changed a session note',
  'note.deleted': 'Deleted a session note',
  'content.saved': 'Saved a content file',
  'content.reloaded': 'Reloaded the content',
  'account.deleted': 'Account deleted',
  'note.expired': 'Session note deleted at the end of its keeping period',
  'two_factor.reset': 'Two-factor sign-in turned off',
  'intake.read': 'Opened a client’s answers to the booking questions',
};

export function actionName(action: string): string {
  return actionNames[action] ?? action;
}

/** "You", the person's name, the operator, "Someone since deleted", or "—" when nobody is named. */
export function personWords(person: AuditPerson | null, meId: string): string {
  if (!person) return '—';
  if (person.id === meId) return 'You';
  // A deletion or two-factor reset the operator made from the command line (securebase
  // delete-user, securebase user reset-two-factor).
  if (person.id === 'operator') return 'The site’s operator';
  return person.name ?? 'Someone since deleted';
}
