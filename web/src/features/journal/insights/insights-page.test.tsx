import { render, screen, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../../api/client';
import { jsonResponse } from '../../../api/fake-fetch';
import { fakeApi, person, problem } from '../../../test/fake-api';
import { SessionProvider } from '../../account/session';
import { notReadyInsights, readyInsights } from './insight-fixtures';
import { InsightsPage } from './insights-page';

function open(client: ApiClient) {
  history.replaceState(null, '', '/journal/insights');
  return render(
    <LocationProvider>
      <SessionProvider client={client}>
        <main>
          <InsightsPage />
        </main>
      </SessionProvider>
    </LocationProvider>,
  );
}

const me = () => jsonResponse(200, person());

/** The rows of a hidden table, each as its cells' text. */
function tableRows(name: string): string[][] {
  const table = screen.getByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.children).map((cell) => cell.textContent ?? ''));
}

describe('/journal/insights', () => {
  it('below the minimum: says kindly how many more logs it takes, with a way to write one', async () => {
    const api = fakeApi({ 'GET /api/v1/me': me, 'GET /api/v1/journal/insights': () => jsonResponse(200, notReadyInsights(2)) });
    open(api.client);
    expect(
      await screen.findByText('You have written 2 trigger logs so far. Patterns show here once there are 5, so 3 more will do it.'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Write a trigger log' }).getAttribute('href')).toBe('/journal/new?kind=trigger');
    expect(screen.getByRole('link', { name: 'Pause before reacting' }).getAttribute('href')).toBe('/journal/pause');
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('asks in the learner’s zone for twelve weeks, and shows each chart with its sentence and numbers', async () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'America/New_York',
    } as Intl.ResolvedDateTimeFormatOptions);
    const api = fakeApi({ 'GET /api/v1/me': me, 'GET /api/v1/journal/insights': () => jsonResponse(200, readyInsights()) });
    open(api.client);
    await screen.findByRole('heading', { level: 2, name: 'Week by week' });
    expect(api.requests.find((r) => r.url.startsWith('/api/v1/journal/insights'))!.url).toBe(
      '/api/v1/journal/insights?tz=America%2FNew_York&weeks=12',
    );
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Week by week',
      'Signs that came up',
      'Urges you noted',
      'What seemed to help',
      'Time of day',
    ]);

    // Every chart is one named image.
    expect(screen.getAllByRole('img').map((img) => img.getAttribute('aria-label'))).toEqual([
      'Bar chart: your trigger logs in each week, stacked by the state you noted',
      'Bar chart: the signs you noted in your trigger logs, most often first',
      'Bar chart: the urges you noted, most often first',
      'Bar chart: what seemed to help, by the average drop in the intensity you rated',
      'Bar chart: your trigger logs by time of day',
    ]);

    // The sentences come from the numbers.
    const sentence = (heading: string) =>
      screen.getByRole('heading', { level: 2, name: heading }).closest('section')!.querySelector('figcaption')!.textContent;
    expect(sentence('Week by week')).toBe(
      'Over the last 12 weeks you wrote 14 trigger logs; in 10 of them you noted feeling stirred up.',
    );
    expect(sentence('Signs that came up')).toBe('The sign you noted most often was fear of being left, in 9 of 14 logs.');
    expect(sentence('Urges you noted')).toBe(
      'The urge you noted most often was “Check my phone or their profile”, in 8 of 14 logs.',
    );
    expect(sentence('What seemed to help')).toBe(
      '“Slow, paced breathing” seemed to help most: the intensity you rated went down by 3.4 points on average, across 5 logs you rated before and after.',
    );
    expect(sentence('Time of day')).toBe('Most of your logged triggers came in the evening: 8 of 14.');

    // The same numbers in the hidden tables.
    const weeks = tableRows('Trigger logs each week, oldest first, by the state you noted');
    expect(weeks[0]).toEqual(['Week starting', 'Trigger logs', 'Stirred up', 'Shut down', 'Settled', 'Not sure']);
    expect(weeks).toHaveLength(13);
    expect(weeks[4]).toEqual(['26 January', '3', '2', '1', '0', '0']);
    expect(weeks[10]).toEqual(['9 March', '2', '1', '0', '0', '1']);
    expect(tableRows('How many trigger logs named each sign').slice(1)).toEqual([
      ['Fear of being left', '9'],
      ['Needing reassurance', '6'],
      ['Going over things again and again', '2'],
    ]);
    expect(tableRows('How many trigger logs noted each urge').slice(1)).toEqual([
      ['Check my phone or their profile', '8'],
      ['Ask for reassurance', '5'],
    ]);
    expect(
      tableRows(
        'What seemed to help: the logs naming each, the logs rated before and after, and the average drop in intensity',
      ).slice(1),
    ).toEqual([
      ['Slow, paced breathing', '6', '5', '3.4'],
      ['Writing it down', '4', '3', '1'],
      ['Talking to someone I trust', '2', '1', 'Not enough ratings yet'],
    ]);
    expect(tableRows('How many trigger logs fell in each part of the day').slice(1)).toEqual([
      ['Night (midnight to 6am)', '3'],
      ['Morning (6am to noon)', '1'],
      ['Afternoon (noon to 6pm)', '2'],
      ['Evening (6pm to midnight)', '8'],
    ]);

    // What helped says what each is based on; nothing to measure draws no bar.
    const helped = screen.getByRole('img', { name: /what seemed to help/ });
    expect(helped.textContent).toContain('Down 3.4 on average, based on 5 rated logs');
    expect(helped.textContent).toContain('Not enough ratings yet (named in 2 logs)');
    expect(helped.querySelectorAll('.insight-bar-fill')).toHaveLength(2);
    // The weeks: one stacked segment per state noted in a week, each with its pattern.
    const segments = screen.getByRole('img', { name: /each week/ }).querySelectorAll('.insight-segment');
    expect(segments).toHaveLength(10);
    expect(new Set(Array.from(segments, (s) => s.getAttribute('fill')))).toEqual(
      new Set([
        'url(#insight-state-activated)',
        'url(#insight-state-shut-down)',
        'url(#insight-state-settled)',
        'url(#insight-state-unknown)',
      ]),
    );
    // Never a cause, never a diagnosis.
    expect(document.body.textContent).not.toMatch(/because|caused|disorder|diagnos|you are anxious/i);
    expect(screen.queryByText(/couldn’t be opened/)).toBeNull();
  });

  it('says kindly when some entries could not be opened', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/journal/insights': () => jsonResponse(200, readyInsights({ unreadable: 2 })),
    });
    open(api.client);
    expect(
      await screen.findByText(
        '2 journal entries couldn’t be opened just now, so they are left out of these patterns. Everything else you wrote is counted.',
      ),
    ).toBeTruthy();
  });

  it('signed out: says what the page is, with a way to log in, and asks nothing', async () => {
    const api = fakeApi({});
    open(api.client);
    const login = await screen.findByRole('link', { name: 'Log in' });
    expect(login.getAttribute('href')).toBe('/login?next=%2Fjournal%2Finsights');
    expect(api.requests.some((r) => r.url.startsWith('/api/v1/journal'))).toBe(false);
  });

  it('passes on a failure to load, with a way to try again', async () => {
    const api = fakeApi({ 'GET /api/v1/me': me, 'GET /api/v1/journal/insights': () => problem(503, 'unavailable') });
    open(api.client);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
