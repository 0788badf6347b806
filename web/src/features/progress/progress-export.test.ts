import { describe, expect, it } from 'vitest';
import { csvHeader, csvRows, exportFileName, localDate, progressCsv, progressDocument, progressJson } from './progress-export';
import { checkinPart, course, coursePart, journalPart, practicePart } from './progress-fixtures';

const preparedAt = new Date('2026-03-24T23:30:00Z');
const full = {
  preparedAt,
  timeZone: 'Europe/London',
  checkins: checkinPart(),
  practice: practicePart(),
  course: coursePart(),
  journal: journalPart(),
};

describe('file names and dates', () => {
  it('names the file by the local date it was prepared', () => {
    expect(exportFileName('csv', preparedAt, 'Europe/London')).toBe('securebase-progress-2026-03-24.csv');
    expect(exportFileName('json', preparedAt, 'Europe/Berlin')).toBe('securebase-progress-2026-03-25.json');
    expect(localDate('2026-01-10T09:00:00Z', 'America/New_York')).toBe('2026-01-10');
  });
});

describe('progressCsv', () => {
  it('is one long table with a header row: a number or a name per row', () => {
    const lines = progressCsv(full).split('\r\n');
    expect(lines[0]).toBe(csvHeader.join(','));
    expect(lines).toContain('closeness_and_distance,2026-01-10,Worry about closeness,score 1-7,5.5');
    expect(lines).toContain('closeness_and_distance,2026-03-20,Keeping your distance,score 1-7,2');
    expect(lines).toContain('closeness_and_distance,2026-03-20,Area,name,Anxious');
    expect(lines).toContain('eight_signs,2026-01-10,Fear of being left,how often 0-4,3');
    expect(lines).toContain('eight_signs,2026-03-20,Going over things again and again,how often 0-4,4');
    expect(lines).toContain('practice_week,2026-03-23,All practices,minutes,15');
    expect(lines).toContain('practice,,Box breathing,average change in distress 0-10 (after minus before),-1.5');
    expect(lines).toContain('practice,,Grounding through the five senses,average change in distress 0-10 (after minus before),');
    expect(lines).toContain('practice_distress,,All practices,rated before and after,3');
    expect(lines).toContain('practice_distress,,All practices,average distress before 0-10,5.7');
    expect(lines).toContain('practice_distress,,All practices,average distress after 0-10,4');
    expect(lines).toContain('course,,Heal Insecure Attachment,lessons completed,3');
    expect(lines).toContain('course,,Heal Insecure Attachment,lessons in all,24');
    expect(lines).toContain('journal,,Trigger logs,all time,14');
    expect(lines).toContain('journal_sign,,Fear of being left,trigger logs in the last 12 weeks,3');
    expect(lines).toContain('journal_state,,Stirred up,trigger logs in the last 12 weeks,10');
    expect(lines[lines.length - 1]).toBe('');
    // Every row has the five columns.
    for (const row of csvRows(full)) expect(row).toHaveLength(csvHeader.length);
  });

  it('escapes a title a spreadsheet would misread', () => {
    const risky = { ...full, course: coursePart([course({ title: '=Heal, "gently"' })]) };
    expect(progressCsv(risky)).toContain('course,,"\'=Heal, ""gently""",lessons completed,3\r\n');
  });

  it('leaves out a part that did not load', () => {
    const text = progressCsv({ preparedAt, timeZone: 'Europe/London', course: coursePart() });
    expect(text).toBe(
      'section,date,item,measure,value\r\ncourse,,Heal Insecure Attachment,lessons completed,3\r\ncourse,,Heal Insecure Attachment,lessons in all,24\r\n',
    );
  });
});

describe('progressJson', () => {
  it('holds each section, and names the ones that did not load', () => {
    const doc = JSON.parse(progressJson({ ...full, journal: undefined })) as ReturnType<typeof progressDocument>;
    expect(doc.prepared_at).toBe('2026-03-24T23:30:00.000Z');
    expect(doc.not_loaded).toEqual(['journal']);
    expect(doc.journal).toBeNull();
    expect(doc.closeness_and_distance!.results).toEqual([
      { taken_at: '2026-01-10T09:00:00Z', anxiety: 5.5, avoidance: 2.5, area: 'anxious_preoccupied' },
      { taken_at: '2026-03-20T09:00:00Z', anxiety: 4.5, avoidance: 2, area: 'anxious_preoccupied' },
    ]);
    expect(doc.eight_signs!.results[1]).toEqual({
      taken_at: '2026-03-20T09:05:00Z',
      signs: { fear_of_abandonment: 2, rumination: 4 },
    });
    expect(doc.practice!.totals.distress).toEqual({ n: 3, mean_before: 5.7, mean_after: 4 });
    expect(doc.practice!.weeks).toHaveLength(12);
    expect(doc.course).toEqual({
      lessons_completed: 3,
      lessons_total: 24,
      courses: [{ id: 'heal', title: 'Heal Insecure Attachment', lessons_completed: 3, lessons_total: 24 }],
    });
    expect(doc.note).toContain('not a measurement of health');
  });

  it('carries the journal’s counts and never its text', () => {
    const doc = progressDocument(full);
    expect(doc.journal).toMatchObject({
      trigger_logs_all_time: 14,
      ready: true,
      signs_in_weeks: { fear_of_abandonment: 3, rumination: 1 },
      states_in_weeks: { activated: 10, shut_down: 2, settled: 1, unknown: 1 },
    });
    expect(Object.keys(doc.journal!)).toEqual(['trigger_logs_all_time', 'ready', 'minimum', 'weeks', 'signs_in_weeks', 'states_in_weeks']);
  });
});
