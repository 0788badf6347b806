// A lesson as a learner would see it, from the server's preview of the text being edited (the
// same rendering learners get: safe HTML, the practices and reflection questions in place).
// Nothing here can be answered or saved; the practice cards open the real practice.
import type { Lesson } from '../../api/course';
import { PracticeCard } from '../course/practice-card';
import '../course/course.css';

export function LessonPreview({ lesson, headingId }: { lesson: Lesson; headingId: string }) {
  return (
    <article class="content-preview lesson" aria-labelledby={headingId}>
      <h3 id={headingId} class="content-preview-title">
        {lesson.title}
      </h3>
      <p class="lesson-meta-line">
        About {lesson.minutes} minutes, practices included ({lesson.reading_minutes} to read)
      </p>
      {lesson.aim ? (
        <p class="lesson-aim">
          <strong>In this lesson:</strong> {lesson.aim}
        </p>
      ) : null}
      <div class="lesson-text">
        {lesson.blocks.map((block, i) => {
          if (block.kind === 'html') {
            // Rendered by the server in cmark's safe mode, as for learners.
            return <div key={i} class="lesson-html" dangerouslySetInnerHTML={{ __html: block.html }} />;
          }
          if (block.kind === 'practice') return <PracticeCard key={i} practiceId={block.practice_id} name={block.title} />;
          return (
            <div key={i} class="prompt">
              <p class="prompt-question">{block.text}</p>
              <p class="form-muted">Learners write their own answer here.</p>
            </div>
          );
        })}
      </div>
    </article>
  );
}
