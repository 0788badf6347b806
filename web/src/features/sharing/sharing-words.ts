// The words the sharing screens use for each kind of thing a learner can share: its name, what
// the practitioner then sees, and what she does not. Said plainly, as facts, in one place, so the
// learner's page and the practitioner's client page name things the same way. No pressure: each
// kind is an offer, never a step.
import type { ShareKind } from '../../api/shares';

export interface KindWords {
  /** The choice's label, about the learner: "My check-in results". */
  label: string;
  /** Short, for labels and lists: "Check-in results". */
  name: string;
  /** What the practitioner sees once it is shared, in a sentence. */
  sees: string;
}

export const kindWords: Record<ShareKind, KindWords> = {
  checkins: {
    label: 'My check-in results',
    name: 'Check-in results',
    sees: 'Every check-in result: where your answers fall on closeness and distance, and how often the eight signs came up. Not your answer to each question.',
  },
  practice: {
    label: 'My practice summary',
    name: 'Practice summary',
    sees: 'The minutes you practised each week, which practices you used, and your average distress before and after. Not each session.',
  },
  course: {
    label: 'My course progress',
    name: 'Course progress',
    sees: 'How many lessons of each course you have completed. Not what you wrote in the lessons.',
  },
  journal_entries: {
    label: 'Journal entries I choose',
    name: 'Chosen journal entries',
    sees: 'Only the entries you tick, in full, as you wrote them. Nothing else from your journal. An entry you later delete is gone for them too.',
  },
};

/** What an "intake.read" look showed: one session's answers, never shared but theirs to know of. */
export const bookingAnswersWords = 'the answers you gave when booking a session';

/** "1 journal entry"; "3 journal entries". */
export function entriesCount(count: number): string {
  return count === 1 ? '1 journal entry' : `${count} journal entries`;
}

/**
 * What a look showed, from the audit log's detail: "checkins, course, journal_entries:2" →
 * "Check-in results, Course progress, 2 journal entries"; "booking:bk_…" (one session's intake
 * answers) → "Answers given when booking" (the id is in the API for whoever needs it). Anything
 * else is shown as written, so nothing is hidden.
 */
export function detailWords(detail: string): string {
  if (detail === '') return '';
  if (detail === 'nothing shared') return 'Nothing shared';
  return detail
    .split(/,\s*/)
    .map((token) => {
      const [kind, count] = token.split(':');
      if (kind === 'journal_entries' && count !== undefined && /^\d+$/.test(count)) return entriesCount(Number(count));
      // An "intake.read" row names the booking whose answers were opened.
      if (kind === 'booking' && count !== undefined && count !== '') return 'Answers given when booking';
      return kind && kind in kindWords && count === undefined ? kindWords[kind as ShareKind].name : token;
    })
    .join(', ');
}
