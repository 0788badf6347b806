// Words for when a closed module opens, in the reader's own time zone.
import type { ModuleState } from '../../api/course';

export function openingDate(iso: string, timeZone: string | undefined, locale?: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(date);
  } catch {
    // An unknown zone: the reader's own device zone is the next best thing.
    return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(date);
  }
}

/** One kind sentence on when a module opens, or undefined when it is open. */
export function whenItOpens(
  state: ModuleState,
  opensAt: string | null,
  previousTitle: string | undefined,
  timeZone: string | undefined,
): string | undefined {
  if (state === 'open') return undefined;
  if (state === 'waiting' && opensAt) return `Opens on ${openingDate(opensAt, timeZone)}.`;
  return previousTitle
    ? `Opens a few days after you start “${previousTitle}”.`
    : 'Opens a few days after you start the module before it.';
}
