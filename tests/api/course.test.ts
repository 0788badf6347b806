// The course through the real binary: outline, lessons, progress, gentle pacing, reflection
// answers sealed at rest, and content imported while the server runs. Its own server serves the
// sample course (server/tests/fixtures/course: two modules, gentle pacing of 2 days) with a clock
// the test can move (test_clock_file), so "two days later" is a line of code, not a wait.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  getAnswers,
  getCourse,
  getLesson,
  listCourses,
  moduleNotOpenType,
  saveAnswer,
  saveProgress,
} from '../../web/src/api/course';
import { crisisLines } from '../../web/src/api/crisis-lines';
import { newBrowser } from './support/browser';
import { failure } from './support/failure';
import { verifiedLearner, type Learner } from './support/learner';
import { mailEnv, repo, startServer, type RunningServer } from './support/server';

const day = 24 * 60 * 60;
let server: RunningServer;
let clockFile: string;
let contentDir: string;
let work: string;

/** Moves the server's clock to `days` days from now (real time still passes underneath). */
function setDaysAhead(days: number) {
  writeFileSync(clockFile, `${Math.round(days * day)}\n`);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'sb-course-'));
  clockFile = path.join(work, 'clock');
  contentDir = path.join(work, 'content');
  cpSync(path.join(repo, 'server/tests/fixtures/course'), contentDir, { recursive: true });
  setDaysAhead(0);
  server = await startServer({
    content: contentDir,
    env: {
      ...mailEnv(inject('mailUrl'), inject('mailCaFile')),
      SECUREBASE_TEST_CLOCK_FILE: clockFile,
      SECUREBASE_CONTENT_POLL_SECONDS: '1',
    },
  });
});

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

const learner = (): Promise<Learner> => verifiedLearner({ baseUrl: server.baseUrl });

describe('the course outline', () => {
  it('lists the course with nothing done yet and the first lesson to begin with', async () => {
    const { browser } = await learner();
    const [course] = await listCourses(browser.client);
    expect(course).toMatchObject({
      id: 'sample-course',
      title: 'A sample course',
      pacing: { mode: 'gentle', days_between_modules: 2 },
      lesson_count: 3,
      completed_count: 0,
      started: false,
      complete: false,
      continue: { lesson_id: 'hello', module_id: 'arriving', state: 'open', opens_at: null },
    });
    const outline = await getCourse('sample-course', browser.client);
    expect(outline.modules.map((m) => [m.id, m.state])).toEqual([
      ['arriving', 'open'],
      ['settling', 'locked'],
    ]);
    expect(outline.modules[0]!.lessons.map((l) => l.id)).toEqual(['hello', 'a-breath']);
  });

  it('answers 404 for an unknown course and 401 without a session', async () => {
    const { browser } = await learner();
    expect((await failure(getCourse('no-such-course', browser.client))).status).toBe(404);
    const anonymous = newBrowser(server.baseUrl);
    expect((await failure(listCourses(anonymous.client))).status).toBe(401);
    expect((await failure(getLesson('hello', anonymous.client))).status).toBe(401);
  });
});

describe('reading a lesson', () => {
  it('sends typed blocks with the neighbours, and no answers inside the lesson', async () => {
    const { browser } = await learner();
    const lesson = await getLesson('hello', browser.client);
    expect(lesson.blocks.map((b) => b.kind)).toEqual(['html', 'practice', 'prompt']);
    // Named from the catalogue's practice file (the fixture's own).
    expect(lesson.blocks[1]).toEqual({ kind: 'practice', practice_id: 'grounding-54321', title: 'Fixture: five senses' });
    expect(lesson.blocks[2]).toEqual({ kind: 'prompt', id: 'hello-1', text: 'What brought you here today?' });
    const html = (lesson.blocks[0] as { html: string }).html;
    expect(html).toContain('<strong>slowly</strong>');
    expect(html).toContain('href="/course/lessons/a-breath"');
    expect(lesson.previous).toBeNull();
    expect(lesson.next).toEqual({ id: 'a-breath', title: 'A breath', open: true });
    expect(lesson.module).toEqual({ id: 'arriving', title: expect.any(String), number: 1, lesson_number: 1, lesson_count: 2 });
    expect(lesson.progress).toBeNull();
    expect(JSON.stringify(lesson)).not.toContain('answers');
  });

  it('records opening, position and completion, and picks up where the learner left off', async () => {
    const { browser } = await learner();
    const opened = await saveProgress('hello', {}, browser.client);
    expect(opened.completed_at).toBeNull();
    expect(opened.position).toBe(0);

    await saveProgress('a-breath', { position: 0.4 }, browser.client);
    let [course] = await listCourses(browser.client);
    expect(course!.started).toBe(true);
    expect(course!.continue?.lesson_id).toBe('a-breath');

    const done = await saveProgress('a-breath', { completed: true }, browser.client);
    expect(done.completed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(done.position).toBe(0.4);
    [course] = await listCourses(browser.client);
    expect(course!.completed_count).toBe(1);
    // The lesson after the one completed last is in a module that is not open yet; "hello" was
    // skipped, so the course goes back to it.
    expect(course!.continue?.lesson_id).toBe('hello');

    const reopened = await getLesson('a-breath', browser.client);
    expect(reopened.progress).toMatchObject({ position: 0.4, completed_at: done.completed_at });
    const undone = await saveProgress('a-breath', { completed: false }, browser.client);
    expect(undone.completed_at).toBeNull();
  });

  it('refuses bad progress clearly and changes nothing', async () => {
    const { browser } = await learner();
    for (const bad of [{ position: 1.5 }, { position: -1 }]) {
      const problem = await failure(saveProgress('hello', bad, browser.client));
      expect(problem.status).toBe(400);
      expect(problem.problem.errors?.[0]?.field).toBe('position');
    }
    const wrongTypes = await failure(
      browser.client.put('/api/v1/lessons/hello/progress', { completed: 'yes', position: 'half' }),
    );
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.problem.errors?.map((e) => e.field).sort()).toEqual(['completed', 'position']);
    const notJson = await browser.fetch('/api/v1/lessons/hello/progress', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': browser.cookies.get('csrf')! },
      body: '{"completed": tru',
    });
    expect(notJson.status).toBe(400);
    expect((await getLesson('hello', browser.client)).progress).toBeNull();
    expect((await failure(saveProgress('no-such-lesson', {}, browser.client))).status).toBe(404);
  });
});

