// Which practices "pause before reacting" offers, and what a practice done counts as in a
// trigger log's "what helped". The offer is the calming ones (paced breathing, grounding,
// soothing), short ones first, about three minutes each; the catalogue decides what exists.
// Pure functions of the catalogue.
import type { HelpedId } from '../../../api/journal';
import type { Practice } from '../../../api/practices';

/** The "what helped" choice each practice of the built-in catalogue belongs to. */
const familyById: Record<string, HelpedId> = {
  'resonance-breathing': 'paced_breathing',
  'box-breathing': 'paced_breathing',
  'cyclic-sighing': 'paced_breathing',
  'grounding-54321': 'grounding',
  orienting: 'grounding',
  'soothing-touch': 'self_soothing',
  'self-compassion-break': 'self_compassion',
  'pause-before-reacting': 'pausing',
};

/** The families offered in a hard moment, in the order they are offered. */
export const calmingFamilies: readonly HelpedId[] = ['paced_breathing', 'grounding', 'self_soothing'];

/** The length offered: short enough to do right now. */
export const suggestedMinutes = 3;

/** At most this many practices are offered, so choosing is quick. */
export const offeredCount = 4;

/** What a practice counts as in "what helped"; any breathing practice is paced breathing. */
export function practiceFamily(practice: Pick<Practice, 'id' | 'kind'>): HelpedId | undefined {
  return familyById[practice.id] ?? (practice.kind === 'breathing' ? 'paced_breathing' : undefined);
}

/** The length to suggest: three minutes when offered, else the longest under it, else the shortest. */
export function shortLength(practice: Pick<Practice, 'durations' | 'default_duration'>): number {
  const durations = practice.durations.length > 0 ? practice.durations : [practice.default_duration];
  if (durations.includes(suggestedMinutes)) return suggestedMinutes;
  const under = durations.filter((minutes) => minutes < suggestedMinutes);
  return under.length > 0 ? Math.max(...under) : Math.min(...durations);
}

/** The calming practices to offer: by family (breathing, grounding, soothing), shortest first within one. */
export function calmingPractices(practices: Practice[]): Practice[] {
  const ranked = practices
    .map((practice, index) => ({ practice, index, family: calmingFamilies.indexOf(practiceFamily(practice) ?? 'other') }))
    .filter((item) => item.family >= 0)
    .sort(
      (a, b) =>
        a.family - b.family || shortLength(a.practice) - shortLength(b.practice) || a.index - b.index,
    );
  // One of each family first, then the rest, so the choice is varied.
  const firsts = calmingFamilies.flatMap((_, family) => ranked.filter((item) => item.family === family).slice(0, 1));
  const rest = ranked.filter((item) => !firsts.includes(item));
  return [...firsts, ...rest].slice(0, offeredCount).map((item) => item.practice);
}

/** "What helped" with pausing ticked, and the practice's family when one was done. */
export function withPauseTicked(helped: readonly string[], family: HelpedId | undefined): string[] {
  const ticked = new Set(helped);
  ticked.add('pausing');
  if (family) ticked.add(family);
  return [...ticked];
}
