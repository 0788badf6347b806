import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, noContent, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { lesson, progress } from './course-fixtures';
import { readFraction } from './use-reading-position';

beforeAll(async () => {
  await import('./lesson-page');
});

function open(routes: Record<string, Handler> = {}, shown = lesson()) {
  const api = fakeApi({
    'GET /api/v1/me': () => jsonResponse(200, person()),
    'GET /api/v1/lessons/hello': () => jsonResponse(200, shown),
    'GET /api/v1/lessons/hello/answers': () => jsonResponse(200, { answers: {} }),
    'PUT /api/v1/lessons/hello/progress': () => jsonResponse(200, { progress: progress() }),
    ...routes,
  });
  renderAt('/course/lessons/hello', api.client);
  return api;
}

describe('/course/lessons/:id', () => {
  it('shows the lesson in order, records that it was opened, and links on', async () => {
    const api = open();
    expect(await screen.findByRole('heading', { level: 1, name: 'Hello' })).toBeTruthy();
    expect(screen.getByText('slowly').tagName).toBe('STRONG');
    expect(screen.getByText(/Know how the course works/)).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'Practice: Grounding through the five senses' })).toBeTruthy();
    expect(screen.getByLabelText('What brought you here today?')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Next A breath/ }).getAttribute('href')).toBe('/course/lessons/a-breath');
    await waitFor(() => expect(api.sent('PUT /api/v1/lessons/hello/progress')).toEqual([{}]));
  });

  it('shows a saved answer again, and saves a changed one', async () => {
    const api = open({
      'GET /api/v1/lessons/hello/answers': () => jsonResponse(200, { answers: { 'hello-1': 'A hard week.' } }),
      'PUT /api/v1/lessons/hello/answers/hello-1': () => noContent(),
    });
    const box = (await screen.findByLabelText('What brought you here today?')) as HTMLTextAreaElement;
    await waitFor(() => expect(box.value).toBe('A hard week.'));
    fireEvent.input(box, { target: { value: 'A hard week, and a kind friend.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save answer' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(api.sent('PUT /api/v1/lessons/hello/answers/hello-1')).toEqual([{ text: 'A hard week, and a kind friend.' }]);
  });

  it('keeps the answer on screen and says so when saving fails', async () => {
    open({ 'PUT /api/v1/lessons/hello/answers/hello-1': () => problem(400, 'invalid-argument', { detail: 'That answer is too long.' }) });
    const box = (await screen.findByLabelText('What brought you here today?')) as HTMLTextAreaElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    fireEvent.input(box, { target: { value: 'words' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save answer' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That answer is too long.');
    expect(box.value).toBe('words');
  });

  it('marks the lesson complete and can take it back', async () => {
    let completed: string | null = null;
    const api = open({
      'PUT /api/v1/lessons/hello/progress': (request) => {
        const body = JSON.parse(String(request.init.body)) as { completed?: boolean };
        if (body.completed !== undefined) completed = body.completed ? '2026-11-29T10:05:00Z' : null;
        return jsonResponse(200, { progress: progress({ completed_at: completed }) });
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Mark this lesson complete' }));
    expect(await screen.findByText('You have completed this lesson.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark as not complete' }));
    expect(await screen.findByRole('button', { name: 'Mark this lesson complete' })).toBeTruthy();
    expect(api.sent('PUT /api/v1/lessons/hello/progress')).toContainEqual({ completed: true });
    expect(api.sent('PUT /api/v1/lessons/hello/progress')).toContainEqual({ completed: false });
  });

  it('offers to jump back to where the learner stopped reading', async () => {
    open({}, lesson({ progress: progress({ position: 0.5 }) }));
    expect(await screen.findByRole('button', { name: 'Jump to where you stopped reading' })).toBeTruthy();
  });

  it('a next lesson in a closed module is named but not linked', async () => {
    open({}, lesson({ next: { id: 'staying', title: 'Staying', open: false } }));
    const nav = await screen.findByRole('navigation', { name: 'Lessons' });
    expect(nav.textContent).toContain('Staying: its module opens soon.');
    expect(within(nav).queryByRole('link', { name: /Staying/ })).toBeNull();
  });

  it('a closed module: says why, and points back to the course', async () => {
    open({
      'GET /api/v1/lessons/hello': () =>
        problem(403, 'module-not-open', { detail: 'This lesson’s module isn’t open yet.' }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not open yet' })).toBeTruthy();
    expect(screen.getByText('This lesson’s module isn’t open yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to the course' })).toBeTruthy();
  });
});

describe('readFraction', () => {
  it('is how far the reading line (a third down the screen) has come through the text', () => {
    expect(readFraction({ top: 300, height: 1000 }, 900)).toBe(0);
    expect(readFraction({ top: -200, height: 1000 }, 900)).toBe(0.5);
    expect(readFraction({ top: -2000, height: 1000 }, 900)).toBe(1);
    expect(readFraction({ top: 0, height: 0 }, 900)).toBe(0);
  });
});
