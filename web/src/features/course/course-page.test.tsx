import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, person, problem } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { outline } from './course-fixtures';

function open(course = outline()) {
  const api = fakeApi({
    'GET /api/v1/me': () => jsonResponse(200, person({ time_zone: 'Europe/London' })),
    'GET /api/v1/courses': () => jsonResponse(200, { courses: [course] }),
    [`GET /api/v1/courses/${course.id}`]: () => jsonResponse(200, course),
  });
  renderAt('/course', api.client);
  return api;
}

describe('/course', () => {
  it('shows progress, where to continue, and every module with its lessons', async () => {
    open();
    expect(await screen.findByRole('heading', { level: 2, name: 'A sample course' })).toBeTruthy();
    expect(screen.getByText('1 of 3 lessons complete')).toBeTruthy();
    const progressBar = screen.getByRole('progressbar', { name: 'Lessons complete' }) as HTMLProgressElement;
    expect(progressBar.value).toBe(1);
    const next = screen.getByRole('link', { name: 'Continue: A breath' });
    expect(next.getAttribute('href')).toBe('/course/lessons/a-breath');
    const first = screen.getByRole('heading', { name: /Module 1 Arriving/ }).closest('section')!;
    expect(within(first).getByRole('link', { name: 'Hello' }).getAttribute('href')).toBe('/course/lessons/hello');
    expect(within(first).getByText('Complete')).toBeTruthy();
  });

  it('says kindly when a closed module opens, in the learner’s zone, with no links into it', async () => {
    open();
    const second = (await screen.findByRole('heading', { name: /Module 2 Settling/ })).closest('section')!;
    // In the reader's own locale; the date is the one in their zone (10:00 UTC is 10:00 in London).
    expect(second.textContent).toMatch(/Opens on Wednesday,? (2 December|December 2)\./);
    expect(within(second).queryByRole('link')).toBeNull();
    expect(within(second).getByText('Staying')).toBeTruthy();
  });

  it('explains gentle pacing, and says nothing about it when all is open', async () => {
    open();
    expect(await screen.findByText(/each module opens 2 days after you start the one before/)).toBeTruthy();
  });

  it('a module waiting for the one before says so without a date', async () => {
    const course = outline();
    course.modules[1]!.state = 'locked';
    course.modules[1]!.opens_at = null;
    open(course);
    const second = (await screen.findByRole('heading', { name: /Module 2 Settling/ })).closest('section')!;
    expect(second.textContent).toContain('Opens a few days after you start “Arriving”.');
  });

  it('when everything is complete, says well done instead of a continue link', async () => {
    open(outline({ completed_count: 3, complete: true, continue: null }));
    expect(await screen.findByText(/You have completed every lesson/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Continue/ })).toBeNull();
  });

  it('could not load: says so in the server’s words and offers to try again', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () => jsonResponse(200, person()),
      'GET /api/v1/courses': () => problem(503, 'unavailable', { detail: 'The database is resting. Please try again soon.' }),
    });
    renderAt('/course', api.client);
    expect(await screen.findByText('The database is resting. Please try again soon.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
