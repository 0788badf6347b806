// What the Progress page loads, in four parts that load (and fail) on their own: the check-ins,
// practice, the course and the journal's insights. Each loader is a plain async function of the
// API client, so the page, the downloads and the tests share one shape. Stateless.
import type { ApiClient } from '../../api/client';
import { getQuestionnaire, listCheckins, type Checkin, type Scale } from '../../api/checkins';
import { listCourses, type CourseSummary } from '../../api/course';
import { getInsights, type JournalInsights } from '../../api/journal';
import { getPracticeStats, type PracticeStatsReport } from '../../api/practice-sessions';
import { attachmentId, signsId } from '../checkin/pair-results';

/** Weeks of practice and journal shown (the same span as their own history pages). */
export const weeksShown = 12;

export interface CheckinPart {
  /** Attachment results, oldest first. */
  attachment: Checkin[];
  /** Eight-signs results, oldest first. */
  signs: Checkin[];
  attachmentScale: Pick<Scale, 'min' | 'max'>;
  signsScale: Pick<Scale, 'min' | 'max' | 'labels'>;
}

export interface PracticePart {
  /** Weeks, practices and totals, the distress averages among them: the server's figures. */
  stats: PracticeStatsReport;
}

export interface CoursePart {
  courses: CourseSummary[];
}

export interface JournalPart {
  insights: JournalInsights;
}

type Signal = { signal: AbortSignal };

export async function loadCheckins(client: ApiClient, { signal }: Signal): Promise<CheckinPart> {
  const [list, attachment, signs] = await Promise.all([
    listCheckins(undefined, client, { signal }),
    getQuestionnaire(attachmentId, client, { signal }),
    getQuestionnaire(signsId, client, { signal }),
  ]);
  // The server lists newest first (ties in its own order): reversed by position, not re-sorted by
  // time, so two results saved within the same second keep their order.
  const oldestFirst = [...list.checkins].reverse();
  return {
    attachment: oldestFirst.filter((c) => c.questionnaire_id === attachmentId),
    signs: oldestFirst.filter((c) => c.questionnaire_id === signsId),
    attachmentScale: attachment.scale,
    signsScale: signs.scale,
  };
}

export async function loadPractice(client: ApiClient, timeZone: string, { signal }: Signal): Promise<PracticePart> {
  return { stats: await getPracticeStats({ tz: timeZone, weeks: weeksShown }, client, { signal }) };
}

export async function loadCourse(client: ApiClient, { signal }: Signal): Promise<CoursePart> {
  return { courses: await listCourses(client, { signal }) };
}

export async function loadJournal(client: ApiClient, timeZone: string, { signal }: Signal): Promise<JournalPart> {
  return { insights: await getInsights(timeZone, weeksShown, client, { signal }) };
}
