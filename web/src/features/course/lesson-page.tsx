// /course/lessons/:id — one lesson: its text, embedded practices and reflection questions, a way
// to mark it complete, and the way on. Opening it records that it was opened; scrolling records
// how far it was read, so the course can offer to pick up there.
//
// Offline, a lesson opened before is shown from the copy kept on this device (lesson-cache.ts);
// answers and progress wait until the connection is back.
import { useEffect, useState } from 'preact/hooks';
import type { Lesson, LessonProgress } from '../../api/course';
import { getAnswers, getLesson, moduleNotOpenType, saveProgress } from '../../api/course';
import { ApiError } from '../../api/problem';
import { Page } from '../../components/page';
import { RequireSession } from '../account/require-session';
import { useSession } from '../account/session';
import { useLoad } from '../../components/use-load';
import { keepLesson, keptLesson } from './lesson-cache';
import { LessonBody } from './lesson-body';
import { LoadProblem } from './load-problem';
import '../../components/form.css';
import './course.css';

interface LessonPageProps {
  id: string;
}

type Found = { lesson: Lesson; offline: boolean };

export function LessonPage({ id }: LessonPageProps) {
  const { state } = useSession();
  // Offline the session cannot be checked; a kept copy can still be read.
  if (state.status === 'unreachable') return <LessonLoader id={id} />;
  return (
    <RequireSession need="full">
      {() => <LessonLoader id={id} />}
    </RequireSession>
  );
}

function LessonLoader({ id }: LessonPageProps) {
  const { client } = useSession();
  const [loaded, retry] = useLoad<Found>(async (signal) => {
    try {
      const lesson = await getLesson(id, client, { signal });
      void keepLesson(lesson);
      return { lesson, offline: false };
    } catch (error) {
      const kept = error instanceof ApiError && error.status === 0 ? await keptLesson(id) : undefined;
      if (kept) return { lesson: kept, offline: true };
      throw error;
    }
  }, [client, id]);

  // One Page (one h1) through loading and loaded, so the heading the app focused on arrival
  // keeps focus when the lesson's title replaces "Lesson".
  const closed =
    loaded.status === 'error' && loaded.error instanceof ApiError && loaded.error.problem.type === moduleNotOpenType;
  const heading = loaded.status === 'ready' ? loaded.value.lesson.title : closed ? 'Not open yet' : 'Lesson';
  let body;
  if (loaded.status === 'loading') {
    body = (
      <p role="status" class="form-muted">
        Opening the lesson…
      </p>
    );
  } else if (loaded.status === 'error') {
    body = closed ? (
      <div class="form-panel">
        <p>{(loaded.error as ApiError).problem.detail}</p>
        <p>
          <a href="/course">Back to the course</a>
        </p>
      </div>
    ) : (
      <LoadProblem error={loaded.error} retry={retry} what="this lesson" />
    );
  } else {
    body = <OpenLesson key={loaded.value.lesson.id} {...loaded.value} />;
  }
  return <Page heading={heading}>{body}</Page>;
}

function OpenLesson({ lesson, offline }: Found) {
  const { client } = useSession();
  const [progress, setProgress] = useState<LessonProgress | null>(lesson.progress);
  const [answers] = useLoad(
    (signal) => (offline ? Promise.resolve({}) : getAnswers(lesson.id, client, { signal })),
    [client, lesson.id, offline],
  );

  // Opening the lesson counts as opening it (the server keeps the first time).
  useEffect(() => {
    if (offline) return;
    saveProgress(lesson.id, {}, client).then(setProgress, () => {
      // Not being able to record the opening must not get in the way of reading.
    });
  }, [lesson.id, offline]);

  return (
    <LessonBody
      lesson={lesson}
      offline={offline}
      progress={progress}
      onProgress={setProgress}
      answers={answers.status === 'ready' ? answers.value : undefined}
      answersFailed={answers.status === 'error'}
    />
  );
}
