// Course answers as the server sends them, for the course feature's unit tests.
import type { CourseOutline, Lesson, LessonProgress } from '../../api/course';

export function outline(overrides: Partial<CourseOutline> = {}): CourseOutline {
  return {
    id: 'sample',
    title: 'A sample course',
    summary: 'Two modules for the tests.',
    pacing: { mode: 'gentle', days_between_modules: 2 },
    lesson_count: 3,
    completed_count: 1,
    started: true,
    complete: false,
    continue: { lesson_id: 'a-breath', title: 'A breath', module_id: 'arriving', module_title: 'Arriving', state: 'open', opens_at: null },
    modules: [
      {
        id: 'arriving',
        title: 'Arriving',
        summary: 'Where it starts.',
        state: 'open',
        opens_at: null,
        lesson_count: 2,
        completed_count: 1,
        complete: false,
        lessons: [
          { id: 'hello', title: 'Hello', summary: '', minutes: 5, reading_minutes: 2, opened: true, completed: true },
          { id: 'a-breath', title: 'A breath', summary: '', minutes: 8, reading_minutes: 3, opened: true, completed: false },
        ],
      },
      {
        id: 'settling',
        title: 'Settling',
        summary: 'Where it goes next.',
        state: 'waiting',
        opens_at: '2026-12-02T10:00:00Z',
        lesson_count: 1,
        completed_count: 0,
        complete: false,
        lessons: [{ id: 'staying', title: 'Staying', summary: '', minutes: 6, reading_minutes: 2, opened: false, completed: false }],
      },
    ],
    ...overrides,
  };
}

export function progress(overrides: Partial<LessonProgress> = {}): LessonProgress {
  return { opened_at: '2026-11-29T10:00:00Z', completed_at: null, position: 0, updated_at: '2026-11-29T10:00:00Z', ...overrides };
}

export function lesson(overrides: Partial<Lesson> = {}): Lesson {
  return {
    id: 'hello',
    title: 'Hello',
    summary: 'The first lesson.',
    aim: 'Know how the course works.',
    minutes: 5,
    reading_minutes: 2,
    signs: [],
    practices: ['grounding-54321'],
    course: { id: 'sample', title: 'A sample course' },
    module: { id: 'arriving', title: 'Arriving', number: 1, lesson_number: 1, lesson_count: 2 },
    blocks: [
      { kind: 'html', html: '<p>Welcome. Take this <strong>slowly</strong>.</p>' },
      { kind: 'practice', practice_id: 'grounding-54321', title: 'Grounding through the five senses' },
      { kind: 'prompt', id: 'hello-1', text: 'What brought you here today?' },
    ],
    previous: null,
    next: { id: 'a-breath', title: 'A breath', open: true },
    progress: null,
    ...overrides,
  };
}
