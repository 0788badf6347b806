// The four parts of the Progress page, each loaded on its own with its own "Try again", so one
// that fails leaves the others on show. Weeks are the learner's own: the browser's time zone
// goes to the server, which does the counting.
import { useSession } from '../account/session';
import { useLoad, type Loaded } from '../../components/use-load';
import {
  loadCheckins,
  loadCourse,
  loadJournal,
  loadPractice,
  type CheckinPart,
  type CoursePart,
  type JournalPart,
  type PracticePart,
} from './progress-data';

export interface Part<T> {
  loaded: Loaded<T>;
  retry: () => void;
}

export interface ProgressParts {
  checkins: Part<CheckinPart>;
  practice: Part<PracticePart>;
  course: Part<CoursePart>;
  journal: Part<JournalPart>;
}

export function useProgressParts(timeZone: string): ProgressParts {
  const { client } = useSession();
  const [checkins, retryCheckins] = useLoad((signal) => loadCheckins(client, { signal }), [client]);
  const [practice, retryPractice] = useLoad((signal) => loadPractice(client, timeZone, { signal }), [client, timeZone]);
  const [course, retryCourse] = useLoad((signal) => loadCourse(client, { signal }), [client]);
  const [journal, retryJournal] = useLoad((signal) => loadJournal(client, timeZone, { signal }), [client, timeZone]);
  return {
    checkins: { loaded: checkins, retry: retryCheckins },
    practice: { loaded: practice, retry: retryPractice },
    course: { loaded: course, retry: retryCourse },
    journal: { loaded: journal, retry: retryJournal },
  };
}

/** The value of a part that has loaded, or undefined. */
export function readyValue<T>(part: Part<T>): T | undefined {
  return part.loaded.status === 'ready' ? part.loaded.value : undefined;
}
