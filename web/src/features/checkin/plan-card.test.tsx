import { screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import type { Plan } from '../../api/checkins';
import { fakeApi, person, problem } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { plan } from './test-fixtures';

function openHome(answer: Plan | (() => Response), signedIn = true) {
  const api = fakeApi({
    ...(signedIn ? { 'GET /api/v1/me': () => jsonResponse(200, person({ time_zone: 'Europe/London' })) } : {}),
    'GET /api/v1/plan': typeof answer === 'function' ? answer : () => jsonResponse(200, answer),
  });
  renderAt('/', api.client);
  return api;
}

// A generous wait: the first render of Home in a file also loads its modules.
const card = async () =>
  (await screen.findByRole('heading', { level: 2, name: 'Your plan' }, { timeout: 3000 })).closest('section')!;

const lesson = (id: string, title: string) => ({ id, title, course_id: 'heal-insecure-attachment' });

describe('the plan on Home', () => {
  it('before any check-in: a gentle invitation, nothing more', async () => {
    openHome(plan());
    const section = await card();
    expect(section.textContent).toContain('When you’re ready, a short check-in');
    expect(within(section).getByRole('link', { name: 'About the check-in' }).getAttribute('href')).toBe('/check-in');
    expect(within(section).queryByRole('link', { name: 'Take the check-in again' })).toBeNull();
  });

  it('after a check-in: the strongest signs with the lessons for them, and no nudge when none is due', async () => {
    openHome(
      plan({
        last_checkin_at: '2026-03-08T09:00:00Z',
        next_checkin_due: '2026-04-05T09:00:00Z',
        signs: [
          {
            id: 'rumination',
            score: 4,
            lessons: [lesson('interrupting-rumination', 'Interrupting rumination')],
            practices: [{ id: 'cyclic-sighing', title: 'The double sigh' }],
          },
          {
            id: 'need_for_reassurance',
            score: 3,
            lessons: [
              lesson('interrupting-rumination', 'Interrupting rumination'),
              lesson('the-urge-for-reassurance', 'The urge for reassurance'),
              lesson('voicing-needs', 'Voicing needs'),
            ],
            practices: [],
          },
          { id: 'clinging', score: 2, lessons: [], practices: [] },
          { id: 'fear_of_being_alone', score: 2, lessons: [lesson('comfort-with-solitude', 'Comfort with solitude')], practices: [] },
        ],
      }),
    );
    const section = await card();
    expect(section.textContent).toContain('From your check-in on 8 March 2026');
    expect(within(section).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Going over things again and again',
      'Needing reassurance',
      'Holding on tightly',
    ]);
    expect(within(section).getByRole('link', { name: 'Interrupting rumination' }).getAttribute('href')).toBe(
      '/course/lessons/interrupting-rumination',
    );
    expect(within(section).getByRole('link', { name: 'Voicing needs' }).getAttribute('href')).toBe('/course/lessons/voicing-needs');
    expect(within(section).getByRole('link', { name: 'The double sigh' }).getAttribute('href')).toBe('/practices/cyclic-sighing');
    expect(section.textContent).toContain('One more lesson in the course touches on this.');
    expect(section.textContent).toContain('Lessons for this are still being written.');
    // Only three signs, and nothing the server did not send.
    expect(within(section).queryByRole('link', { name: 'Comfort with solitude' })).toBeNull();
    expect(within(section).queryByRole('link', { name: 'Take the check-in again' })).toBeNull();
    expect(within(section).getByRole('link', { name: 'See your check-in results' }).getAttribute('href')).toBe('/check-in/results');
  });

  it('shows each lesson once, under the strongest sign it helps with', async () => {
    openHome(
      plan({
        last_checkin_at: '2026-03-08T09:00:00Z',
        signs: [
          { id: 'rumination', score: 4, lessons: [lesson('a', 'Lesson A'), lesson('b', 'Lesson B'), lesson('c', 'Lesson C')], practices: [] },
          { id: 'clinging', score: 3, lessons: [lesson('a', 'Lesson A'), lesson('d', 'Lesson D')], practices: [] },
          { id: 'jealousy_insecurity', score: 2, lessons: [lesson('a', 'Lesson A')], practices: [] },
        ],
      }),
    );
    const section = await card();
    const names = within(section)
      .getAllByRole('listitem')
      .filter((item) => item.classList.contains('plan-sign'))
      .map((item) => within(item).queryAllByRole('link').map((link) => link.textContent));
    // A sign whose every lesson was shown above still shows its first, rather than nothing.
    expect(names).toEqual([['Lesson A', 'Lesson B'], ['Lesson D'], ['Lesson A']]);
    expect(section.textContent).toContain('One more lesson in the course touches on this.');
  });

  it('offers the check-in again only when one is due', async () => {
    openHome(
      plan({
        last_checkin_at: '2026-01-08T09:00:00Z',
        next_checkin_due: '2026-02-05T09:00:00Z',
        checkin_due: true,
        signs: [{ id: 'clinging', score: 1, lessons: [], practices: [] }],
      }),
    );
    const section = await card();
    expect(within(section).getByRole('link', { name: 'Take the check-in again' }).getAttribute('href')).toBe('/check-in');
  });

  it('signs that never showed up are not listed', async () => {
    openHome(
      plan({
        last_checkin_at: '2026-03-08T09:00:00Z',
        signs: [{ id: 'clinging', score: 0, lessons: [lesson('x', 'A lesson')], practices: [] }],
      }),
    );
    const section = await card();
    expect(section.textContent).toContain('none of the eight signs showed up');
    expect(within(section).queryByRole('link', { name: 'A lesson' })).toBeNull();
  });

  it('after part 1 only: asks for the part the plan is built from', async () => {
    openHome(
      plan({
        last_checkin_at: '2026-03-08T09:00:00Z',
        signs: [{ id: 'clinging', score: null, lessons: [lesson('x', 'A lesson')], practices: [] }],
      }),
    );
    const section = await card();
    expect(within(section).getByRole('link', { name: 'Answer the questions on the past two weeks' }).getAttribute('href')).toBe(
      '/check-in/eight-signs',
    );
    expect(within(section).queryByRole('link', { name: 'A lesson' })).toBeNull();
  });

  it('names each practice with the title the plan sends, opening it in the player', async () => {
    openHome(
      plan({
        last_checkin_at: '2026-03-08T09:00:00Z',
        signs: [{ id: 'rumination', score: 3, lessons: [], practices: [{ id: 'pause-before-reacting', title: 'Pausing before reacting' }] }],
      }),
    );
    const section = await card();
    expect(within(section).getByRole('link', { name: 'Pausing before reacting' }).getAttribute('href')).toBe('/practices/pause-before-reacting');
    expect(section.textContent).not.toContain('still being written');
  });

  it('signed out: no plan, and the plan is not asked for', async () => {
    const api = openHome(plan(), false);
    await within(screen.getByRole('banner')).findByRole('link', { name: 'Log in' });
    expect(screen.queryByRole('heading', { name: 'Your plan' })).toBeNull();
    expect(api.requests.some((r) => r.url === '/api/v1/plan')).toBe(false);
  });

  it('a server without the plan (404): says nothing', async () => {
    const api = openHome(() => problem(404, 'not-found'));
    await waitFor(() => expect(api.requests.some((r) => r.url === '/api/v1/plan')).toBe(true));
    await within(screen.getByRole('banner')).findByRole('link', { name: 'Your account: Ana' });
    expect(screen.queryByRole('heading', { name: 'Your plan' })).toBeNull();
  });

  it('offline: a quiet note with a way to try again', async () => {
    openHome(() => {
      throw new TypeError('Failed to fetch');
    });
    const section = await card();
    expect(section.textContent).toContain('Your plan couldn’t be loaded just now.');
    expect(within(section).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
