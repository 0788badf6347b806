// /console/content: the content learners are served, as the server holds it now: the course's
// modules and lessons, the practices, questionnaires and crisis lines, each with the file it is
// written in and a link to edit it (content-file-page.tsx). Reload reads the files again after
// she edited them by hand; files with problems are not served, and the page lists the problems.
import { useState } from 'preact/hooks';
import type { Me } from '../../api/me';
import {
  contentProblems,
  getContentTree,
  reloadContent,
  type ContentPart,
  type ContentProblem,
  type ContentTree,
  type ServedContent,
} from '../../api/console-content';
import { ErrorSummary } from '../../components/error-summary';
import { useLoad } from '../../components/use-load';
import { generalMessage } from '../account/messages';
import { useSession } from '../account/session';
import { ConsolePage } from './console-page';
import { contentFilePath } from './console-paths';
import { dayAndTime } from './console-words';
import { ProblemList } from './content-problems';
import { LoadProblem, Loading } from './load-problem';

export function ContentPage() {
  return (
    <ConsolePage
      heading="Course content"
      lede="The course, practices and questionnaires your clients see, and the file each is written in."
    >
      {(me) => <Content me={me} />}
    </ConsolePage>
  );
}

function Content({ me }: { me: Me }) {
  const { client } = useSession();
  const [loaded, retry] = useLoad((signal) => getContentTree(client, { signal }), [client]);
  if (loaded.status === 'loading') return <Loading what="the course content" />;
  if (loaded.status === 'error') return <LoadProblem error={loaded.error} retry={retry} what="the course content" />;
  return <ContentTreeView loaded={loaded.value} zone={me.time_zone} />;
}

/** "Version 3f2a9c1b, loaded Monday 30 March, 09:00". */
export function servedWords(served: ServedContent, zone: string): string {
  const version = served.revision ? `Version ${served.revision.slice(0, 8)}` : 'The files the server started with';
  return `${version}, loaded ${dayAndTime(served.loaded_at, zone)}.`;
}

interface Reload {
  sending: boolean;
  attempt: number;
  outcome?: { kind: 'done'; served: ServedContent } | { kind: 'refused'; problems: ContentProblem[] } | { kind: 'failed'; message: string };
}

function ContentTreeView({ loaded, zone }: { loaded: ContentTree; zone: string }) {
  const { client } = useSession();
  // Replaced in place after a reload, so the button keeps focus and the page its place.
  const [tree, setTree] = useState(loaded);
  const [reload, setReload] = useState<Reload>({ sending: false, attempt: 0 });

  const run = async () => {
    if (reload.sending) return;
    setReload((now) => ({ ...now, sending: true }));
    try {
      const served = await reloadContent(client);
      setReload((now) => ({ sending: false, attempt: now.attempt, outcome: { kind: 'done', served } }));
      // The files may have new parts; what was served is shown meanwhile if this read fails.
      setTree(await getContentTree(client).catch(() => ({ ...tree, ...served })));
    } catch (error) {
      const problems = contentProblems(error);
      setReload((now) => ({
        sending: false,
        attempt: now.attempt + 1,
        outcome: problems.length > 0 ? { kind: 'refused', problems } : { kind: 'failed', message: generalMessage(error) },
      }));
    }
  };

  const outcome = reload.outcome;
  return (
    <>
      <section class="form-panel" aria-labelledby="content-served-title">
        <h2 id="content-served-title">What learners see now</h2>
        <p>{servedWords(tree, zone)}</p>
        <p class="form-hint">
          Edited the files on the server yourself? Reload to check them and, if all is well, show them to learners. With
          any problem, learners keep seeing what they see now.
        </p>
        <div class="console-buttons">
          <button type="button" class="action-button" onClick={run} disabled={reload.sending} aria-describedby="content-reload-status">
            {reload.sending ? 'Reloading…' : 'Reload the files'}
          </button>
        </div>
        <p id="content-reload-status" class="console-status" role="status">
          {outcome?.kind === 'done' ? 'Reloaded: learners see the files as they are now.' : ''}
        </p>
      </section>
      {outcome?.kind === 'refused' ? (
        <ErrorSummary id="content-reload-summary" title="The files were not reloaded" attempt={reload.attempt}>
          <p>Learners still see the content as it was. Fix these in the files, then reload again:</p>
          <ProblemList problems={outcome.problems} />
        </ErrorSummary>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <ErrorSummary id="content-reload-summary" title="The files were not reloaded" attempt={reload.attempt}>
          <p>{outcome.message}</p>
        </ErrorSummary>
      ) : null}

      {tree.courses.map((course) => (
        <section key={course.id} class="form-panel content-section" aria-labelledby={`content-course-${course.id}`}>
          <h2 id={`content-course-${course.id}`}>{course.title}</h2>
          <FileLink part={course} what="the course’s settings" />
          <ol class="content-modules">
            {course.modules.map((module) => (
              <li key={module.id}>
                <h3>{module.title}</h3>
                <FileLink part={module} what="the module’s settings" />
                <ol class="console-list content-files">
                  {module.lessons.map((lesson) => (
                    <li key={lesson.id}>
                      <PartLink part={lesson} />
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <PartSection id="practices" title="Practices" parts={tree.practices} />
      <PartSection id="questionnaires" title="Questionnaires" parts={tree.questionnaires} />
      <PartSection id="crisis-lines" title="Crisis lines" parts={tree.crisis_lines} />
    </>
  );
}

function PartLink({ part }: { part: ContentPart }) {
  return (
    <>
      <a href={contentFilePath(part.file)}>{part.title}</a>
      <span class="content-file-name">{part.file}</span>
    </>
  );
}

function FileLink({ part, what }: { part: ContentPart; what: string }) {
  if (!part.file) return null;
  return (
    <p class="content-file-line">
      <a href={contentFilePath(part.file)}>Edit {what}</a>
      <span class="content-file-name">{part.file}</span>
    </p>
  );
}

function PartSection({ id, title, parts }: { id: string; title: string; parts: ContentPart[] }) {
  return (
    <section class="form-panel content-section" aria-labelledby={`content-${id}`}>
      <h2 id={`content-${id}`}>{title}</h2>
      {parts.length === 0 ? (
        <p class="form-muted">None yet.</p>
      ) : (
        <ul class="console-list content-files">
          {parts.map((part) => (
            <li key={part.file}>
              <PartLink part={part} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
