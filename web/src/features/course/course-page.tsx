// /course: the course outline. Where you are (lessons complete, where to continue), and every
// module with its lessons; a module that is not open yet says kindly when it opens and why.
import type { CourseOutline, ModuleOutline } from '../../api/course';
import { getCourse, listCourses } from '../../api/course';
import type { Me } from '../../api/me';
import { Page } from '../../components/page';
import { RequireSession } from '../account/require-session';
import { useSession } from '../account/session';
import { useLoad } from '../../components/use-load';
import { ContinueLink } from './continue-card';
import { LoadProblem } from './load-problem';
import { whenItOpens } from './when-it-opens';
import '../../components/form.css';
import './course.css';

export function CoursePage() {
  const { state } = useSession();
  return (
    <Page heading="Course" lede="Short lessons you can take at your own pace, with practices and questions to sit with.">
      {state.status === 'signed-out' ? (
        <SignedOutIntro />
      ) : (
        <RequireSession need="full">{(me) => <CourseOutlineView me={me} />}</RequireSession>
      )}
    </Page>
  );
}

// Before signing in: what the course is, and the way in. Progress and answers need an account,
// so the lessons themselves open after logging in.
function SignedOutIntro() {
  return (
    <div class="form-panel course-intro">
      <h2>Heal Insecure Attachment</h2>
      <p>
        A slow, practical course in short lessons: where anxious attachment comes from, how to calm your nervous
        system, and how to build a steadier, kinder relationship with yourself and others. Each lesson has a small
        practice or a question to sit with, and you can stop and pick up again whenever you like.
      </p>
      <p>
        <a class="action-button" href="/signup">
          Create an account
        </a>{' '}
        or <a href="/login?next=%2Fcourse">log in</a> to begin.
      </p>
    </div>
  );
}

function CourseOutlineView({ me }: { me: Me }) {
  const { client } = useSession();
  const [loaded, retry] = useLoad(async (signal) => {
    const courses = await listCourses(client, { signal });
    const first = courses[0];
    return first ? getCourse(first.id, client, { signal }) : undefined;
  }, [client]);

  if (loaded.status === 'loading') {
    return (
      <p role="status" class="form-muted">
        Opening the course…
      </p>
    );
  }
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="the course" />;
  const course = loaded.value;
  if (!course) return <p>The course has not been published yet. Please come back soon.</p>;
  return <Outline course={course} me={me} />;
}

function Outline({ course, me }: { course: CourseOutline; me: Me }) {
  const gentle = course.pacing.mode === 'gentle';
  return (
    <div class="course">
      <section class="course-intro" aria-labelledby="course-title">
        <h2 id="course-title" class="course-title">
          {course.title}
        </h2>
        <p>{course.summary}</p>
        <CourseProgress course={course} />
        <ContinueLink course={course} timeZone={me.time_zone} />
        {gentle ? (
          <p class="form-muted course-pacing">
            This course is gently paced: each module opens {course.pacing.days_between_modules}{' '}
            {course.pacing.days_between_modules === 1 ? 'day' : 'days'} after you start the one before, so there is
            time to try its practices in your own life. Going slowly loses nothing.
          </p>
        ) : null}
      </section>
      <ol class="module-list">
        {course.modules.map((module, i) => (
          <ModuleItem key={module.id} module={module} number={i + 1} previous={course.modules[i - 1]} me={me} />
        ))}
      </ol>
    </div>
  );
}

export function CourseProgress({ course }: { course: { lesson_count: number; completed_count: number } }) {
  const label = `${course.completed_count} of ${course.lesson_count} lessons complete`;
  return (
    <div class="course-progress">
      <progress max={course.lesson_count} value={course.completed_count} aria-label="Lessons complete" />
      <span>{label}</span>
    </div>
  );
}

interface ModuleItemProps {
  module: ModuleOutline;
  number: number;
  previous: ModuleOutline | undefined;
  me: Me;
}

function ModuleItem({ module, number, previous, me }: ModuleItemProps) {
  const headingId = `module-${module.id}`;
  const open = module.state === 'open';
  const opens = whenItOpens(module.state, module.opens_at, previous?.title, me.time_zone);
  return (
    <li class={`module ${open ? '' : 'module-closed'}`}>
      <section aria-labelledby={headingId}>
        <h3 id={headingId} class="module-title">
          <span class="module-number">Module {number}</span> {module.title}
        </h3>
        {module.summary ? <p class="module-summary">{module.summary}</p> : null}
        {open ? (
          <p class="module-meta">
            {module.complete
              ? 'Module complete.'
              : `${module.completed_count} of ${module.lesson_count} lessons complete.`}
          </p>
        ) : (
          // Why modules wait is said once, in the pacing note above the list.
          <p class="module-opens">{opens}</p>
        )}
        <ol class="lesson-list">
          {module.lessons.map((lesson) => (
            <li key={lesson.id} class="lesson-item">
              {open ? (
                <a href={`/course/lessons/${encodeURIComponent(lesson.id)}`} class="lesson-link">
                  {lesson.title}
                </a>
              ) : (
                <span class="lesson-link-closed">{lesson.title}</span>
              )}
              <span class="lesson-meta">
                {lesson.completed ? <span class="lesson-done">Complete</span> : lesson.opened ? 'Started' : null}
                {lesson.completed || lesson.opened ? ' · ' : null}
                {lesson.minutes} min
              </span>
            </li>
          ))}
        </ol>
      </section>
    </li>
  );
}
