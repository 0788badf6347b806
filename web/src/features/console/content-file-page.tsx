// /console/content/file?path=…: one content file in a plain text box. Preview asks the server to
// check the text with the rest of the content and render it as a learner would see it; Save
// checks the same way and writes the file only when nothing is wrong. A refusal lists each
// problem with its line (a button puts the cursor there) and takes focus; her text is never
// touched by a failure. Leaving with changes that are not saved asks first (use-leave-guard.ts).
import { useLocation } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import {
  contentFileChangedType,
  contentProblems,
  getContentFile,
  previewContent,
  saveContentFile,
  type ContentFile,
  type ContentPreview,
  type ContentProblem,
} from '../../api/console-content';
import { ApiError } from '../../api/problem';
import type { Me } from '../../api/me';
import { ErrorSummary } from '../../components/error-summary';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { ConsolePage } from './console-page';
import { consolePaths } from './console-paths';
import { timeOfDay } from './console-words';
import { LessonPreview } from './content-preview';
import { ProblemList } from './content-problems';
import { saveProblem, type SaveProblem } from './field-errors';
import { LoadProblem, Loading } from './load-problem';
import { useLeaveGuard } from './use-leave-guard';

const textId = 'content-text';
const summaryId = 'content-summary';
const leaveQuestion = 'Leave this page? Your changes to this file are not saved.';

export function ContentFilePage() {
  const { query } = useLocation();
  const path = query.path ?? '';
  return (
    <ConsolePage heading="Edit a content file" title="Edit content">
      {(me) =>
        path ? (
          <FileLoader key={path} path={path} me={me} />
        ) : (
          <p>
            No file was named. <a href={consolePaths.content}>Choose one from the course content</a>.
          </p>
        )
      }
    </ConsolePage>
  );
}

function FileLoader({ path, me }: { path: string; me: Me }) {
  const { client } = useSession();
  const [loaded, retry] = useLoad((signal) => getContentFile(path, client, { signal }), [client, path]);
  if (loaded.status === 'loading') return <Loading what="the file" />;
  if (loaded.status === 'error') {
    if (loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 422)) {
      return (
        <div class="form-panel" role="alert">
          <p>
            There is no content file at <code>{path}</code>. <a href={consolePaths.content}>Choose one from the course content</a>.
          </p>
        </div>
      );
    }
    return <LoadProblem error={loaded.error} retry={retry} what="the file" />;
  }
  return <FileEditor file={loaded.value} zone={me.time_zone} />;
}

/** The character offsets where 1-based `line` starts and ends in `text`. */
export function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n += 1) {
    const next = text.indexOf('\n', start);
    if (next < 0) return [text.length, text.length];
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

type Refusal =
  | { kind: 'problems'; problems: ContentProblem[] }
  | { kind: 'changed' }
  | { kind: 'other'; problem: SaveProblem };

type PreviewState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; preview: ContentPreview; text: string } | { status: 'failed'; message: string };

