// The words the journal uses for its choice ids: body sensations, urges, what helped, the three
// nervous-system states, the kinds of entry and the parts of the day. One place, so the forms,
// the entry view, the list, the insights charts and the tests all say exactly the same thing.
// Sign names live with the check-in (features/checkin/sign-words.ts) and are re-exported here.
// Plain data and pure functions.
import type { DayPart, HelpedId, JournalKind, NervousState, SensationId, StateOrUnknown, UrgeId } from '../../api/journal';

export { signName } from '../checkin/sign-words';

export const sensationWords: Record<SensationId, string> = {
  tight_chest: 'Tight chest',
  racing_heart: 'Racing heart',
  knotted_stomach: 'Knotted stomach',
  shallow_breath: 'Shallow breathing',
  hot_face: 'Hot face',
  tense_muscles: 'Tense muscles',
  lump_in_throat: 'Lump in the throat',
  restless: 'Restless, can’t sit still',
  heavy_or_numb: 'Heavy or numb',
  shaky: 'Shaky',
};

export const urgeWords: Record<UrgeId, string> = {
  seek_reassurance: 'Ask for reassurance',
  check_phone: 'Check my phone or their profile',
  withdraw: 'Pull away or go quiet',
  protest: 'Protest: get angry, accuse, make a point',
  other: 'Something else',
};

export const helpedWords: Record<HelpedId, string> = {
  paced_breathing: 'Slow, paced breathing',
  grounding: 'Grounding (noticing what is around me)',
  self_soothing: 'Soothing myself (warmth, touch, a kind voice)',
  self_compassion: 'Being kind to myself',
  pausing: 'Pausing before acting',
  reaching_out: 'Talking to someone I trust',
  movement: 'Moving my body',
  writing: 'Writing it down',
  rest: 'Rest or sleep',
  other: 'Something else',
};

/** The states, each with a short name and a line that says what it can feel like. */
export const stateWords: Record<NervousState, { name: string; hint: string }> = {
  settled: { name: 'Settled', hint: 'Calm enough to think and connect.' },
  activated: { name: 'Stirred up', hint: 'Racing, on alert, hard to sit still.' },
  shut_down: { name: 'Shut down', hint: 'Flat, numb, far away or frozen.' },
};

/** "Not sure" stands for a state left open (null in an entry; `unknown` in insights). */
export const stateNotSure = 'Not sure';

export const kindWords: Record<JournalKind, { name: string; start: string; describe: string }> = {
  trigger: {
    name: 'Trigger log',
    start: 'Log a hard moment',
    describe: 'What set you off, what you told yourself, how your body felt and what helped.',
  },
  reflection: {
    name: 'Reflection',
    start: 'Write a reflection',
    describe: 'Free writing, or an answer to a question from the course.',
  },
  parts: {
    name: 'Parts note',
    start: 'Write about a part of you',
    describe: 'A part of you that steps in: what it fears, what it protects, what it needs.',
  },
};

export const dayPartWords: Record<DayPart, string> = {
  night: 'Night (midnight to 6am)',
  morning: 'Morning (6am to noon)',
  afternoon: 'Afternoon (noon to 6pm)',
  evening: 'Evening (6pm to midnight)',
};

/** Words for any id, tidied when the app does not know it yet (never hidden). */
export function sensationName(id: string): string {
  return (sensationWords as Record<string, string>)[id] ?? tidy(id);
}

export function urgeName(id: string): string {
  return (urgeWords as Record<string, string>)[id] ?? tidy(id);
}

export function helpedName(id: string): string {
  return (helpedWords as Record<string, string>)[id] ?? tidy(id);
}

/** A state's name; null and `unknown` are "Not sure". */
export function stateName(state: StateOrUnknown | string | null): string {
  if (state === null || state === 'unknown') return stateNotSure;
  return (stateWords as Record<string, { name: string }>)[state]?.name ?? tidy(state);
}

export function kindName(kind: string): string {
  return (kindWords as Record<string, { name: string }>)[kind]?.name ?? tidy(kind);
}

export function dayPartName(part: string): string {
  return (dayPartWords as Record<string, string>)[part] ?? tidy(part);
}

function tidy(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
