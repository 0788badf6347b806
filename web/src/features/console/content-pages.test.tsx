import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ContentFile, ContentPreview, ContentTree } from '../../api/console-content';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, problem } from '../../test/fake-api';
import { lesson } from '../course/course-fixtures';
import { lineRange } from './content-file-page';
import { practitioner, renderConsole } from './render-console';
import { preloadConsolePages } from './routes';

beforeAll(() => preloadConsolePages());
afterEach(() => vi.restoreAllMocks());

const lessonFile = 'course/c/01-start/01-welcome.md';

const tree: ContentTree = {
  revision: '3f2a9c1b77aa0d11',
  loaded_at: '2026-03-30T08:00:00Z',
  courses: [
    {
      id: 'c',
      title: 'Heal Insecure Attachment',
      file: 'course/c/course.toml',
      modules: [
        {
          id: 'start',
          title: 'Starting safely',
          file: 'course/c/01-start/module.toml',
          lessons: [{ id: 'welcome', title: 'Welcome', file: lessonFile }],
        },
      ],
    },
  ],
  practices: [{ id: 'box-breathing', title: 'Box breathing', file: 'practices/box-breathing.toml' }],
  questionnaires: [],
  crisis_lines: [{ id: 'GB', title: 'United Kingdom', file: 'crisis/gb.toml' }],
};

const text = '+++\nid = "welcome"\ntitle = "Welcome"\nsummary = "S."\nminutes = 5\n+++\n\nHello.\n';
const file: ContentFile = { path: lessonFile, text, revision: 'aaaaaaaaaaaaaaaa' };

const preview: ContentPreview = { path: lessonFile, ok: true, problems: [], lesson: lesson({ title: 'Welcome again' }) };

const textBox = () => screen.getByLabelText('Text of the file') as HTMLTextAreaElement;
const type = (value: string) => fireEvent.input(textBox(), { target: { value } });

describe('/console/content', () => {
  it('lists the course, its modules and lessons, and the other content, each linking to its file', async () => {
    const api = fakeApi({ 'GET /api/v1/me': practitioner, 'GET /api/v1/console/content': () => jsonResponse(200, tree) });
    renderConsole('/console/content', api.client);
    const course = (await screen.findByRole('heading', { level: 2, name: 'Heal Insecure Attachment' })).closest('section')!;
    expect(screen.getByText(/^Version 3f2a9c1b, loaded Monday 30 March, 09:00\.$/)).toBeTruthy();
    expect(within(course).getByRole('heading', { level: 3, name: 'Starting safely' })).toBeTruthy();
    expect(within(course).getByRole('link', { name: 'Welcome' }).getAttribute('href')).toBe(
      `/console/content/file?path=${encodeURIComponent(lessonFile)}`,
    );
    expect(within(course).getByText(lessonFile)).toBeTruthy();
    expect(within(course).getByRole('link', { name: 'Edit the module’s settings' })).toBeTruthy();
    const practices = screen.getByRole('heading', { level: 2, name: 'Practices' }).closest('section')!;
    expect(within(practices).getByRole('link', { name: 'Box breathing' })).toBeTruthy();
    expect(within(screen.getByRole('heading', { level: 2, name: 'Questionnaires' }).closest('section')!).getByText('None yet.')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Console' });
    expect(within(nav).getByRole('link', { name: 'Course content' }).getAttribute('aria-current')).toBe('page');
  });

  it('reloads, and shows the new version', async () => {
    let served = tree;
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/content': () => jsonResponse(200, served),
      'POST /api/v1/console/content/reload': () => {
        served = { ...tree, revision: 'bbbbbbbbcccc', loaded_at: '2026-03-30T09:15:00Z' };
        return jsonResponse(200, { revision: served.revision, loaded_at: served.loaded_at });
      },
    });
    renderConsole('/console/content', api.client);
    const button = await screen.findByRole('button', { name: 'Reload the files' });
    button.focus();
    fireEvent.click(button);
    expect(await screen.findByText(/^Version bbbbbbbb, loaded Monday 30 March, 10:15\.$/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Reloaded: learners see the files as they are now.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reload the files' }));
    expect(api.sent('POST /api/v1/console/content/reload')).toHaveLength(1);
  });

  it('lists a refused reload’s problems, and moves focus to them', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/content': () => jsonResponse(200, tree),
      'POST /api/v1/console/content/reload': () =>
        problem(422, 'content-invalid', {
          problems: [{ file: 'course/c/01-start/module.toml', line: 2, message: "'title' is required and must be text" }],
          content: { revision: tree.revision, loaded_at: tree.loaded_at },
        }),
    });
    renderConsole('/console/content', api.client);
    fireEvent.click(await screen.findByRole('button', { name: 'Reload the files' }));
    const summary = await screen.findByRole('heading', { level: 2, name: 'The files were not reloaded' });
    await waitFor(() => expect(document.activeElement).toBe(summary.parentElement));
    expect(within(summary.parentElement!).getByText("course/c/01-start/module.toml, line 2: 'title' is required and must be text")).toBeTruthy();
  });
});

