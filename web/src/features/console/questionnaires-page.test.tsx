import { screen, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import type { Psychometrics } from '../../api/console-psychometrics';
import { fakeApi, problem } from '../../test/fake-api';
import { figure } from './questionnaires-page';
import { practitioner, renderConsole } from './render-console';
import { preloadConsolePages } from './routes';

beforeAll(() => preloadConsolePages());

const answer: Psychometrics = {
  minimum_people: 30,
  questionnaires: [
    {
      id: 'attachment',
      version: 1,
      title: 'Closeness and distance',
      kind: 'attachment',
      people: 42,
      subscales: [
        { id: 'anxiety', title: 'Worry about closeness', items: 8, n: 42, mean: 4.126, sd: 1.2, alpha: 0.8712, meaning: 'The items agree well.' },
        { id: 'avoidance', title: 'Keeping distance', items: 8, n: 41, mean: 2.5, sd: 0.9, alpha: null, meaning: 'Cannot be said.' },
      ],
    },
    {
      id: 'eight-signs',
      version: 1,
      title: 'Eight signs',
      kind: 'signs',
      people: 1,
      subscales: [{ id: 'rumination', title: 'Going over it', items: 1, n: 1, mean: null, sd: null, alpha: null, meaning: 'Figures appear once 30 people have answered.' }],
    },
  ],
};

describe('/console/questionnaires', () => {
  it('lays out each part’s figures, and only n where there are too few people', async () => {
    const api = fakeApi({ 'GET /api/v1/me': practitioner, 'GET /api/v1/console/psychometrics': () => jsonResponse(200, answer) });
    renderConsole('/console/questionnaires', api.client);
    const first = (await screen.findByRole('heading', { level: 2, name: 'Closeness and distance' })).closest('section')!;
    expect(within(first).getByText('42 people have answered it.')).toBeTruthy();
    const worry = within(first).getByRole('heading', { level: 3, name: 'Worry about closeness' }).closest('li')!;
    expect([...worry.querySelectorAll('dt')].map((dt) => `${dt.textContent}=${dt.nextElementSibling?.textContent}`)).toEqual([
      'Items=8',
      'People (n)=42',
      'Mean=4.13',
      'SD=1.20',
      'Alpha=0.87',
    ]);
    expect(within(worry).getByText('The items agree well.')).toBeTruthy();
    const distance = within(first).getByRole('heading', { level: 3, name: 'Keeping distance' }).closest('li')!;
    expect(within(distance).getByText('–')).toBeTruthy();

    const signs = screen.getByRole('heading', { level: 2, name: 'Eight signs' }).closest('section')!;
    expect(within(signs).getByText('1 person has answered it.')).toBeTruthy();
    const rumination = within(signs).getByRole('heading', { level: 3, name: 'Going over it' }).closest('li')!;
    expect([...rumination.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['Items', 'People (n)']);
    expect(within(rumination).getByText('The figures appear after 29 more people.')).toBeTruthy();
    expect(screen.getByText(/appear once 30 people have answered a part/)).toBeTruthy();
  });

  it('says so kindly when the figures cannot be loaded', async () => {
    const api = fakeApi({ 'GET /api/v1/me': practitioner, 'GET /api/v1/console/psychometrics': () => problem(503, 'unavailable') });
    renderConsole('/console/questionnaires', api.client);
    expect((await screen.findByRole('alert')).textContent).toMatch(/We couldn’t load the questionnaires’ figures/);
  });

  it('writes figures with two decimals and a dash for none', () => {
    expect(figure(0.9285714)).toBe('0.93');
    expect(figure(3)).toBe('3.00');
    expect(figure(null)).toBe('–');
  });
});
