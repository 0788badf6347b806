// The course content in the practitioner's console, through the real binary on a server of its
// own, serving a copy of the repository's content/ in a temporary folder (never the real files):
// the tree with each part's file, one file's text, paths that lead anywhere else refused, a
// preview that saves nothing, a broken edit refused with its line and the file untouched, a good
// edit saved and served to a learner at once, a save over a file changed since refused, a reload
// after editing a file by hand (and one refused for a broken file), each save and reload in the
// audit log, and nobody else let in. Runs on SQLite and PostgreSQL (a database of its own).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient } from '../../web/src/api/client';
import {
  contentFileChangedType,
  contentInvalidType,
  contentPathRefusedType,
  contentProblems,
  getContentFile,
  getContentTree,
  previewContent,
  reloadContent,
  saveContentFile,
} from '../../web/src/api/console-content';
import { getLesson } from '../../web/src/api/course';
import { newBrowser, openBrowser } from './support/browser';
import { failure } from './support/failure';
import { verifiedLearner, type Learner } from './support/learner';
import { setUpPractitioner } from './support/practitioner';
import { mailEnv, repo, startServer, type RunningServer } from './support/server';

const lessonFile = 'course/heal-insecure-attachment/01-starting-safely/01-welcome-and-pacing.md';
const lessonId = 'welcome-and-pacing';

let server: RunningServer;
let work: string;
let contentDir: string;
let her: ApiClient;
let herId: string;
let learner: Learner;

function onDisk(file: string): string {
  return readFileSync(path.join(contentDir, file), 'utf8');
}

interface AuditRow {
  action: string;
  actor: { id: string };
  subject: { id: string } | null;
  detail: string;
}

/** Her audit log's rows for one action, newest first. */
async function auditRows(action: string): Promise<AuditRow[]> {
  return (await her.get<{ entries: AuditRow[] }>('/api/v1/console/audit', { query: { action } })).entries;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sb-console-content-'));
  contentDir = path.join(work, 'content');
  cpSync(path.join(repo, 'content'), contentDir, { recursive: true });
  server = await startServer({
    content: contentDir,
    // A practitioner of its own: on PostgreSQL a database of its own too.
    ownDatabase: 'content',
    env: mailEnv(inject('mailUrl'), inject('mailCaFile')),
  });
  her = (await setUpPractitioner(server)).client;
  herId = (await her.get<{ id: string }>('/api/v1/me')).id;
  learner = await verifiedLearner({ baseUrl: server.baseUrl });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the content tree', () => {
  it('lists courses, modules and lessons with their files, and the other content', async () => {
    const tree = await getContentTree(her);
    expect(Date.parse(tree.loaded_at)).not.toBeNaN();
    const course = tree.courses.find((c) => c.id === 'heal-insecure-attachment')!;
    expect(course.file).toBe('course/heal-insecure-attachment/course.toml');
    const first = course.modules[0]!;
    expect(first.file).toBe('course/heal-insecure-attachment/01-starting-safely/module.toml');
    expect(first.lessons[0]).toEqual({ id: lessonId, title: 'Welcome, and going at your own pace', file: lessonFile });
    expect(tree.practices.map((p) => p.file)).toContain('practices/box-breathing.toml');
    expect(tree.questionnaires.map((q) => q.id)).toEqual(expect.arrayContaining(['attachment', 'eight-signs']));
    expect(tree.crisis_lines.map((c) => c.file)).toContain('crisis/gb.toml');
  });
});