describe('/console/content/file', () => {
  const open = (routes: Parameters<typeof fakeApi>[0] = {}) => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/content/file': () => jsonResponse(200, file),
      ...routes,
    });
    renderConsole(`/console/content/file?path=${encodeURIComponent(lessonFile)}`, api.client);
    return api;
  };

  it('shows the file’s text in a labelled box, read by its path', async () => {
    const api = open();
    await waitFor(() => expect(textBox().value).toBe(text));
    expect(api.requests[api.requests.length - 1]!.url).toBe(`/api/v1/console/content/file?path=${encodeURIComponent(lessonFile)}`);
    expect(screen.getByText(lessonFile)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('No changes yet.');
  });

  it('previews the text as a learner would see it, saving nothing', async () => {
    const api = open({ 'POST /api/v1/console/content/preview': () => jsonResponse(200, preview) });
    await waitFor(() => expect(textBox().value).toBe(text));
    type(text.replace('Hello.', 'Hello and welcome.'));
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Preview' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const panel = heading.closest('section')!;
    expect(within(panel).getByRole('heading', { level: 3, name: 'Welcome again' })).toBeTruthy();
    expect(within(panel).getByText('slowly').tagName).toBe('STRONG');
    expect(within(panel).getByRole('complementary', { name: 'Practice: Grounding through the five senses' })).toBeTruthy();
    expect(within(panel).getByText('What brought you here today?')).toBeTruthy();
    expect(api.sent('POST /api/v1/console/content/preview')).toEqual([{ path: lessonFile, text: text.replace('Hello.', 'Hello and welcome.') }]);
    expect(api.sent('PUT /api/v1/console/content/file')).toEqual([]);
  });

  it('shows a refused save’s problems with their lines, keeps her text, and puts the cursor on a line', async () => {
    open({
      'PUT /api/v1/console/content/file': () =>
        problem(422, 'content-invalid', {
          problems: [
            { file: lessonFile, line: 3, message: "'title' is required and must be text" },
            { file: 'course/c/02-x/01-y.md', line: 7, message: "the lesson 'welcome' linked here does not exist" },
          ],
          content: { revision: tree.revision, loaded_at: tree.loaded_at },
        }),
    });
    await waitFor(() => expect(textBox().value).toBe(text));
    const broken = text.replace('title = "Welcome"', 'title = ');
    type(broken);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const title = await screen.findByRole('heading', { level: 2, name: 'Not saved: please fix these first' });
    const summary = title.parentElement!;
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(textBox().value).toBe(broken);
    expect(textBox().getAttribute('aria-invalid')).toBe('true');
    expect(textBox().getAttribute('aria-describedby')).toContain(summary.id);
    expect(within(summary).getByText("course/c/02-x/01-y.md, line 7: the lesson 'welcome' linked here does not exist")).toBeTruthy();
    fireEvent.click(within(summary).getByRole('button', { name: "Line 3: 'title' is required and must be text" }));
    expect(document.activeElement).toBe(textBox());
    expect(broken.slice(textBox().selectionStart, textBox().selectionEnd)).toBe('title = ');
    expect(screen.getByRole('status').textContent).toBe('Changes not saved yet.');
  });

  it('saves with the revision it opened, then says so', async () => {
    const api = open({
      'PUT /api/v1/console/content/file': () =>
        jsonResponse(200, { path: lessonFile, revision: 'bbbbbbbbbbbbbbbb', content: { revision: 'r2', loaded_at: tree.loaded_at } }),
    });
    await waitFor(() => expect(textBox().value).toBe(text));
    type(`${text}More.\n`);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved at \d\d:\d\d\. Learners see this version now\.$/));
    type(`${text}More again.\n`);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.sent('PUT /api/v1/console/content/file')).toHaveLength(2));
    expect(api.sent('PUT /api/v1/console/content/file')).toEqual([
      { path: lessonFile, text: `${text}More.\n`, revision: 'aaaaaaaaaaaaaaaa' },
      { path: lessonFile, text: `${text}More again.\n`, revision: 'bbbbbbbbbbbbbbbb' },
    ]);
  });

  it('says when the file changed meanwhile, keeping her text', async () => {
    open({ 'PUT /api/v1/console/content/file': () => problem(409, 'content-file-changed', { detail: 'Changed.' }) });
    await waitFor(() => expect(textBox().value).toBe(text));
    type('mine');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Not saved: the file changed meanwhile' })).toBeTruthy();
    expect(textBox().value).toBe('mine');
  });

  it('asks before leaving with changes that are not saved', async () => {
    open();
    await waitFor(() => expect(textBox().value).toBe(text));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    // Nothing changed: no question.
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    type('changed');
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    screen.getByRole('link', { name: 'Back to the course content' }).dispatchEvent(click);
    expect(confirm).toHaveBeenCalledWith('Leave this page? Your changes to this file are not saved.');
    expect(click.defaultPrevented).toBe(true);
    expect(textBox().value).toBe('changed');
    expect(location.pathname).toBe('/console/content/file');
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('says when there is no such file', async () => {
    open({ 'GET /api/v1/console/content/file': () => problem(404, 'not-found') });
    expect(await screen.findByText(/There is no content file at/)).toBeTruthy();
  });
});

describe('lineRange', () => {
  it('finds the start and end of a line, and the end for a line past the last', () => {
    expect(lineRange('a\nbb\nccc', 1)).toEqual([0, 1]);
    expect(lineRange('a\nbb\nccc', 2)).toEqual([2, 4]);
    expect(lineRange('a\nbb\nccc', 3)).toEqual([5, 8]);
    expect(lineRange('a\nbb', 9)).toEqual([4, 4]);
  });
});