function FileEditor({ file, zone }: { file: ContentFile; zone: string }) {
  const { client } = useSession();
  const [text, setText] = useState(file.text);
  const [saved, setSaved] = useState({ text: file.text, revision: file.revision, at: '' });
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const [attempt, setAttempt] = useState(0);
  const [preview, setPreview] = useState<PreviewState>({ status: 'idle' });
  const box = useRef<HTMLTextAreaElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const dirty = text !== saved.text;
  useLeaveGuard(dirty, leaveQuestion);

  const goToLine = (line: number) => {
    const area = box.current;
    if (!area) return;
    const [start, end] = lineRange(area.value, line);
    area.focus();
    area.setSelectionRange(start, end);
  };

  const refuse = (found: Refusal) => {
    setRefusal(found);
    setAttempt((n) => n + 1);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    const sent = text;
    try {
      const answer = await saveContentFile({ path: file.path, text: sent, revision: saved.revision }, client);
      setSaved({ text: sent, revision: answer.revision, at: new Date().toISOString() });
      setRefusal(undefined);
    } catch (error) {
      const problems = contentProblems(error);
      if (problems.length > 0) refuse({ kind: 'problems', problems });
      else if (error instanceof ApiError && error.type === contentFileChangedType) refuse({ kind: 'changed' });
      else refuse({ kind: 'other', problem: saveProblem(error, [{ path: 'text', id: textId, noun: 'the text' }], 'The file was not saved') });
    } finally {
      setSending(false);
    }
  };

  const showPreview = async () => {
    const shown = text;
    setPreview({ status: 'loading' });
    try {
      const answer = await previewContent(file.path, shown, client);
      setPreview({ status: 'ready', preview: answer, text: shown });
    } catch (error) {
      const problem = saveProblem(error, [], 'No preview');
      setPreview({ status: 'failed', message: error instanceof ApiError ? (error.detail ?? error.title) : String(problem.general?.title) });
    }
    // After the render: the preview's heading, so a screen reader starts there.
    setTimeout(() => previewHeading.current?.focus(), 0);
  };

  const problemsHere = refusal?.kind === 'problems';
  const status = dirty
    ? 'Changes not saved yet.'
    : saved.at
      ? `Saved at ${timeOfDay(saved.at, zone)}. Learners see this version now.`
      : 'No changes yet.';
  return (
    <>
      <p class="content-path">
        <span class="visually-hidden">File: </span>
        <code>{file.path}</code>
      </p>
      <form noValidate onSubmit={save} class="console-form content-editor">
        {refusal ? <RefusalSummary refusal={refusal} attempt={attempt} file={file.path} onLine={goToLine} /> : null}
        <div class="form-field">
          <label for={textId} class="form-label">
            Text of the file
          </label>
          <p id={`${textId}-hint`} class="form-hint">
            {file.path.endsWith('.md')
              ? 'Markdown, with the lesson’s settings between the two +++ lines at the top. docs/content.md describes each setting.'
              : 'TOML settings, as docs/content.md describes them.'}
          </p>
          <textarea
            ref={box}
            id={textId}
            class="form-input content-text"
            rows={24}
            spellcheck={true}
            autocapitalize="off"
            value={text}
            aria-describedby={problemsHere ? `${textId}-hint ${summaryId}` : `${textId}-hint`}
            aria-invalid={problemsHere ? 'true' : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
        <div class="console-buttons console-save">
          <button type="submit" class="action-button" disabled={sending}>
            {sending ? 'Saving…' : 'Save'}
          </button>
          <button type="button" class="form-secondary" onClick={showPreview} disabled={preview.status === 'loading'}>
            Preview
          </button>
          <a href={consolePaths.content} class="content-back">
            Back to the course content
          </a>
        </div>
        <p class="console-status" role="status">
          {status}
        </p>
      </form>
      {preview.status === 'idle' ? null : (
        <section class="form-panel content-preview-panel" aria-labelledby="content-preview-title">
          <h2 id="content-preview-title" tabIndex={-1} ref={previewHeading}>
            Preview
          </h2>
          <PreviewBody state={preview} current={text} file={file.path} onLine={goToLine} />
        </section>
      )}
    </>
  );
}

function RefusalSummary({ refusal, attempt, file, onLine }: { refusal: Refusal; attempt: number; file: string; onLine: (line: number) => void }) {
  if (refusal.kind === 'problems') {
    return (
      <ErrorSummary id={summaryId} title="Not saved: please fix these first" attempt={attempt}>
        <p>The file on the server is unchanged, and learners still see it as it was. Your text is below.</p>
        <ProblemList problems={refusal.problems} file={file} onLine={onLine} />
      </ErrorSummary>
    );
  }
  if (refusal.kind === 'changed') {
    return (
      <ErrorSummary id={summaryId} title="Not saved: the file changed meanwhile" attempt={attempt}>
        <p>
          Someone changed this file since you opened it, in another tab or on the server. Your text is still below: copy it
          somewhere safe, then open the file again and add your changes to it.
        </p>
      </ErrorSummary>
    );
  }
  const problem = refusal.problem;
  return (
    <ErrorSummary id={summaryId} title={problem.general?.title ?? 'The file was not saved'} items={problem.items} attempt={attempt}>
      {problem.general?.message}
    </ErrorSummary>
  );
}

function PreviewBody({ state, current, file, onLine }: { state: PreviewState; current: string; file: string; onLine: (line: number) => void }) {
  if (state.status === 'loading') return <p role="status">Preparing the preview…</p>;
  if (state.status === 'failed') return <p role="alert">No preview this time: {state.message}</p>;
  if (state.status !== 'ready') return null;
  const { preview } = state;
  return (
    <>
      {state.text !== current ? <p class="form-note">You have changed the text since this preview.</p> : null}
      {preview.ok ? (
        <p>No problems found. Nothing is saved until you press Save.</p>
      ) : (
        <div class="form-panel content-preview-problems">
          <p>
            <strong>Save would refuse this text:</strong>
          </p>
          <ProblemList problems={preview.problems} file={file} onLine={onLine} />
        </div>
      )}
      {preview.lesson ? <LessonPreview lesson={preview.lesson} headingId="content-preview-lesson" /> : null}
    </>
  );
}
