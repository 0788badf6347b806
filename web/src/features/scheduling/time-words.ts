// Instants as words in a chosen time zone, for the booking screens. Every instant comes from the
// server; these only format it (Intl.DateTimeFormat with the zone) and name the zone. Calendar
// dates ("2026-03-30", a local day) are formatted as dates, so no zone can shift them.
//
// Pure functions; English (en-GB) words and the 24-hour clock, like the rest of the app.

const locale = 'en-GB';

// Formatters are costly to make and the slot picker formats hundreds of times: one per zone
// and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    try {
      made = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      // An unknown zone: the device's own rather than nothing.
      made = new Intl.DateTimeFormat(locale, options);
    }
    formatters.set(key, made);
  }
  return made;
}

function dateOf(instant: string | number): Date {
  return new Date(instant);
}

/** The local calendar day of an instant in `timeZone`: "2026-03-29". */
export function localDay(instant: string | number, timeZone: string): string {
  const parts = formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(dateOf(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "10:00" in `timeZone`. */
export function timeWords(instant: string | number, timeZone: string): string {
  return formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(dateOf(instant));
}

/** "Monday 30 March 2026 at 10:00" in `timeZone`. */
export function whenWords(instant: string | number, timeZone: string): string {
  const date = dateOf(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return `${dayWords(localDay(instant, timeZone), true)} at ${timeWords(instant, timeZone)}`;
}

/** "Monday 30 March 2026, 10:00 to 10:50" in `timeZone`. */
export function spanWords(start: string, end: string, timeZone: string): string {
  return `${dayWords(localDay(start, timeZone), true)}, ${timeWords(start, timeZone)} to ${timeWords(end, timeZone)}`;
}

function calendarDate(day: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
}

/** A local day "2026-03-30" as "Monday 30 March" (with the year: "Monday 30 March 2026"). */
export function dayWords(day: string, withYear = false): string {
  const date = calendarDate(day);
  if (!date) return day;
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
  if (withYear) options.year = 'numeric';
  return formatter('UTC', options).format(date).replace(',', '');
}

/** A local day as its short weekday and day of the month: ["Mon", "30"]. */
export function dayParts(day: string): [string, string] {
  const date = calendarDate(day);
  if (!date) return [day, ''];
  return [formatter('UTC', { weekday: 'short' }).format(date), String(date.getUTCDate())];
}

/** "30 March" for the Monday that starts a week. */
export function weekWords(monday: string): string {
  const date = calendarDate(monday);
  return date ? formatter('UTC', { day: 'numeric', month: 'long' }).format(date) : monday;
}

/** "America/New_York" → "New York"; "America/Argentina/Buenos_Aires" → "Buenos Aires"; "UTC" stays. */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

/**
 * "10:00 your time (15:00 in London)": the practitioner's time beside the client's when her
 * clock says something else, with her day when it is another day ("(03:00 Tuesday in London)").
 */
export function slotWords(instant: string, timeZone: string, practitionerZone: string | undefined): string {
  const mine = timeWords(instant, timeZone);
  const hers = theirTime(instant, timeZone, practitionerZone);
  return hers ? `${mine} your time (${hers})` : mine;
}

/** "15:00 in London", or "" when her clock reads the same as the client's. */
export function theirTime(instant: string, timeZone: string, practitionerZone: string | undefined): string {
  if (!practitionerZone || practitionerZone === timeZone) return '';
  const mine = timeWords(instant, timeZone);
  const hers = timeWords(instant, practitionerZone);
  const myDay = localDay(instant, timeZone);
  const herDay = localDay(instant, practitionerZone);
  if (hers === mine && herDay === myDay) return '';
  const weekday = herDay === myDay ? '' : ` ${dayWords(herDay).split(' ')[0]}`;
  return `${hers}${weekday} in ${zoneCity(practitionerZone)}`;
}

/** How long, in words: "50 minutes", "1 hour", "1 hour 30 minutes". */
export function durationWords(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 1 ? '1 hour' : `${hours} hours`;
  const m = rest === 1 ? '1 minute' : `${rest} minutes`;
  if (hours === 0) return m;
  return rest === 0 ? h : `${h} ${m}`;
}
