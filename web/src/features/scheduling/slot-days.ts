// Free slots arranged for the picker: by local day in the chosen zone, and those days by week
// (Monday to Sunday). The slots and their instants are the server's; this only sorts them into
// the client's calendar, reading each start's local day with Intl in that zone.
//
// Pure functions of plain data.
import type { Slot } from '../../api/scheduling';
import { localDay } from './time-words';

export interface SlotDay {
  /** The local day, "2026-03-30". */
  day: string;
  /** Earliest first. */
  slots: Slot[];
}

export interface SlotWeek {
  /** The Monday that starts the week, "2026-03-30". */
  monday: string;
  /** Seven days, Monday first; a day without free slots has none. */
  days: SlotDay[];
  /** Free slots that week. */
  count: number;
}

/** The slots by local day in `timeZone`, days in order, each day's slots earliest first. */
export function slotDays(slots: readonly Slot[], timeZone: string): SlotDay[] {
  const byDay = new Map<string, Slot[]>();
  const sorted = [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const slot of sorted) {
    const day = localDay(slot.start, timeZone);
    const list = byDay.get(day);
    if (list) list.push(slot);
    else byDay.set(day, [slot]);
  }
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, list]) => ({ day, slots: list }));
}

function toDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar day `count` days after `day` (calendar dates: no zone involved). */
export function addDays(day: string, count: number): string {
  const date = toDate(day);
  date.setUTCDate(date.getUTCDate() + count);
  return toDay(date);
}

/** The Monday of the week holding `day`. */
export function mondayOf(day: string): string {
  const weekday = (toDate(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/**
 * Every week from the one holding `firstDay` to the one holding `lastDay` (both local days),
 * with that week's free slots; weeks with none are kept, so the picker can say so.
 */
export function slotWeeks(days: readonly SlotDay[], firstDay: string, lastDay: string): SlotWeek[] {
  const byDay = new Map(days.map((d) => [d.day, d.slots]));
  const weeks: SlotWeek[] = [];
  const end = mondayOf(lastDay < firstDay ? firstDay : lastDay);
  for (let monday = mondayOf(firstDay); monday <= end; monday = addDays(monday, 7)) {
    const week: SlotDay[] = [];
    for (let i = 0; i < 7; i += 1) {
      const day = addDays(monday, i);
      week.push({ day, slots: byDay.get(day) ?? [] });
    }
    weeks.push({ monday, days: week, count: week.reduce((n, d) => n + d.slots.length, 0) });
  }
  return weeks;
}
