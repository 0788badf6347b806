// Kind, everyday names for the eight signs of anxious attachment and for the two attachment
// subscales. Kept apart from the longer results wording because the Home card needs only these
// (it is part of the first screen; the rest of the check-in loads on first use).

const signNames: Record<string, string> = {
  fear_of_abandonment: 'Fear of being left',
  need_for_reassurance: 'Needing reassurance',
  sensitivity_to_changes: 'Noticing small changes in others',
  jealousy_insecurity: 'Jealousy or feeling unsure',
  emotional_regulation: 'Feelings that are hard to settle',
  clinging: 'Holding on tightly',
  fear_of_being_alone: 'Finding time alone hard',
  rumination: 'Going over things again and again',
};

const subscaleNames: Record<string, string> = {
  anxiety: 'Worry about closeness',
  avoidance: 'Keeping your distance',
};

/** A sign's name for people; an id the app does not know yet is shown tidied, never hidden. */
export function signName(id: string): string {
  return signNames[id] ?? tidy(id);
}

/** A subscale's name for people (attachment subscales, or a sign id on the eight-signs list). */
export function subscaleName(id: string): string {
  return subscaleNames[id] ?? signNames[id] ?? tidy(id);
}

function tidy(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A date for people, in their own time zone: "3 March 2026". Falls back to the browser's zone
 * if the saved one is unknown to this browser.
 */
export function formatDate(instant: string, timeZone?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  try {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(date);
  }
}
