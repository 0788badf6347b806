// The Progress page's parts as the loaders return them, for its unit tests: two attachment
// results, two eight-signs results, practice with ratings, one course and ready insights.
import type { CourseSummary } from '../../api/course';
import { attachment, attachmentResult, eightSigns, signsResult } from '../checkin/test-fixtures';
import { readyInsights } from '../journal/insights/insight-fixtures';
import { statsReport } from '../practices/session-fixtures';
import type { CheckinPart, CoursePart, JournalPart, PracticePart } from './progress-data';

export function checkinPart(overrides: Partial<CheckinPart> = {}): CheckinPart {
  return {
    attachment: [
      attachmentResult('a1', '2026-01-10T09:00:00Z', 5.5, 2.5),
      attachmentResult('a2', '2026-03-20T09:00:00Z', 4.5, 2),
    ],
    signs: [
      signsResult('s1', '2026-01-10T09:05:00Z', { fear_of_abandonment: 3, rumination: 4 }),
      signsResult('s2', '2026-03-20T09:05:00Z', { fear_of_abandonment: 2, rumination: 4 }),
    ],
    attachmentScale: attachment.scale,
    signsScale: eightSigns.scale,
    ...overrides,
  };
}

export function practicePart(overrides: Partial<PracticePart> = {}): PracticePart {
  return {
    stats: statsReport(),
    ...overrides,
  };
}

export function course(overrides: Partial<CourseSummary> = {}): CourseSummary {
  return {
    id: 'heal',
    title: 'Heal Insecure Attachment',
    summary: 'A course.',
    pacing: { mode: 'open', days_between_modules: 0 },
    lesson_count: 24,
    completed_count: 3,
    started: true,
    complete: false,
    continue: null,
    ...overrides,
  };
}

export function coursePart(courses: CourseSummary[] = [course()]): CoursePart {
  return { courses };
}

export function journalPart(): JournalPart {
  const insights = readyInsights();
  insights.weeks[3] = { ...insights.weeks[3]!, signs: { fear_of_abandonment: 2, rumination: 1, clinging: 0 } };
  insights.weeks[11] = { ...insights.weeks[11]!, signs: { fear_of_abandonment: 1 } };
  return { insights };
}
