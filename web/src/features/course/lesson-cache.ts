// Lessons kept on this device so that a lesson opened once can be read again offline (on a
// train, in a waiting room). Only the lesson's content is kept, never progress or answers, which
// are personal; and everything kept is removed when the person logs out.
//
// Cache Storage, not the service worker: the app decides what is kept, so nothing personal can
// slip into it by accident, and no API answer is ever cached by the worker (see vite.config.ts).
import type { Lesson } from '../../api/course';

const cacheName = 'securebase-lessons-v1';
const keyFor = (id: string) => `/offline/lessons/${encodeURIComponent(id)}`;

function storage(): CacheStorage | undefined {
  return typeof caches === 'undefined' ? undefined : caches;
}

/** Keeps the lesson's content for offline reading; failures (storage full, private mode) are ignored. */
export async function keepLesson(lesson: Lesson): Promise<void> {
  const cs = storage();
  if (!cs) return;
  const content: Lesson = { ...lesson, progress: null };
  try {
    const cache = await cs.open(cacheName);
    await cache.put(keyFor(lesson.id), new Response(JSON.stringify(content), { headers: { 'Content-Type': 'application/json' } }));
  } catch {
    // Offline reading is a nicety; the lesson itself is already on screen.
  }
}

/** The kept copy of a lesson, if there is one. */
export async function keptLesson(id: string): Promise<Lesson | undefined> {
  const cs = storage();
  if (!cs) return undefined;
  try {
    const cache = await cs.open(cacheName);
    const response = await cache.match(keyFor(id));
    return response ? ((await response.json()) as Lesson) : undefined;
  } catch {
    return undefined;
  }
}

/** Removes every kept lesson (on log-out). */
export async function forgetKeptLessons(): Promise<void> {
  const cs = storage();
  if (!cs) return;
  try {
    await cs.delete(cacheName);
  } catch {
    // Nothing more we can do; the browser's own storage controls still apply.
  }
}
