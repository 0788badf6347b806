import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { attachment, eightSigns } from '../checkin/test-fixtures';
import { notReadyInsights } from '../journal/insights/insight-fixtures';
import { statsReport } from '../practices/session-fixtures';
import { checkinPart, coursePart, journalPart, practicePart } from './progress-fixtures';

beforeAll(async () => {
  await import('./progress-page');
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function routes(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  const checkins = checkinPart();
  return {
    'GET /api/v1/me': () => jsonResponse(200, person()),
    'GET /api/v1/checkins': () => jsonResponse(200, { checkins: [...checkins.attachment, ...checkins.signs].reverse() }),
    'GET /api/v1/questionnaires/attachment': () => jsonResponse(200, attachment),
    'GET /api/v1/questionnaires/eight-signs': () => jsonResponse(200, eightSigns),
    'GET /api/v1/practice-stats': () => jsonResponse(200, practicePart().stats),
    'GET /api/v1/courses': () => jsonResponse(200, { courses: coursePart().courses }),
    'GET /api/v1/journal/insights': () => jsonResponse(200, journalPart().insights),
    ...overrides,
  };
}

const section = (name: string) => screen.getByRole('heading', { level: 2, name }).closest('section')!;

describe('/progress', () => {
  it('signed out, invites the reader to log in or sign up, and shows no numbers', async () => {
    renderAt('/progress', fakeApi({}).client);
    const main = await screen.findByRole('main');
    const login = await within(main).findByRole('link', { name: 'Log in' });
    expect(login.getAttribute('href')).toBe('/login?next=%2Fprogress');
    expect(within(main).getByRole('link', { name: 'create an account' }).getAttribute('href')).toBe('/signup');
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Progress']);
    expect(document.title).toBe('Progress · Secure Base');
    expect(screen.getByRole('main').querySelectorAll('table, svg[role="img"]')).toHaveLength(0);
  });

  it('with nothing recorded yet, says how each section will fill, without a number', async () => {
    const empty = { sessions: 0, minutes: 0 };
    const api = fakeApi(
      routes({
        'GET /api/v1/checkins': () => jsonResponse(200, { checkins: [] }),
        'GET /api/v1/practice-stats': () =>
          jsonResponse(200, statsReport({ practices: [], totals: { ...empty, distress: { n: 0, mean_before: null, mean_after: null } }, weeks: statsReport().weeks.map((w) => ({ ...w, ...empty })) })),
        'GET /api/v1/courses': () => jsonResponse(200, { courses: coursePart().courses.map((c) => ({ ...c, completed_count: 0 })) }),
        'GET /api/v1/journal/insights': () => jsonResponse(200, notReadyInsights(0)),
      }),
    );
    renderAt('/progress', api.client);
    await screen.findByText(/After your first check-in on closeness and distance/);
    expect(section('The eight signs over time').textContent).toContain('When you answer the questions on the past two weeks');
    await waitFor(() => expect(section('Practice').textContent).toContain('When you finish a practice while logged in'));
    await waitFor(() => expect(section('The course').textContent).toContain('No lessons marked complete yet, of 24.'));
    await waitFor(() => expect(section('Your journal, in numbers').textContent).toContain('When you write trigger logs'));
    expect(screen.getByRole('main').querySelectorAll('table, svg[role="img"]')).toHaveLength(0);
  });

  it('shows each section from what the server holds', async () => {
    renderAt('/progress', fakeApi(routes()).client);
    const plane = await screen.findByRole('img', { name: /Your results on the attachment plane/ });
    expect(plane.textContent).toContain('One earlier result is joined to it by an arrow');
    const closeness = section('Closeness and distance over time');
    expect(closeness.textContent).toContain('2 check-ins, from 10 January 2026 to 20 March 2026.');
    expect(within(closeness).getAllByRole('row')).toHaveLength(3);

    const signs = screen.getByRole('img', { name: /Your first eight-signs check-in, on 10 January 2026, beside your latest, on 20 March 2026/ });
    expect(signs.getAttribute('aria-label')).toContain('Showing up less often now: fear of being left.');
    expect(signs.getAttribute('aria-label')).toContain('One sign is the same.');
    const signTable = within(section('The eight signs over time')).getByRole('table');
    expect(within(signTable).getAllByRole('row').map((r) => r.textContent)).toContain('Fear of being leftOften, 3 of 4Sometimes, 2 of 4');

    const practice = section('Practice');
    await waitFor(() =>
      expect(practice.textContent).toContain(
        'Across 3 practices you rated before and after, your distress was on average 5.7 out of 10 before and 4 after.',
      ),
    );
    expect(practice.textContent).toContain('not a measurement of your health');
    expect(practice.textContent).toContain('Over these weeks you practised 6 times, 23 minutes in all.');
    await waitFor(() => expect(section('The course').textContent).toContain('3 of 24 lessons completed.'));
    const journal = section('Your journal, in numbers');
    await waitFor(() => expect(journal.textContent).toContain('You have written 14 trigger logs in all, 14 of them in the last 12 weeks.'));
    expect(within(journal).getByRole('img', { name: /signs named in your trigger logs/ })).toBeTruthy();
    expect(screen.queryByText(/streak/i)).toBeNull();
    // Only the learner sees this page; sharing any of it is their choice, on Sharing.
    expect(screen.getByRole('link', { name: 'Sharing' }).getAttribute('href')).toBe('/sharing');
  });

  it('when one part fails, says so kindly with Try again, and shows the others', async () => {
    let fail = true;
    const api = fakeApi(
      routes({
        'GET /api/v1/practice-stats': () => (fail ? problem(503, 'unavailable') : jsonResponse(200, statsReport())),
      }),
    );
    renderAt('/progress', api.client);
    const practice = await waitFor(() => {
      const found = section('Practice');
      expect(found.querySelector('[role="alert"]')).toBeTruthy();
      return found;
    });
    await waitFor(() => expect(section('The course').textContent).toContain('3 of 24 lessons completed.'));
    expect(screen.getByRole('img', { name: /Your results on the attachment plane/ })).toBeTruthy();
    expect(screen.getByText(/Not included until it has loaded: practice\./)).toBeTruthy();
    fail = false;
    fireEvent.click(within(practice).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(section('Practice').textContent).toContain('Over these weeks you practised 6 times'));
  });

  it('prints, and downloads the loaded numbers as CSV and JSON', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:progress';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    renderAt('/progress', fakeApi(routes()).client);
    await waitFor(() => expect(screen.queryByText(/Not included until it has loaded/)).toBeNull());
    await screen.findByText(/3 of 24 lessons completed/);

    fireEvent.click(screen.getByRole('button', { name: 'Print a summary' }));
    expect(print).toHaveBeenCalledOnce();

    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^securebase-progress-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(names[1]).toMatch(/^securebase-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const csv = await blobs[0]!.text();
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    expect(csv.startsWith('section,date,item,measure,value\r\n')).toBe(true);
    expect(csv).toContain('course,,Heal Insecure Attachment,lessons completed,3\r\n');
    const json = JSON.parse(await blobs[1]!.text()) as { not_loaded: string[]; course: { lessons_completed: number } };
    expect(json.not_loaded).toEqual([]);
    expect(json.course.lessons_completed).toBe(3);
  });
});
