// What each area of the attachment plane is called, and a few sentences about it. Written as
// tendencies that many people share and that can shift, never as a diagnosis or a type, and
// without "good" and "bad" areas: each describes a way of coping that made sense somewhere.
import type { Region } from '../../api/checkins';

export interface RegionWords {
  /** The area's usual name, as the research uses it. */
  name: string;
  /** A short, kind phrase beside the name (fits a quarter of the plane). */
  gist: string;
  /** The same phrase in two short lines, for the plane (a quarter is narrow on a phone). */
  gistLines: [string, string];
  /** A few sentences for the results page. */
  about: string[];
}

export const regionWords: Record<Region, RegionWords> = {
  secure: {
    name: 'Secure',
    gist: 'at ease with closeness',
    gistLines: ['at ease with', 'closeness'],
    about: [
      'Your answers lean towards feeling fairly settled in close relationships: able to lean on people, and to be leaned on, without too much worry about being let down.',
      'That does not mean things never hurt. Most people move around this area depending on what is happening in their lives, and old worries can still wake up at hard moments.',
    ],
  },
  anxious_preoccupied: {
    name: 'Anxious',
    gist: 'reaching for closeness',
    gistLines: ['reaching for', 'closeness'],
    about: [
      'Your answers lean towards caring a great deal about closeness, and worrying about whether it will last. When someone feels far away, you may feel it strongly and want to put it right quickly.',
      'This is a very human way of protecting a bond, often learned when closeness felt uncertain. It can soften with time, understanding and practice, and this course is built around exactly that.',
    ],
  },
  avoidant_dismissing: {
    name: 'Avoidant',
    gist: 'leaning on yourself',
    gistLines: ['leaning on', 'yourself'],
    about: [
      'Your answers lean towards relying on yourself and keeping some room between you and others, especially when things get emotional.',
      'Self-reliance is often a strength that once kept someone safe. Letting people a little closer, at your own pace, is something that can be practised.',
    ],
  },
  fearful: {
    name: 'Fearful',
    gist: 'wanting closeness, wary of it',
    gistLines: ['wanting closeness,', 'wary of it'],
    about: [
      'Your answers lean towards both wanting closeness and finding it hard to trust, so relationships can feel like a pull in two directions at once.',
      'That push and pull makes sense when closeness has sometimes felt unsafe. It is not a fixed trait: with support, many people find steadier ground. If it feels heavy, talking it through with your therapist can help.',
    ],
  },
};

export function regionName(region: Region | null | undefined): string {
  return region ? regionWords[region]?.name ?? region : '—';
}

/** The name with its kind phrase: "Anxious: reaching for closeness". */
export function regionLabel(region: Region | null | undefined): string {
  if (!region) return '—';
  const words = regionWords[region];
  return words ? `${words.name}: ${words.gist}` : region;
}
