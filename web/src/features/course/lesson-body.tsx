// The lesson itself: where it sits, what it is for, its blocks in order, the "complete" toggle
// and the way on. Separate from the loading in lesson-page.tsx so tests can render it directly.
import { useRef, useState } from 'preact/hooks';
import type { Lesson, LessonProgress } from '../../api/course';
import { saveProgress } from '../../api/course';
import { useSession } from '../account/session';
import { PracticeCard } from './practice-card';
import { PromptField } from './prompt-field';
import { useReadingPosition } from './use-reading-position';

interface LessonBodyProps {
  lesson: Lesson;
  offline: boolean;
  progress: LessonProgress | null;
  onProgress: (progress: LessonProgress) => void;
  /** The learner's answers by prompt id; undefined while loading. */
  answers: Record<string, string> | undefined;
  answersFailed: boolean;
}

export function LessonBody({ lesson, offline, progress, onProgress, answers, answersFailed }: LessonBodyProps) {
  const article = useRef<HTMLDivElement>(null);
  const { client } = useSession();
  const saved = progress?.position ?? 0;
  const [resumeOffered] = useState(() => !progress?.completed_at && saved > 0.05 && saved < 0.95);
  useReadingPosition(article, (position) => {
    if (offline) return;
    saveProgress(lesson.id, { position }, client).then(onProgress, () => {
      // A lost position update is not worth interrupting the reader for.
    });
  });

  const resume = () => {
    const el = article.current;
    if (!el) return;
    const top = el.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: top + saved * el.offsetHeight - window.innerHeight / 3 });
  };

  return (
    <div class="lesson">
      <nav aria-label="Where you are" class="lesson-crumbs">
        <a href="/course">{lesson.course.title}</a>
        <span aria-hidden="true"> › </span>
        <span>
          Module {lesson.module.number}: {lesson.module.title}
        </span>
      </nav>
      <p class="lesson-meta-line">
        Lesson {lesson.module.lesson_number} of {lesson.module.lesson_count} · about {lesson.minutes} minutes,
        practices included ({lesson.reading_minutes} to read)
      </p>
      {offline ? (
        <p class="form-panel lesson-offline" role="status">
          You are offline, so this is the copy kept on this device. Your answers and progress will be saved once
          you are back online.
        </p>
      ) : null}
      {lesson.aim ? (
        <p class="lesson-aim">
          <strong>In this lesson:</strong> {lesson.aim}
        </p>
      ) : null}
      {resumeOffered ? (
        <p>
          <button type="button" class="link-button" onClick={resume}>
            Jump to where you stopped reading
          </button>
        </p>
      ) : null}
      <div class="lesson-text" ref={article}>
        {lesson.blocks.map((block, i) => {
          if (block.kind === 'html') {
            // Rendered by the server from the lesson's Markdown in cmark's safe mode: raw HTML and
            // unsafe links are already removed.
            return <div key={i} class="lesson-html" dangerouslySetInnerHTML={{ __html: block.html }} />;
          }
          if (block.kind === 'practice') return <PracticeCard key={i} practiceId={block.practice_id} name={block.title} />;
          return (
            <PromptField
              key={block.id}
              lessonId={lesson.id}
              promptId={block.id}
              text={block.text}
              answer={answers?.[block.id]}
              loading={answers === undefined && !answersFailed && !offline}
              disabled={offline || answersFailed}
            />
          );
        })}
      </div>
      <CompleteToggle lesson={lesson} progress={progress} offline={offline} onProgress={onProgress} />
      <LessonNav lesson={lesson} />
    </div>
  );
}

interface CompleteToggleProps {
  lesson: Lesson;
  progress: LessonProgress | null;
  offline: boolean;
  onProgress: (progress: LessonProgress) => void;
}

function CompleteToggle({ lesson, progress, offline, onProgress }: CompleteToggleProps) {
  const { client } = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const complete = Boolean(progress?.completed_at);

  const toggle = async () => {
    setBusy(true);
    setProblem('');
    try {
      onProgress(await saveProgress(lesson.id, { completed: !complete }, client));
    } catch {
      setProblem('That didn’t save. Please check your connection and try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="lesson-complete" aria-labelledby="lesson-complete-title">
      <h2 id="lesson-complete-title" class="visually-hidden">
        Your progress
      </h2>
      <p role="status">{complete ? 'You have completed this lesson.' : ''}</p>
      {complete ? (
        <button type="button" class="link-button" onClick={toggle} disabled={busy || offline}>
          Mark as not complete
        </button>
      ) : (
        <button type="button" class="action-button" onClick={toggle} disabled={busy || offline}>
          Mark this lesson complete
        </button>
      )}
      {problem ? (
        <p class="form-error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

function LessonNav({ lesson }: { lesson: Lesson }) {
  const { previous, next } = lesson;
  return (
    <nav class="lesson-nav" aria-label="Lessons">
      {previous ? (
        <a class="lesson-nav-previous" href={`/course/lessons/${encodeURIComponent(previous.id)}`}>
          <span class="lesson-nav-label">Previous</span> {previous.title}
        </a>
      ) : (
        <span />
      )}
      {next ? (
        next.open ? (
          <a class="lesson-nav-next" href={`/course/lessons/${encodeURIComponent(next.id)}`}>
            <span class="lesson-nav-label">Next</span> {next.title}
          </a>
        ) : (
          <p class="lesson-nav-next lesson-nav-closed">
            <span class="lesson-nav-label">Next</span> {next.title}: its module opens soon.{' '}
            <a href="/course">See when</a>
          </p>
        )
      ) : (
        <a class="lesson-nav-next" href="/course">
          <span class="lesson-nav-label">The end</span> Back to the course
        </a>
      )}
    </nav>
  );
}