describe('reading a file', () => {
  it('gives its text as it is on disk, with a revision', async () => {
    const file = await getContentFile(lessonFile, her);
    expect(file.path).toBe(lessonFile);
    expect(file.text).toBe(onDisk(lessonFile));
    expect(file.revision).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses paths that lead anywhere but a content file', async () => {
    for (const bad of [
      '../../etc/passwd',
      '/etc/passwd',
      `${contentDir}/${lessonFile}`,
      'course/heal-insecure-attachment/../../../../etc/hostname.md',
      'crisis/README.md',
      'course/heal-insecure-attachment/01-starting-safely/notes.txt',
    ]) {
      const error = await failure(getContentFile(bad, her));
      expect(error.status, bad).toBe(422);
      expect(error.type, bad).toBe(contentPathRefusedType);
    }
    // Encoded once more than a browser would: the server decodes once and sees '%2e%2e', a
    // folder name like any other, where there is no such file.
    const encoded = await failure(her.get('/api/v1/console/content/file?path=course%2F%252e%252e%2F%252e%252e%2Fpasswd.md'));
    expect(encoded.status).toBe(404);
    // Decoded the ordinary way, '..' is refused as any other.
    const dots = await failure(her.get('/api/v1/console/content/file?path=%2e%2e%2F%2e%2e%2Fetc%2Fpasswd'));
    expect(dots.status).toBe(422);
    expect((await failure(getContentFile('course/heal-insecure-attachment/01-starting-safely/09-none.md', her))).status).toBe(404);
  });
});

describe('preview', () => {
  it('shows the edited lesson as a learner would see it, and saves nothing', async () => {
    const before = onDisk(lessonFile);
    const text = before.replace('Welcome. If you have opened', 'Hello and welcome. If you have opened');
    const preview = await previewContent(lessonFile, text, her);
    expect(preview.ok).toBe(true);
    expect(preview.problems).toEqual([]);
    expect(preview.lesson!.id).toBe(lessonId);
    const html = preview.lesson!.blocks.flatMap((b) => (b.kind === 'html' ? [b.html] : [])).join('');
    expect(html).toContain('Hello and welcome.');
    expect(preview.lesson!.blocks).toContainEqual({ kind: 'practice', practice_id: 'resonance-breathing', title: expect.any(String) });
    expect(onDisk(lessonFile)).toBe(before);
  });

  it('names the problems with their lines', async () => {
    const text = onDisk(lessonFile).replace('minutes = 10', 'minutes = "ten"');
    const preview = await previewContent(lessonFile, text, her);
    expect(preview.ok).toBe(false);
    expect(preview.problems).toContainEqual({ file: lessonFile, line: 6, message: expect.stringContaining('minutes') });
  });
});

describe('saving', () => {
  it('refuses a broken edit with its line, and leaves the file and what learners see alone', async () => {
    const before = onDisk(lessonFile);
    const { revision } = await getContentFile(lessonFile, her);
    const text = before.replace('title = "Welcome, and going at your own pace"', 'title = ');
    const error = await failure(saveContentFile({ path: lessonFile, text, revision }, her));
    expect(error.status).toBe(422);
    expect(error.type).toBe(contentInvalidType);
    const problems = contentProblems(error);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: lessonFile, line: 3 });
    expect(onDisk(lessonFile)).toBe(before);
    expect((await getLesson(lessonId, learner.browser.client)).title).toBe('Welcome, and going at your own pace');
  });

  it('refuses an edit that breaks another file: a lesson id another lesson links to', async () => {
    const linked = 'course/heal-insecure-attachment/10-boundaries-and-needs/01-voicing-needs.md';
    const linking = 'course/heal-insecure-attachment/08-working-with-triggers/02-pausing-before-reacting.md';
    const before = onDisk(linked);
    const text = before.replace('id = "voicing-needs"', 'id = "saying-what-you-need"');
    const error = await failure(saveContentFile({ path: linked, text }, her));
    expect(error.status).toBe(422);
    expect(contentProblems(error)).toContainEqual({ file: linking, line: 43, message: expect.stringContaining('voicing-needs') });
    expect(onDisk(linked)).toBe(before);
  });

  it('saves a good edit, and a learner reads it at once', async () => {
    const before = onDisk(lessonFile);
    const served = await getContentTree(her);
    const { revision } = await getContentFile(lessonFile, her);
    const text = before
      .replace('title = "Welcome, and going at your own pace"', 'title = "Welcome, at your own pace"')
      .replace('Welcome. If you have opened', 'Hello. If you have opened');
    const saved = await saveContentFile({ path: lessonFile, text, revision }, her);
    expect(saved.path).toBe(lessonFile);
    expect(saved.revision).not.toBe(revision);
    expect(saved.content.revision).not.toBeNull();
    expect(saved.content.revision).not.toBe(served.revision);
    expect(onDisk(lessonFile)).toBe(text);
    expect((await getContentFile(lessonFile, her)).revision).toBe(saved.revision);

    const lesson = await getLesson(lessonId, learner.browser.client);
    expect(lesson.title).toBe('Welcome, at your own pace');
    expect(lesson.blocks[0]).toMatchObject({ kind: 'html', html: expect.stringContaining('Hello. If you have opened') });
    expect((await getContentTree(her)).revision).toBe(saved.content.revision);
    // On record: who saved which file; the refused saves before left no row.
    const rows = await auditRows('content.saved');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: { id: herId }, subject: null, detail: lessonFile });
  });

  it('refuses a save over a file that changed since it was opened', async () => {
    const { revision, text } = await getContentFile(lessonFile, her);
    const changed = text.replace('Hello. If', 'Hi. If');
    writeFileSync(path.join(contentDir, lessonFile), changed);
    const error = await failure(saveContentFile({ path: lessonFile, text: text.replace('Hello.', 'Hey.'), revision }, her));
    expect(error.status).toBe(409);
    expect(error.type).toBe(contentFileChangedType);
    expect(onDisk(lessonFile)).toBe(changed);
  });

  it('refuses a text over its limit before reading it', async () => {
    const error = await failure(saveContentFile({ path: lessonFile, text: 'x'.repeat(300 * 1024) }, her));
    expect(error.status).toBe(400);
    expect(error.fieldError('text')).toMatch(/256 KiB/);
  });
});

