// The lesson question a reflection answers, when the course can give it: the lesson's title and
// the prompt's words. Undefined while loading, when the entry answers no prompt, and when the
// lesson cannot be read (offline, a module not open yet, a prompt since removed): the entry keeps
// its ids either way, so nothing is lost by not showing the words.
import { getLesson } from '../../api/course';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';

export interface LessonPrompt {
  lessonTitle: string;
  text: string;
}

export function usePrompt(lessonId: string, promptId: string): LessonPrompt | undefined {
  const { client } = useSession();
  const [loaded] = useLoad(
    async (signal) => {
      if (!lessonId || !promptId) return undefined;
      const lesson = await getLesson(lessonId, client, { signal });
      const block = lesson.blocks.find((b) => b.kind === 'prompt' && b.id === promptId);
      return block && block.kind === 'prompt' ? { lessonTitle: lesson.title, text: block.text } : undefined;
    },
    [client, lessonId, promptId],
  );
  return loaded.status === 'ready' ? loaded.value : undefined;
}