describe('gentle pacing', () => {
  it('opens the next module two days after the learner started the one before', async () => {
    setDaysAhead(0);
    const { browser } = await learner();
    const closed = await failure(getLesson('staying', browser.client));
    expect(closed.status).toBe(403);
    expect(closed.problem.type).toBe(moduleNotOpenType);
    expect(closed.problem.detail).toMatch(/isn.t open yet/);
    expect((await failure(saveProgress('staying', {}, browser.client))).status).toBe(403);

    await saveProgress('hello', {}, browser.client);
    let outline = await getCourse('sample-course', browser.client);
    expect(outline.modules[1]!.state).toBe('waiting');
    const opensAt = Date.parse(outline.modules[1]!.opens_at!);
    const expected = Date.now() + 2 * day * 1000;
    expect(Math.abs(opensAt - expected)).toBeLessThan(60_000);
    expect((await getLesson('a-breath', browser.client)).next?.open).toBe(false);

    setDaysAhead(1.9);
    expect((await failure(getLesson('staying', browser.client))).status).toBe(403);

    setDaysAhead(2.01);
    outline = await getCourse('sample-course', browser.client);
    expect(outline.modules[1]!.state).toBe('open');
    expect((await getLesson('staying', browser.client)).title).toBe('Staying');
    setDaysAhead(0);
  });
});

describe('reflection answers', () => {
  it('keeps an answer, shows it again, and stores it sealed', async () => {
    const { browser } = await learner();
    const words = `a quiet morning ${Math.random().toString(36).slice(2)}`;
    await saveAnswer('hello', 'hello-1', words, browser.client);
    expect(await getAnswers('hello', browser.client)).toEqual({ 'hello-1': words });

    // Another learner sees none of it.
    const other = await learner();
    expect(await getAnswers('hello', other.browser.client)).toEqual({});

    // On disk the words appear nowhere: not in the database, not in the log.
    if (!process.env.SB_API_DATABASE_URL) {
      // SQLite in WAL mode: recent writes sit in the -wal file until a checkpoint.
      for (const file of ['securebase.db', 'securebase.db-wal']) {
        const where = path.join(server.dataDir, file);
        if (existsSync(where)) expect(readFileSync(where).includes(Buffer.from(words)), file).toBe(false);
      }
      const wal = path.join(server.dataDir, 'securebase.db-wal');
      expect(existsSync(wal) && readFileSync(wal).length > 0, 'the write reached the WAL file').toBe(true);
    }
    expect(readFileSync(server.logFile, 'utf8')).not.toContain(words);

    await saveAnswer('hello', 'hello-1', '   ', browser.client);
    expect(await getAnswers('hello', browser.client)).toEqual({});
  });

  it('refuses answers to prompts that are not in the lesson, and over-long answers', async () => {
    const { browser } = await learner();
    expect((await failure(saveAnswer('hello', 'a-breath-1', 'x', browser.client))).status).toBe(404);
    const long = await failure(saveAnswer('hello', 'hello-1', 'x'.repeat(20_001), browser.client));
    expect(long.status).toBe(400);
    expect(long.problem.errors?.[0]?.field).toBe('text');
    const wrongType = await failure(browser.client.put('/api/v1/lessons/hello/answers/hello-1', { text: 42 }));
    expect(wrongType.status).toBe(400);
  });
});

