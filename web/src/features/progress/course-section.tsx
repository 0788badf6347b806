// The course: lessons completed of all the lessons, for each course, with a bar for the eye
// (the words carry the numbers). No pace to keep: the words say where you are, not how far behind.
import type { CoursePart } from './progress-data';

export function CourseSection({ part }: { part: CoursePart }) {
  if (part.courses.length === 0) {
    return <p>There is no course on this site yet. When there is, the lessons you complete will be counted here.</p>;
  }
  return (
    <ul class="progress-courses">
      {part.courses.map((course) => {
        const share = course.lesson_count > 0 ? course.completed_count / course.lesson_count : 0;
        return (
          <li key={course.id} class="progress-course">
            <p class="progress-course-title">{course.title}</p>
            <p>{completionWords(course.completed_count, course.lesson_count)}</p>
            <svg class="progress-course-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect class="progress-sign-track" x="0.5" y="0.5" width="99" height="7" rx="3.5" />
              {share > 0 ? <rect class="progress-sign-fill" x="0.5" y="0.5" width={Math.max(share * 99, 4)} height="7" rx="3.5" /> : null}
            </svg>
            <p>
              <a class="progress-screen-only" href="/course">{course.completed_count === 0 ? 'Open the course' : 'Back to the course'}</a>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** "3 of 24 lessons completed"; "No lessons completed yet, of 24". */
export function completionWords(completed: number, total: number): string {
  const lessons = total === 1 ? 'lesson' : 'lessons';
  if (completed === 0) return `No lessons marked complete yet, of ${total}. Whenever you are ready, the first one is waiting.`;
  if (completed >= total) return `All ${total} ${lessons} completed.`;
  return `${completed} of ${total} ${lessons} completed.`;
}
