// The hours form as she edits it, and the schedule the API takes (docs/api/scheduling.md, "The
// schedule"). The form groups weekly hours by weekday and keeps a stable key on every row, so
// focus and the server's sentences follow a row however rows come and go; the API wants one
// flat list, so building the body also records which control each path ("weekly[2].end") came
// from.
//
// An end of 00:00 means midnight at the end of the day: a time field cannot hold 24:00, which is
// how the API writes it.
import { weekdays, type DateOverride, type Schedule, type TimeRange, type Weekday } from '../../api/console-scheduling';
import type { FieldError } from '../../api/problem';
import { dateWords, weekdayNames } from './console-words';
import type { FieldRef } from './field-errors';

export interface RangeRow {
  key: string;
  start: string;
  end: string;
}

export interface OverrideRow {
  key: string;
  /** YYYY-MM-DD, or "" until chosen. */
  date: string;
  /** Not working that day; the rows below are kept (hidden) in case she changes her mind. */
  dayOff: boolean;
  ranges: RangeRow[];
}

export interface ScheduleForm {
  timeZone: string;
  weekly: Record<Weekday, RangeRow[]>;
  overrides: OverrideRow[];
}

export const ids = {
  timeZone: 'schedule-time-zone',
  weekly: 'schedule-weekly',
  overrides: 'schedule-overrides',
  day: (weekday: Weekday) => `schedule-day-${weekday}`,
  start: (key: string) => `hours-${key}-start`,
  end: (key: string) => `hours-${key}-end`,
  overrideDate: (key: string) => `override-${key}-date`,
  overrideKind: (key: string) => `override-${key}-kind`,
};

let counter = 0;
/** A key for a new row, unique in this page's life. */
export function newKey(): string {
  counter += 1;
  return `r${counter}`;
}

const fromApiEnd = (end: string) => (end === '24:00' ? '00:00' : end);
const toApiEnd = (end: string) => (end === '00:00' ? '24:00' : end);

function rows(ranges: readonly TimeRange[]): RangeRow[] {
  return ranges.map((r) => ({ key: newKey(), start: r.start, end: fromApiEnd(r.end) }));
}

export function formFromSchedule(schedule: Schedule, fallbackZone: string): ScheduleForm {
  const weekly = Object.fromEntries(weekdays.map((d) => [d, [] as RangeRow[]])) as Record<Weekday, RangeRow[]>;
  for (const range of schedule.weekly ?? []) {
    weekly[range.weekday]?.push({ key: newKey(), start: range.start, end: fromApiEnd(range.end) });
  }
  for (const day of weekdays) weekly[day].sort((a, b) => a.start.localeCompare(b.start));
  const overrides = [...(schedule.overrides ?? [])]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((o) => ({ key: newKey(), date: o.date, dayOff: o.ranges.length === 0, ranges: rows(o.ranges) }));
  return { timeZone: schedule.time_zone || fallbackZone, weekly, overrides };
}

/** A new row of hours: a working day's usual hours first, then one to fill in. */
export function newRange(existing: readonly RangeRow[]): RangeRow {
  return existing.length === 0 ? { key: newKey(), start: '09:00', end: '17:00' } : { key: newKey(), start: '', end: '' };
}

export function newOverride(): OverrideRow {
  return { key: newKey(), date: '', dayOff: true, ranges: [] };
}

export interface ScheduleBody {
  schedule: Schedule;
  /** The controls each path of the body came from, in the order of the form. */
  fields: FieldRef[];
  /** The form's own checks: times and dates left empty. */
  problems: FieldError[];
}

const ordinal = (n: number) => ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'][n] ?? `number ${n + 1}`;

export function scheduleBody(form: ScheduleForm): ScheduleBody {
  const fields: FieldRef[] = [{ path: 'time_zone', id: ids.timeZone, noun: 'the time zone' }];
  const problems: FieldError[] = [];
  const weekly: Schedule['weekly'] = [];

  const addRange = (path: string, row: RangeRow, what: string, into: TimeRange[]) => {
    fields.push({ path: `${path}.start`, id: ids.start(row.key), noun: `the start of ${what}` });
    fields.push({ path: `${path}.end`, id: ids.end(row.key), noun: `the end of ${what}` });
    if (row.start === '') problems.push({ field: `${path}.start`, message: 'is missing: please choose a time' });
    if (row.end === '') problems.push({ field: `${path}.end`, message: 'is missing: please choose a time' });
    into.push({ start: row.start, end: toApiEnd(row.end) });
  };

  for (const day of weekdays) {
    const dayRows = form.weekly[day];
    dayRows.forEach((row, n) => {
      const what = dayRows.length > 1 ? `${weekdayNames[day]}’s ${ordinal(n)} hours` : `${weekdayNames[day]}’s hours`;
      const ranges: TimeRange[] = [];
      addRange(`weekly[${weekly.length}]`, row, what, ranges);
      weekly.push({ weekday: day, ...ranges[0]! });
    });
  }

  const overrides: DateOverride[] = [];
  form.overrides.forEach((o, i) => {
    const path = `overrides[${i}]`;
    const named = o.date ? dateWords(o.date) : `particular date ${i + 1}`;
    fields.push({ path: `${path}.date`, id: ids.overrideDate(o.key), noun: `the date of particular date ${i + 1}` });
    if (o.date === '') problems.push({ field: `${path}.date`, message: 'is missing: please choose a day' });
    const ranges: TimeRange[] = [];
    if (!o.dayOff) {
      o.ranges.forEach((row, n) =>
        addRange(`${path}.ranges[${n}]`, row, o.ranges.length > 1 ? `the ${ordinal(n)} hours on ${named}` : `the hours on ${named}`, ranges),
      );
      fields.push({ path: `${path}.ranges`, id: ids.overrideKind(o.key), noun: `the hours on ${named}` });
      if (o.ranges.length === 0) {
        problems.push({ field: `${path}.ranges`, message: 'are missing: add some hours, or choose “Not working that day”' });
      }
    }
    fields.push({ path, id: ids.overrideDate(o.key), noun: named });
    overrides.push({ date: o.date, ranges });
  });

  fields.push({ path: 'weekly', id: ids.weekly, noun: 'your weekly hours' });
  fields.push({ path: 'overrides', id: ids.overrides, noun: 'your particular dates' });
  return { schedule: { time_zone: form.timeZone, weekly, overrides }, fields, problems };
}