describe('content import while serving', () => {
  it('serves edited lessons without a restart and keeps progress by lesson id', async () => {
    const { browser } = await learner();
    await saveProgress('hello', { completed: true }, browser.client);
    await saveAnswer('hello', 'hello-1', 'kept across the edit', browser.client);

    // An edited copy: "hello" renamed and moved after "a-breath"; "staying" removed.
    const edited = path.join(work, 'edited');
    cpSync(contentDir, edited, { recursive: true });
    const module1 = path.join(edited, 'course/sample-course/01-arriving');
    const hello = readFileSync(path.join(module1, '01-hello.md'), 'utf8').replace('title = "Hello"', 'title = "Hello again"');
    rmSync(path.join(module1, '01-hello.md'));
    writeFileSync(path.join(module1, '03-hello.md'), hello);
    rmSync(path.join(edited, 'course/sample-course/02-settling/01-staying.md'));
    writeFileSync(
      path.join(edited, 'course/sample-course/02-settling/01-new.md'),
      '+++\nid = "newcomer"\ntitle = "A new lesson"\nsummary = "Added later."\nminutes = 3\n+++\n\nNew words.\n',
    );

    importContent(edited);

    // The server polls every second.
    await expect
      .poll(async () => (await getLesson('hello', browser.client)).title, { timeout: 10_000, interval: 200 })
      .toBe('Hello again');
    const outline = await getCourse('sample-course', browser.client);
    expect(outline.modules[0]!.lessons.map((l) => l.id)).toEqual(['a-breath', 'hello']);
    expect(outline.modules[0]!.lessons[1]).toMatchObject({ completed: true });
    expect(outline.modules[1]!.lessons.map((l) => l.id)).toEqual(['newcomer']);
    expect(await getAnswers('hello', browser.client)).toEqual({ 'hello-1': 'kept across the edit' });
    expect((await failure(getLesson('staying', browser.client))).status).toBe(404);
  });

  it('serves changed crisis lines without a restart', async () => {
    // The fixture holds no crisis lines; an import adds a country's.
    const { browser } = await learner();
    expect((await failure(crisisLines('GB', browser.client))).status).toBe(404);
    const edited = path.join(work, 'with-crisis-lines');
    cpSync(contentDir, edited, { recursive: true });
    mkdirSync(path.join(edited, 'crisis'));
    writeFileSync(
      path.join(edited, 'crisis/gb.toml'),
      'country = "GB"\nname = "United Kingdom"\nemergency = "999"\nlast_verified = 2026-11-29\n' +
        '[[lines]]\nid = "fixture-line"\nname = "A fixture line"\ndescription = "For tests."\n' +
        'phone = "0000 000 000"\nhours = "Always"\nlast_verified = 2026-11-29\n',
    );
    importContent(edited);
    await expect
      .poll(async () => (await crisisLines('GB', browser.client).catch(() => null))?.lines[0]?.phone, {
        timeout: 10_000,
        interval: 200,
      })
      .toBe('0000 000 000');
  });

  it('refuses a broken folder and keeps serving what was there', async () => {
    const { browser } = await learner();
    const broken = path.join(work, 'broken');
    cpSync(contentDir, broken, { recursive: true });
    writeFileSync(
      path.join(broken, 'course/sample-course/01-arriving/09-bad.md'),
      '+++\nid = "bad"\ntitle = "Bad"\nsummary = "x"\nminutes = 3\n+++\n\n::practice{id=no-such-practice}\n',
    );
    const binary = process.env.SB_BINARY ?? path.join(repo, 'build/debug/securebase');
    let stderr = '';
    try {
      execFileSync(binary, ['content', 'import', broken, '--content', contentDir, '--data-dir', server.dataDir], {
        encoding: 'utf8',
        env: cleanEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect.unreachable('the import should fail');
    } catch (e) {
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(stderr).toContain('09-bad.md');
    expect(stderr).toContain('no-such-practice');
    expect(stderr).toContain('Nothing was imported');
    expect((await getLesson('a-breath', browser.client)).id).toBe('a-breath');
    expect((await failure(getLesson('bad', browser.client))).status).toBe(404);
  });
});

/** `securebase content import folder` into the server's content, as an operator runs it. */
function importContent(folder: string) {
  const binary = process.env.SB_BINARY ?? path.join(repo, 'build/debug/securebase');
  const importArgs = ['content', 'import', folder, '--content', contentDir, '--data-dir', server.dataDir];
  if (process.env.SB_API_DATABASE_URL) importArgs.push('--database', process.env.SB_API_DATABASE_URL);
  const out = execFileSync(binary, importArgs, { encoding: 'utf8', env: cleanEnv() });
  expect(out).toMatch(/Running servers will switch to it/);
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('SECUREBASE_')) env[k] = v;
  return env;
}
