// The course content in the practitioner's console (issue #10). docs/api/content.md is the
// contract; these types follow it field for field. Every route is the practitioner's, after
// two-factor: 401 without a session, 403 for anyone else.
//
//   GET  /api/v1/console/content                     → ContentTree (what learners are served)
//   GET  /api/v1/console/content/file?path=…         → ContentFile; 404 no such file;
//        422 `content-path-refused` for a path that can never name a content file
//   POST /api/v1/console/content/preview {path, text} → ContentPreview (nothing saved)
//   PUT  /api/v1/console/content/file {path, text, revision?} → ContentSaved;
//        422 `content-invalid` with `problems` (nothing saved);
//        409 `content-file-changed` when the file changed since `revision`
//   POST /api/v1/console/content/reload              → ServedContent; 422 `content-invalid`
import type { ApiClient, RequestOptions } from './client';
import { defaultClient } from './default-client';
import { ApiError, problemType } from './problem';
import type { Lesson } from './course';

type Options = Pick<RequestOptions, 'signal'>;

/** Which content learners are served, and since when. `revision` is null before any change. */
export interface ServedContent {
  revision: string | null;
  loaded_at: string;
}

/** A part of the content and the file it is written in (relative to the content folder). */
export interface ContentPart {
  id: string;
  title: string;
  file: string;
}

export interface ContentModule extends ContentPart {
  lessons: ContentPart[];
}

export interface ContentCourse extends ContentPart {
  modules: ContentModule[];
}

export interface ContentTree extends ServedContent {
  courses: ContentCourse[];
  practices: ContentPart[];
  questionnaires: ContentPart[];
  crisis_lines: ContentPart[];
}

export interface ContentFile {
  path: string;
  text: string;
  /** A fingerprint of the text: send it back with a save. */
  revision: string;
}

/** A problem in the content; line is null when it is about a whole file. */
export interface ContentProblem {
  file: string;
  line: number | null;
  message: string;
}

export interface ContentPreview {
  path: string;
  ok: boolean;
  problems: ContentProblem[];
  /** The lesson as a learner would see it; null for other files, or one too broken to read. */
  lesson: Lesson | null;
}

export interface ContentSaved {
  path: string;
  revision: string;
  content: ServedContent;
}

export const contentInvalidType = problemType('content-invalid');
export const contentFileChangedType = problemType('content-file-changed');
export const contentPathRefusedType = problemType('content-path-refused');

/** The problems a refused save or reload carries (422 `content-invalid`), or none. */
export function contentProblems(error: unknown): ContentProblem[] {
  if (!(error instanceof ApiError) || error.type !== contentInvalidType) return [];
  const problems = error.problem.extensions?.problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is ContentProblem =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as ContentProblem).file === 'string' &&
      typeof (p as ContentProblem).message === 'string' &&
      ((p as ContentProblem).line === null || typeof (p as ContentProblem).line === 'number'),
  );
}

export function getContentTree(client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<ContentTree>('/api/v1/console/content', options);
}

export function getContentFile(path: string, client: ApiClient = defaultClient(), options: Options = {}) {
  return client.get<ContentFile>('/api/v1/console/content/file', { ...options, query: { path } });
}

export function previewContent(path: string, text: string, client: ApiClient = defaultClient()) {
  return client.post<ContentPreview>('/api/v1/console/content/preview', { path, text });
}

export function saveContentFile(
  edit: { path: string; text: string; revision?: string },
  client: ApiClient = defaultClient(),
) {
  return client.put<ContentSaved>('/api/v1/console/content/file', edit);
}

export function reloadContent(client: ApiClient = defaultClient()) {
  return client.post<ServedContent>('/api/v1/console/content/reload');
}
