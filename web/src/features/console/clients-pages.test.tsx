// The console's Clients list and a client's page against a fake server: what each shares as
// labels, the next session in her zone; on the client's page, each kind shown or "Not shared",
// entries read-only, sessions, and a word that opening it is recorded.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, problem, type Handler } from '../../test/fake-api';
import { attachment, eightSigns } from '../checkin/test-fixtures';
import { clientDetail, clientSummary } from './client-fixtures';
import { practitioner, renderConsole } from './render-console';
import { preloadConsolePages } from './routes';

beforeAll(() => preloadConsolePages());

const schedule: Handler = () => jsonResponse(200, { time_zone: 'Europe/London', weekly: [], overrides: [] });

function server(routes: Record<string, Handler>) {
  return fakeApi({
    'GET /api/v1/me': practitioner,
    'GET /api/v1/console/schedule': schedule,
    'GET /api/v1/questionnaires/attachment': () => jsonResponse(200, attachment),
    'GET /api/v1/questionnaires/eight-signs': () => jsonResponse(200, eightSigns),
    'GET /api/v1/console/clients/u7/notes': () => jsonResponse(200, { notes: [], unreadable: [] }),
    ...routes,
  });
}

describe('/console/clients', () => {
  it('lists each client with their zone, what they share as labels and their next session in her zone', async () => {
    const none = clientSummary({
      id: 'u8',
      name: 'Robin',
      time_zone: 'Europe/Berlin',
      shares: { checkins: false, practice: false, course: false, journal_entries: 0 },
      sessions: { upcoming: 0, past: 0, next_start: null },
    });
    const api = server({ 'GET /api/v1/console/clients': () => jsonResponse(200, { clients: [clientSummary(), none] }) });
    renderConsole('/console/clients', api.client);
    const sam = (await screen.findByRole('link', { name: 'Sam' })).closest('li')!;
    expect(screen.getByRole('link', { name: 'Sam' }).getAttribute('href')).toBe('/console/clients/u7');
    expect(within(sam).getByText('Time zone: America/New York')).toBeTruthy();
    expect([...sam.querySelectorAll('.console-share-label')].map((l) => l.textContent)).toEqual([
      'Check-in results',
      'Course progress',
      '2 journal entries',
    ]);
    expect(sam.textContent).toContain('Next session: Thursday 3 December, 14:00. 1 coming up, 3 past.');
    const robin = screen.getByRole('link', { name: 'Robin' }).closest('li')!;
    expect(robin.textContent).toContain('Shares: nothing');
    expect(robin.textContent).toContain('No sessions booked.');
    expect(screen.getByText(/Opening a client’s page is recorded in the audit log/)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Console' });
    expect(within(nav).getByRole('link', { name: 'Clients' }).getAttribute('aria-current')).toBe('page');
  });

  it('with no clients yet, says how people come to be here', async () => {
    renderConsole('/console/clients', server({ 'GET /api/v1/console/clients': () => jsonResponse(200, { clients: [] }) }).client);
    expect(await screen.findByText(/No clients yet\. People appear here once they book a session with you/)).toBeTruthy();
  });

  it('when the list cannot be loaded, says so and tries again', async () => {
    let fail = true;
    const api = server({
      'GET /api/v1/console/clients': () => (fail ? problem(500, 'internal') : jsonResponse(200, { clients: [clientSummary()] })),
    });
    renderConsole('/console/clients', api.client);
    expect((await screen.findByRole('alert')).textContent).toContain('We couldn’t load your clients.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Sam' })).toBeTruthy();
  });
});