describe('reloading after editing files by hand', () => {
  it('serves the files as they are now', async () => {
    const text = onDisk(lessonFile).replace(/^title = .*$/m, 'title = "Welcome (edited by hand)"');
    writeFileSync(path.join(contentDir, lessonFile), text);
    const before = (await getContentTree(her)).revision;
    const reloaded = await reloadContent(her);
    expect(reloaded.revision).not.toBe(before);
    expect((await getLesson(lessonId, learner.browser.client)).title).toBe('Welcome (edited by hand)');
    expect(await auditRows('content.reloaded')).toMatchObject([{ actor: { id: herId }, subject: null }]);
  });

  it('refuses broken files with their problems, and learners keep what they had', async () => {
    const module = 'course/heal-insecure-attachment/01-starting-safely/module.toml';
    const good = onDisk(module);
    writeFileSync(path.join(contentDir, module), good.replace(/^title = .*$/m, 'title = 7'));
    const served = await getContentTree(her);
    const error = await failure(reloadContent(her));
    expect(error.status).toBe(422);
    expect(contentProblems(error)).toContainEqual({ file: module, line: expect.any(Number), message: expect.stringContaining('title') });
    expect(error.problem.extensions?.content).toEqual({ revision: served.revision, loaded_at: served.loaded_at });
    expect((await getLesson(lessonId, learner.browser.client)).title).toBe('Welcome (edited by hand)');
    expect(await auditRows('content.reloaded')).toHaveLength(1);
    writeFileSync(path.join(contentDir, module), good);
  });
});

describe('who may', () => {
  it('is the practitioner alone', async () => {
    const calls: ((client: ApiClient) => Promise<unknown>)[] = [
      (client) => getContentTree(client),
      (client) => getContentFile(lessonFile, client),
      (client) => previewContent(lessonFile, 'x', client),
      (client) => saveContentFile({ path: lessonFile, text: 'x' }, client),
      (client) => reloadContent(client),
    ];
    for (const call of calls) expect((await failure(call(learner.browser.client))).status).toBe(403);
    const anonymous = await openBrowser(server.baseUrl);
    for (const call of calls) expect((await failure(call(anonymous.client))).status).toBe(401);
    expect((await failure(getContentTree(newBrowser(server.baseUrl).client))).status).toBe(401);
    expect(onDisk(lessonFile)).not.toBe('x');
  });
});
