// Dates, times and small phrases the console's pages share. Times are shown in the
// practitioner's own zone (her schedule's, else her profile's), never the device's: a session
// at 09:00 her time reads 09:00 wherever she opens the console.
import type { BookingStatus, ConsoleBooking, Weekday } from '../../api/console-scheduling';

export const weekdayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const statusWords: Record<BookingStatus, string> = {
  confirmed: 'Booked',
  cancelled: 'Cancelled',
  attended: 'Attended',
  no_show: 'Did not come',
};

function format(instant: string | Date, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(date);
  }
}

/** "Monday 30 March, 09:00" in `timeZone`. */
export function dayAndTime(instant: string, timeZone: string): string {
  const day = format(instant, timeZone, { weekday: 'long', day: 'numeric', month: 'long' });
  return `${day}, ${timeOfDay(instant, timeZone)}`;
}

/** "09:00". */
export function timeOfDay(instant: string, timeZone: string): string {
  return format(instant, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** "30 March 2026". */
export function longDate(instant: string | Date, timeZone: string): string {
  return format(instant, timeZone, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** The local date YYYY-MM-DD of an instant in `timeZone`. */
export function localDate(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  try {
    // Swedish writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** "Saturday 24 December 2026" for a local date YYYY-MM-DD. */
export function dateWords(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return format(`${date}T12:00:00Z`, 'UTC', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** "50 minutes", "1 hour", "1 hour 30 minutes". */
export function minutesWords(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const h = hours === 1 ? '1 hour' : `${hours} hours`;
  const m = minutes === 1 ? '1 minute' : `${minutes} minutes`;
  if (hours === 0) return m;
  return minutes === 0 ? h : `${h} ${m}`;
}

/** The session has begun (or is over) at `now`. */
export function hasBegun(booking: Pick<ConsoleBooking, 'start'>, now: Date): boolean {
  return new Date(booking.start).getTime() <= now.getTime();
}

/** An instant as the API writes them: RFC 3339 UTC, whole seconds. */
export function isoInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