describe('/console/clients/:id', () => {
  it('shows who they are, everything they share read-only, their sessions, and that opening it is recorded', async () => {
    const api = server({ 'GET /api/v1/console/clients/u7': () => jsonResponse(200, clientDetail()) });
    renderConsole('/console/clients/u7', api.client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sam' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Sam · Clients · Secure Base'));
    expect(screen.getByText(/Opening this page is recorded in the audit log, with what it showed/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'sam@example.org' }).getAttribute('href')).toBe('mailto:sam@example.org');
    expect(screen.getByText('Yes, as they last chose it on 2 November 2026')).toBeTruthy();

    const kind = (name: string) => screen.getByRole('heading', { level: 3, name }).closest('section')!;
    const checkins = kind('Check-in results');
    await waitFor(() => expect(within(checkins).getByRole('img', { name: /Sam’s results on the attachment plane/ })).toBeTruthy());
    expect(checkins.textContent).toContain('Latest, on 20 March 2026: worry about closeness 4.5, keeping distance 2.0, in the area called Anxious');
    expect(within(checkins).getByRole('table', { name: 'Sam’s results on closeness and distance, newest first' })).toBeTruthy();
    // The learner's own result pages are not hers to open.
    expect(within(checkins).queryByRole('link')).toBeNull();
    expect(within(checkins).getByRole('heading', { level: 4, name: 'The eight signs' })).toBeTruthy();

    const practice = kind('Practice summary');
    expect(practice.textContent).toContain('6 times, 23 minutes in all');
    expect(practice.textContent).toContain('distress was on average 5.7 out of 10 before and 4 after');
    expect(within(practice).getByRole('row', { name: /Box breathing/ }).textContent).toContain('−1.5 on average (3 rated)');

    expect(kind('Course progress').textContent).toMatch(/of \d+ lessons? completed/);
    const entries = kind('Chosen journal entries');
    expect(within(entries).getAllByRole('heading', { level: 4 }).map((h) => h.textContent?.split(',')[0])).toEqual(['Trigger log', 'Parts note']);
    expect(entries.textContent).toContain('Sam hadn’t replied for three hours.');
    // Read-only: nothing to edit or delete.
    expect(within(entries).queryByRole('button')).toBeNull();
    expect(within(entries).queryByRole('link')).toBeNull();

    const sessions = screen.getByRole('heading', { level: 2, name: 'Sessions' }).closest('section')!;
    expect(within(sessions).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Thursday 3 December, 14:00–14:50 · Therapy session',
      'Monday 30 March, 09:00–09:50 · Therapy session',
    ]);

    // Her own notes, apart from what Sam shares, said to be hers alone.
    const notes = screen.getByRole('heading', { level: 2, name: 'Session notes' }).closest('section')!;
    expect(notes.textContent).toContain('Only you can see these notes.');
    expect(await within(notes).findByLabelText(/new note/i)).toBeTruthy();
  });

  it('says “Not shared” for every kind they keep to themselves', async () => {
    const detail = clientDetail({
      shared: { checkins: null, practice: null, course: null, journal_entries: [] },
      shared_since: null,
      sessions: [],
    });
    renderConsole('/console/clients/u7', server({ 'GET /api/v1/console/clients/u7': () => jsonResponse(200, detail) }).client);
    await screen.findByRole('heading', { level: 1, name: 'Sam' });
    expect(screen.getAllByText('Not shared.')).toHaveLength(4);
    expect(screen.getByText('Nothing at the moment')).toBeTruthy();
    expect(screen.getByText('No sessions booked with you.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('says kindly when the person is not one of her clients, and when the page cannot be opened', async () => {
    renderConsole('/console/clients/u9', server({ 'GET /api/v1/console/clients/u9': () => problem(404, 'not-found') }).client);
    expect(await screen.findByText(/This person isn’t one of your clients/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All your clients' }).getAttribute('href')).toBe('/console/clients');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Client');

    // 503: the read could not be recorded, so nothing was shown.
    renderConsole('/console/clients/u7', server({ 'GET /api/v1/console/clients/u7': () => problem(503, 'unavailable') }).client);
    await waitFor(() => expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('We couldn’t load this client’s page.'))).toBe(true));
  });
});
