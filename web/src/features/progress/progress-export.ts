// The Progress page's data as files to keep or bring to a session: one tidy CSV (a long table,
// one number or name per row: section, date, item, measure, value) and a JSON document with a
// part per section. Both are made from what the page loaded; a part that did not load is left
// out of the CSV and is null in the JSON (named under "not_loaded"). Journal text never appears:
// only counts. Pure functions; the download itself is in download-buttons.tsx.
import { regionName } from '../checkin/region-words';
import { signName, subscaleName } from '../checkin/sign-words';
import { stateName } from '../journal/journal-words';
import { toCsv, type CsvCell } from './csv';
import type { CheckinPart, CoursePart, JournalPart, PracticePart } from './progress-data';
import { courseCompletion, journalSummary } from './progress-model';

export interface ProgressSnapshot {
  preparedAt: Date;
  timeZone: string;
  checkins?: CheckinPart;
  practice?: PracticePart;
  course?: CoursePart;
  journal?: JournalPart;
}

export const csvHeader = ['section', 'date', 'item', 'measure', 'value'];

export const reportedNote =
  'These are the numbers you gave and the things you did, as you recorded them in Secure Base. They are not a measurement of health or a diagnosis.';

/** YYYY-MM-DD of an instant in `timeZone` (the browser's zone if that one is unknown). */
export function localDate(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
  try {
    return new Intl.DateTimeFormat('en-CA', { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-CA', options).format(date);
  }
}

/** "securebase-progress-2026-11-30.csv". */
export function exportFileName(kind: 'csv' | 'json', preparedAt: Date, timeZone: string): string {
  return `securebase-progress-${localDate(preparedAt, timeZone)}.${kind}`;
}

export function progressCsv(snapshot: ProgressSnapshot): string {
  return toCsv(csvHeader, csvRows(snapshot));
}

export function csvRows({ timeZone, checkins, practice, course, journal }: ProgressSnapshot): CsvCell[][] {
  const rows: CsvCell[][] = [];
  if (checkins) {
    const { min, max } = checkins.attachmentScale;
    for (const c of checkins.attachment) {
      const date = localDate(c.taken_at, timeZone);
      for (const id of ['anxiety', 'avoidance']) {
        rows.push(['closeness_and_distance', date, subscaleName(id), `score ${min}-${max}`, c.scores[id]]);
      }
      rows.push(['closeness_and_distance', date, 'Area', 'name', regionName(c.region)]);
    }
    const { min: sMin, max: sMax } = checkins.signsScale;
    for (const c of checkins.signs) {
      const date = localDate(c.taken_at, timeZone);
      for (const sign of c.signs ?? []) {
        rows.push(['eight_signs', date, signName(sign.id), `how often ${sMin}-${sMax}`, sign.score]);
      }
    }
  }
  if (practice) {
    for (const week of practice.stats.weeks) {
      rows.push(['practice_week', week.start, 'All practices', 'times', week.sessions]);
      rows.push(['practice_week', week.start, 'All practices', 'minutes', week.minutes]);
    }
    for (const p of practice.stats.practices) {
      rows.push(['practice', '', p.title, 'times', p.sessions]);
      rows.push(['practice', '', p.title, 'minutes', p.minutes]);
      rows.push(['practice', '', p.title, 'rated before and after', p.distress.n]);
      rows.push(['practice', '', p.title, 'average change in distress 0-10 (after minus before)', p.distress.mean_change]);
    }
    const effect = practice.stats.totals.distress;
    rows.push(['practice_distress', '', 'All practices', 'rated before and after', effect.n]);
    rows.push(['practice_distress', '', 'All practices', 'average distress before 0-10', effect.mean_before]);
    rows.push(['practice_distress', '', 'All practices', 'average distress after 0-10', effect.mean_after]);
  }
  if (course) {
    for (const c of course.courses) {
      rows.push(['course', '', c.title, 'lessons completed', c.completed_count]);
      rows.push(['course', '', c.title, 'lessons in all', c.lesson_count]);
    }
  }
  if (journal) {
    const summary = journalSummary(journal.insights);
    rows.push(['journal', '', 'Trigger logs', 'all time', summary.allTime]);
    if (summary.ready) {
      for (const week of journal.insights.weeks) rows.push(['journal_week', week.week_start, 'Trigger logs', 'count', week.count]);
      for (const s of summary.signs) rows.push(['journal_sign', '', signName(s.id), `trigger logs in the last ${summary.weeks} weeks`, s.count]);
      for (const s of summary.states) rows.push(['journal_state', '', stateName(s.id), `trigger logs in the last ${summary.weeks} weeks`, s.count]);
    }
  }
  return rows;
}

export function progressJson(snapshot: ProgressSnapshot): string {
  return `${JSON.stringify(progressDocument(snapshot), null, 2)}\n`;
}

export function progressDocument({ preparedAt, timeZone, checkins, practice, course, journal }: ProgressSnapshot) {
  const notLoaded = (
    [
      ['check_ins', checkins],
      ['practice', practice],
      ['course', course],
      ['journal', journal],
    ] as const
  )
    .filter(([, part]) => !part)
    .map(([name]) => name);
  return {
    prepared_at: preparedAt.toISOString(),
    time_zone: timeZone,
    note: reportedNote,
    not_loaded: notLoaded,
    closeness_and_distance: checkins
      ? {
          scale: { min: checkins.attachmentScale.min, max: checkins.attachmentScale.max },
          results: checkins.attachment.map((c) => ({
            taken_at: c.taken_at,
            anxiety: c.scores.anxiety ?? null,
            avoidance: c.scores.avoidance ?? null,
            area: c.region ?? null,
          })),
        }
      : null,
    eight_signs: checkins
      ? {
          scale: { min: checkins.signsScale.min, max: checkins.signsScale.max },
          results: checkins.signs.map((c) => ({
            taken_at: c.taken_at,
            signs: Object.fromEntries((c.signs ?? []).map((s) => [s.id, s.score])),
          })),
        }
      : null,
    practice: practice
      ? {
          time_zone: practice.stats.time_zone,
          weeks: practice.stats.weeks,
          practices: practice.stats.practices,
          totals: practice.stats.totals,
        }
      : null,
    course: course
      ? {
          ...renameCompletion(courseCompletion(course)),
          courses: course.courses.map((c) => ({
            id: c.id,
            title: c.title,
            lessons_completed: c.completed_count,
            lessons_total: c.lesson_count,
          })),
        }
      : null,
    journal: journal ? journalJson(journal) : null,
  };
}

function renameCompletion(c: ReturnType<typeof courseCompletion>) {
  return { lessons_completed: c.completed, lessons_total: c.total };
}

function journalJson({ insights }: JournalPart) {
  const summary = journalSummary(insights);
  return {
    trigger_logs_all_time: summary.allTime,
    ready: summary.ready,
    minimum: summary.minimum,
    weeks: insights.weeks.map((w) => ({ week_start: w.week_start, trigger_logs: w.count })),
    signs_in_weeks: Object.fromEntries(summary.signs.map((s) => [s.id, s.count])),
    states_in_weeks: Object.fromEntries(summary.states.map((s) => [s.id, s.count])),
  };
}
