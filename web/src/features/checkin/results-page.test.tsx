import { screen, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { preloadCheckinPages } from '../../app';
import { jsonResponse } from '../../api/fake-fetch';
import type { Checkin } from '../../api/checkins';
import { fakeApi, person } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { attachment, attachmentResult, eightSigns, signsResult } from './test-fixtures';

beforeAll(() => preloadCheckinPages());

const first = attachmentResult('a1', '2026-01-10T09:00:00Z', 5.5, 2.5);
const second = attachmentResult('a2', '2026-02-08T09:00:00Z', 4.75, 2.25, {
  change: { anxiety: { difference: -0.75, rci: null, reliable: null }, avoidance: { difference: -0.25, rci: null, reliable: null } },
});
const latest = attachmentResult('a3', '2026-03-08T09:00:00Z', 3.5, 2, {
  change: { anxiety: { difference: -1.25, rci: null, reliable: null }, avoidance: { difference: -0.25, rci: null, reliable: null } },
});
const signs = signsResult(
  's3',
  '2026-03-08T09:06:00Z',
  {
    fear_of_abandonment: 3,
    need_for_reassurance: 4,
    sensitivity_to_changes: 2,
    jealousy_insecurity: 1,
    emotional_regulation: 2,
    clinging: 0,
    fear_of_being_alone: 1,
    rumination: 3,
  },
  { change: { rumination: { difference: -1, rci: null, reliable: null } } },
);

function open(path: string, checkins: Checkin[]) {
  const api = fakeApi({
    'GET /api/v1/me': () => jsonResponse(200, person({ time_zone: 'Europe/London' })),
    'GET /api/v1/questionnaires/attachment': () => jsonResponse(200, attachment),
    'GET /api/v1/questionnaires/eight-signs': () => jsonResponse(200, eightSigns),
    'GET /api/v1/checkins': () => jsonResponse(200, { checkins }),
  });
  renderAt(path, api.client);
  return api;
}

const plane = () => screen.findByRole('img', { name: /Your results on the attachment plane/ });

describe('check-in results', () => {
  it('draws the latest point on the plane, with a title, a description and the path of earlier points', async () => {
    open('/check-in/results', [signs, latest, second, first]);
    const svg = await plane();
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.querySelector('title')?.textContent).toBe('Your results on the attachment plane');
    const desc = svg.querySelector('desc')?.textContent ?? '';
    expect(desc).toContain('This result, 8 March 2026: worry 3.5, distance 2.0, is in the area called Secure: at ease with closeness.');
    expect(desc).toContain('2 earlier results are joined by arrows in the order they were taken, oldest first: 10 January 2026: worry 5.5, distance 2.5; 8 February 2026: worry 4.8, distance 2.3.');
    expect(svg.getAttribute('aria-labelledby')?.split(' ')).toHaveLength(2);
    // Oldest → middle → latest: two arrows, two small dots and one large.
    expect(svg.querySelectorAll('.plane-path')).toHaveLength(2);
    expect(svg.querySelectorAll('.plane-path')[0]?.getAttribute('marker-end')).toMatch(/^url\(#.+-arrow\)$/);
    expect(svg.querySelectorAll('.plane-earlier')).toHaveLength(2);
    expect(svg.querySelectorAll('.plane-current')).toHaveLength(1);
    // The four areas carry kind words.
    const labels = Array.from(svg.querySelectorAll('.plane-label'), (label) =>
      Array.from(label.querySelectorAll('tspan'), (line) => line.textContent).join(' '),
    );
    expect(labels).toEqual([
      'Anxious reaching for closeness',
      'Fearful wanting closeness, wary of it',
      'Secure at ease with closeness',
      'Avoidant leaning on yourself',
    ]);
    expect(document.title).toBe('Check-in results · Secure Base');
  });

  it('offers the same results as a table, newest first, each date opening that result', async () => {
    open('/check-in/results', [signs, latest, second, first]);
    await plane();
    const table = screen.getByRole('table', { name: /Your results on closeness and distance/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => Array.from(row.children, (cell) => cell.textContent))).toEqual([
      ['8 March 2026 (shown above)', '3.5', '2.0', 'Secure'],
      ['8 February 2026', '4.8', '2.3', 'Anxious'],
      ['10 January 2026', '5.5', '2.5', 'Anxious'],
    ]);
    expect(within(table).getByRole('link', { name: '10 January 2026' }).getAttribute('href')).toBe('/check-in/results/a1');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Date',
      'Worry about closeness',
      'Keeping your distance',
      'Area',
    ]);
  });

  it('describes the area kindly, says the questionnaire is not validated, and shows plain change', async () => {
    open('/check-in/results', [signs, latest, second, first]);
    await plane();
    expect(screen.getByRole('heading', { level: 3, name: 'Your answers lean towards: Secure, at ease with closeness' })).toBeTruthy();
    const main = screen.getByRole('main').textContent ?? '';
    expect(main).toContain('How often each one showed up for you, from 0 (Never) to 4 (Almost always).');
    expect(main).toContain('not a diagnosis');
    expect(main).toContain('has not been tested in research');
    expect(main).toContain('Worry about closeness: 1.3 lower than last time.');
    expect(main).toContain('These are plain differences.');
    expect(main).toContain('Small moves from one time to the next are normal');
  });

  it('shows the eight signs as bars, with the numbers in words and figures', async () => {
    open('/check-in/results', [signs, latest, second, first]);
    await plane();
    const section = screen.getByRole('heading', { level: 2, name: 'The eight signs, over the past two weeks' }).closest('section')!;
    const items = within(section).getAllByRole('listitem');
    expect(items).toHaveLength(8);
    expect(items[1]?.textContent).toContain('Needing reassurance');
    expect(items[1]?.textContent).toContain('Almost always, 4 of 4');
    expect(items[5]?.textContent).toContain('Holding on tightly');
    expect(items[5]?.textContent).toContain('Never, 0 of 4');
    expect(items[7]?.textContent).toContain('1 lower than last time.');
    // The bar is decoration, sized by attribute; the text carries the meaning.
    const bar = items[0]!.querySelector('svg')!;
    expect(bar.getAttribute('aria-hidden')).toBe('true');
    expect(bar.querySelector('.sign-bar-fill')?.getAttribute('width')).toBe('75');
    expect(items[5]!.querySelector('.sign-bar-fill')).toBeNull();
    expect(screen.getByRole('main').querySelectorAll('[style]')).toHaveLength(0);
  });

  it('one earlier result: shows it with only the path up to it, and the signs from the same sitting', async () => {
    const earlierSigns = signsResult('s2', '2026-02-08T09:04:00Z', { rumination: 4 });
    open('/check-in/results/a2', [signs, latest, earlierSigns, second, first]);
    const svg = await plane();
    expect(svg.querySelectorAll('.plane-path')).toHaveLength(1);
    expect(svg.querySelector('desc')?.textContent).toContain('This result, 8 February 2026');
    expect(screen.getByRole('table').textContent).toContain('8 February 2026 (shown above)');
    const section = screen.getByRole('heading', { level: 2, name: 'The eight signs, over the past two weeks' }).closest('section')!;
    expect(section.textContent).toContain('Almost always, 4 of 4');
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
  });

  it('the first result: no path, and nothing to compare yet', async () => {
    open('/check-in/results', [first]);
    const svg = await plane();
    expect(svg.querySelectorAll('.plane-path')).toHaveLength(0);
    expect(svg.querySelector('desc')?.textContent).not.toContain('earlier');
    expect(screen.getByText(/This is your first result here/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Answer the questions on the past two weeks' }).getAttribute('href')).toBe(
      '/check-in/eight-signs',
    );
  });

  it('before any check-in, says so and points to it', async () => {
    open('/check-in/results', []);
    expect(await screen.findByRole('heading', { level: 2, name: 'No results yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'About the check-in' }).getAttribute('href')).toBe('/check-in');
  });

  it('an unknown result: says it could not be found', async () => {
    open('/check-in/results/nope', [latest]);
    expect(await screen.findByText(/We couldn’t find that result/)).toBeTruthy();
  });
});
