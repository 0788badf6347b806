// The course (docs/api/course.md). Everything needs a session that has finished signing in.
//
//   GET /api/v1/courses                        → {courses: CourseSummary[]}
//   GET /api/v1/courses/{id}                   → CourseOutline; 404 unknown course
//   GET /api/v1/lessons/{id}                   → Lesson; 404 unknown; 403 `module-not-open`
//   PUT /api/v1/lessons/{id}/progress          {completed?, position?} → {progress}
//   GET /api/v1/lessons/{id}/answers           → {answers: {promptId: text}}
//   PUT /api/v1/lessons/{id}/answers/{prompt}  {text} → 204 (blank text removes the answer)
import type { ApiClient, RequestOptions } from './client';
import { defaultClient } from './default-client';
import { problemType } from './problem';

/** "waiting": opens at opens_at; "locked": opens a while after the previous module is started. */
export type ModuleState = 'open' | 'waiting' | 'locked';

export interface Pacing {
  mode: 'open' | 'gentle';
  days_between_modules: number;
}

export interface ContinueAt {
  lesson_id: string;
  title: string;
  module_id: string;
  module_title: string;
  state: ModuleState;
  opens_at: string | null;
}

export interface CourseSummary {
  id: string;
  title: string;
  summary: string;
  pacing: Pacing;
  lesson_count: number;
  completed_count: number;
  started: boolean;
  complete: boolean;
  /** Where to pick up; null once every lesson is complete. */
  continue: ContinueAt | null;
}

export interface LessonSummary {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  reading_minutes: number;
  opened: boolean;
  completed: boolean;
}

export interface ModuleOutline {
  id: string;
  title: string;
  summary: string;
  state: ModuleState;
  opens_at: string | null;
  lesson_count: number;
  completed_count: number;
  complete: boolean;
  lessons: LessonSummary[];
}

export interface CourseOutline extends CourseSummary {
  modules: ModuleOutline[];
}

export type LessonBlock =
  | { kind: 'html'; html: string }
  | { kind: 'practice'; practice_id: string; title: string }
  | { kind: 'prompt'; id: string; text: string };

export interface LessonProgress {
  opened_at: string;
  completed_at: string | null;
  /** How far read, 0 to 1. */
  position: number;
  updated_at: string;
}

export interface LessonLink {
  id: string;
  title: string;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  aim: string;
  minutes: number;
  reading_minutes: number;
  signs: string[];
  practices: string[];
  course: { id: string; title: string };
  module: { id: string; title: string; number: number; lesson_number: number; lesson_count: number };
  blocks: LessonBlock[];
  previous: LessonLink | null;
  /** open: false when the next lesson's module has not opened yet. */
  next: (LessonLink & { open: boolean }) | null;
  progress: LessonProgress | null;
}

export interface ProgressUpdate {
  completed?: boolean;
  position?: number;
}

/** The answer to reading a lesson whose module has not opened yet. */
export const moduleNotOpenType = problemType('module-not-open');

type Options = Pick<RequestOptions, 'signal'>;

const enc = encodeURIComponent;

export async function listCourses(client: ApiClient = defaultClient(), options: Options = {}) {
  const body = await client.get<{ courses: CourseSummary[] }>('/api/v1/courses', options);
  return body.courses;
}

export function getCourse(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<CourseOutline>(`/api/v1/courses/${enc(id)}`, options);
}

export function getLesson(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<Lesson>(`/api/v1/lessons/${enc(id)}`, options);
}

export async function saveProgress(id: string, update: ProgressUpdate, client: ApiClient = defaultClient()) {
  const body = await client.put<{ progress: LessonProgress }>(`/api/v1/lessons/${enc(id)}/progress`, update);
  return body.progress;
}

export async function getAnswers(id: string, client: ApiClient = defaultClient(), options: Options = {}) {
  const body = await client.get<{ answers: Record<string, string> }>(`/api/v1/lessons/${enc(id)}/answers`, options);
  return body.answers;
}

export function saveAnswer(lessonId: string, promptId: string, text: string, client: ApiClient = defaultClient()) {
  return client.put<void>(`/api/v1/lessons/${enc(lessonId)}/answers/${enc(promptId)}`, { text });
}
