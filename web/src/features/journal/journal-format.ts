// Small pure helpers the journal screens share: dates and times in the learner's own zone, the
// local value of a date-and-time field, tags typed as one comma-separated line, lengths counted
// as the server counts them (Unicode code points), and a short preview of an entry.
import type { Entry } from '../../api/journal';
export { browserTimeZone } from '../practices/history-words';

/** "Tuesday, 3 March 2026 at 21:40" in `timeZone` (the browser's when that zone is unknown). */
export function whenWords(instant: string, timeZone?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(date);
  }
}

/** The value of an <input type="datetime-local"> for an instant, in the browser's zone. */
export function localInputValue(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

/**
 * The RFC 3339 UTC instant (whole seconds) of a datetime-local value read in the browser's zone;
 * undefined when the value is not one.
 */
export function instantFromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  // A date and time without an offset is read as local time.
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "evenings, Texting ,, work" → ["evenings", "Texting", "work"] (the server folds case). */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** Characters as the server counts them: Unicode code points. */
export function lengthOf(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** The first words of an entry, for the list: at most `max` characters, on one line. */
export function entryPreview(entry: Pick<Entry, 'kind' | 'trigger' | 'reflection' | 'parts'>, max = 140): string {
  let text = '';
  if (entry.kind === 'trigger' && entry.trigger) {
    const t = entry.trigger;
    text =
      [t.situation, t.self_talk, t.action, t.body_note].find((s) => s.trim() !== '') ??
      t.emotions.map((e) => e.name).join(', ');
  } else if (entry.kind === 'reflection' && entry.reflection) {
    text = entry.reflection.text;
  } else if (entry.kind === 'parts' && entry.parts) {
    text = entry.parts.name;
  }
  return shorten(text.replace(/\s+/g, ' ').trim(), max);
}

export function shorten(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, max - 1).join('').trimEnd()}…`;
}

/** "1 entry", "37 entries". */
export function entriesWords(count: number): string {
  return count === 1 ? '1 entry' : `${count} entries`;
}
