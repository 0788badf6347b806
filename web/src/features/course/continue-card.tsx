// "Continue where you left off": the course page's link to the lesson to pick up, and Home's card
// with the same link. A lesson whose module has not opened yet says when it will.
import type { CourseSummary } from '../../api/course';
import { listCourses } from '../../api/course';
import { useSession } from '../account/session';
import { useLoad } from '../../components/use-load';
import { CourseProgress } from './course-page';
import { whenItOpens } from './when-it-opens';

interface ContinueLinkProps {
  course: CourseSummary;
  timeZone: string | undefined;
}

export function ContinueLink({ course, timeZone }: ContinueLinkProps) {
  const next = course.continue;
  if (!next) {
    return (
      <p class="course-continue">
        You have completed every lesson. Well done for staying with it. You can come back to any lesson whenever it
        would help.
      </p>
    );
  }
  if (next.state !== 'open') {
    return (
      <p class="course-continue">
        Next up: “{next.title}”. {whenItOpens(next.state, next.opens_at, undefined, timeZone)}
      </p>
    );
  }
  return (
    <p class="course-continue">
      <a class="action-button" href={`/course/lessons/${encodeURIComponent(next.lesson_id)}`}>
        {course.started ? 'Continue' : 'Begin'}: {next.title}
      </a>
    </p>
  );
}

/** Home's card: only for someone signed in, and only once the course exists. */
export function ContinueCard() {
  const { state } = useSession();
  if (state.status !== 'signed-in' || state.me.role !== 'learner') return null;
  return <ContinueCardLoaded timeZone={state.me.time_zone} />;
}

function ContinueCardLoaded({ timeZone }: { timeZone: string }) {
  const { client } = useSession();
  const [loaded] = useLoad((signal) => listCourses(client, { signal }), [client]);
  if (loaded.status !== 'ready' || !loaded.value[0]) return null;
  const course = loaded.value[0];
  return (
    <section class="form-panel continue-card" aria-labelledby="continue-card-title">
      <h2 id="continue-card-title">{course.started ? 'Pick up where you left off' : 'Start the course'}</h2>
      <p>{course.title}</p>
      <CourseProgress course={course} />
      <ContinueLink course={course} timeZone={timeZone} />
    </section>
  );
}
