// The main sections of Secure Base, in navigation order. The navigation and the home page both
// read this list, so when a feature lands, flipping `ready` here updates what the home page
// tells people is available. Keep `ready: false` until the feature truly works end to end.
import type { IconName } from './components/icon';

export interface Section {
  /** Route path; also used as the key. */
  path: string;
  /** Short label for the navigation (fits a phone's tab bar). */
  label: string;
  icon: IconName;
  /** One plain sentence on what this section is for, shown on the home page. */
  summary: string;
  ready: boolean;
}

export const sections: readonly Section[] = [
  {
    path: '/',
    label: 'Home',
    icon: 'home',
    summary: 'Where you start.',
    ready: true,
  },
  {
    path: '/course',
    label: 'Course',
    icon: 'course',
    summary: 'Short lessons on anxious attachment and how security can grow, at your own pace.',
    ready: true,
  },
  {
    path: '/practices',
    label: 'Practices',
    icon: 'practices',
    summary: 'Guided breathing, grounding and self-compassion for moments that feel too much.',
    ready: true,
  },
  {
    path: '/journal',
    label: 'Journal',
    icon: 'journal',
    summary: 'A private place to notice what set you off, what you felt and what helped.',
    ready: true,
  },
  {
    path: '/progress',
    label: 'Progress',
    icon: 'progress',
    summary: 'A gentle view of how things change for you over time.',
    ready: true,
  },
  {
    path: '/sessions',
    label: 'Sessions',
    icon: 'sessions',
    summary: 'Book a video session with your therapist, shown in your own time zone.',
    ready: true,
  },
];
