import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../api/client';
import type { SessionNote } from '../../api/console-notes';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, noContent, problem, type Handler } from '../../test/fake-api';
import { SessionProvider } from '../account/session';
import { practitioner } from './render-console';
import { checkNote, noteLength, SessionNotes, type NoteSession } from './session-notes';

const client = 'u_client';
const sessions: NoteSession[] = [
  { id: 'bk_1', start: '2026-03-02T10:00:00Z', status: 'attended' },
  { id: 'bk_2', start: '2026-03-30T08:00:00Z', status: 'confirmed' },
  { id: 'bk_3', start: '2026-03-16T10:00:00Z', status: 'cancelled' },
];

function note(overrides: Partial<SessionNote> = {}): SessionNote {
  return {
    id: 'nt_1',
    client_id: client,
    booking_id: null,
    booking_start: null,
    written_at: '2026-03-02T11:05:00Z',
    updated_at: '2026-03-02T11:05:00Z',
    text: 'First session.\nSpoke about evenings alone.',
    ...overrides,
  };
}

const tied = note({
  id: 'nt_2',
  booking_id: 'bk_1',
  booking_start: '2026-03-02T10:00:00Z',
  written_at: '2026-03-03T09:00:00Z',
  updated_at: '2026-03-04T18:30:00Z',
  text: 'Calmer after the weekend.',
});
const untied = note();

function show(routes: Record<string, Handler>, bookings?: NoteSession[]) {
  const api = fakeApi({ 'GET /api/v1/me': practitioner, ...routes });
  const view = renderNotes(api.client, bookings);
  return { api, view };
}

function renderNotes(apiClient: ApiClient, bookings?: NoteSession[]) {
  return render(
    <SessionProvider client={apiClient}>
      <main>
        <h1>Sam</h1>
        <SessionNotes clientId={client} bookings={bookings} />
      </main>
    </SessionProvider>,
  );
}

const listed = (notes: SessionNote[], unreadable: unknown[] = []): Handler => () => jsonResponse(200, { notes, unreadable });

describe('SessionNotes', () => {
  it('lists her notes as the server orders them, with when each was written and its session, in her zone', async () => {
    show({
      [`GET /api/v1/console/clients/${client}/notes`]: listed([tied, untied], [
        { id: 'nt_9', booking_id: null, written_at: '2026-01-10T12:00:00Z', updated_at: '2026-01-10T12:00:00Z' },
      ]),
    });
    expect(await screen.findByText('Only you can see these notes.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Session notes' })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Your notes, newest first' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards.map((c) => within(c).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Written 3 March 2026, 09:00',
      'Written 2 March 2026, 11:05',
    ]);
    // London: GMT in early March.
    expect(within(cards[0]!).getByText(/^About the session on 2 March 2026, 10:00\. Changed 4 March 2026, 18:30\.$/)).toBeTruthy();
    expect(within(cards[1]!).getByText('Not about a particular session.')).toBeTruthy();
    // Her line breaks are kept.
    expect(within(cards[1]!).getByText(/First session\./).textContent).toBe('First session.\nSpoke about evenings alone.');
    expect(screen.getByRole('heading', { level: 3, name: 'A note that can’t be opened' })).toBeTruthy();
    expect(screen.getByText('Written 10 January 2026, 12:00')).toBeTruthy();
    // Without the client's sessions, a note can't be tied: no choice is offered.
    expect(screen.queryByLabelText('About a session (optional)')).toBeNull();
  });

  it('writes a note about a chosen session, puts it first, empties the box and says it is saved', async () => {
    const written = note({
      id: 'nt_3',
      booking_id: 'bk_2',
      booking_start: '2026-03-30T08:00:00Z',
      written_at: '2026-03-30T09:00:00Z',
      updated_at: '2026-03-30T09:00:00Z',
      text: 'Before next week.',
    });
    const { api } = show(
      {
        [`GET /api/v1/console/clients/${client}/notes`]: listed([untied]),
        [`POST /api/v1/console/clients/${client}/notes`]: () => jsonResponse(201, written),
      },
      sessions,
    );
    const box = (await screen.findByLabelText('New note')) as HTMLTextAreaElement;
    const choice = screen.getByLabelText('About a session (optional)') as HTMLSelectElement;
    // Newest first, each with its state when it is not simply booked.
    expect([...choice.options].map((o) => o.textContent)).toEqual([
      'No particular session',
      '30 March 2026, 09:00',
      '16 March 2026, 10:00 (cancelled)',
      '2 March 2026, 10:00 (attended)',
    ]);
    fireEvent.input(box, { target: { value: '  Before next week.  ' } });
    fireEvent.change(choice, { target: { value: 'bk_2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));

    const news = await screen.findByText('Your note is saved.');
    await waitFor(() => expect(document.activeElement).toBe(news));
    expect(news.getAttribute('role')).toBe('status');
    expect(api.sent(`POST /api/v1/console/clients/${client}/notes`)).toEqual([{ text: '  Before next week.  ', booking_id: 'bk_2' }]);
    expect(box.value).toBe('');
    expect(choice.value).toBe('');
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Written 30 March 2026, 10:00', 'Written 2 March 2026, 11:05']);
    expect(screen.getByText('About the session on 30 March 2026, 09:00.')).toBeTruthy();
  });

  it('asks for words before sending, and puts the server’s refusals beside the field they are about', async () => {
    let answer: Handler = () =>
      problem(400, 'invalid-argument', {
        detail: 'booking_id is not one of this client’s sessions.',
        errors: [{ field: 'booking_id', message: 'is not one of this client’s sessions' }],
      });
    const { api } = show(
      {
        [`GET /api/v1/console/clients/${client}/notes`]: listed([]),
        [`POST /api/v1/console/clients/${client}/notes`]: (r) => answer(r),
      },
      sessions,
    );
    expect(await screen.findByText('No notes about this client yet.')).toBeTruthy();
    const box = screen.getByLabelText('New note') as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: ' \n ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const error = await screen.findByText('Your note is empty: please write something before saving.', { selector: '.form-error' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toContain(error.id);
    expect(api.sent(`POST /api/v1/console/clients/${client}/notes`)).toEqual([]);

    fireEvent.input(box, { target: { value: 'Some words.' } });
    fireEvent.change(screen.getByLabelText('About a session (optional)'), { target: { value: 'bk_1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(
      await screen.findByText('The session chosen is not one of this client’s sessions.', { selector: '.form-error' }),
    ).toBeTruthy();
    expect(box.value).toBe('Some words.');

    answer = () => problem(503, 'unavailable', { detail: 'The database is busy.' });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByRole('heading', { name: 'Your note was not saved' })).toBeTruthy();
    expect(box.value).toBe('Some words.');
    expect(api.sent(`POST /api/v1/console/clients/${client}/notes`)).toHaveLength(2);
  });

  it('changes a note in place, and gives focus back to Edit when she changes her mind', async () => {
    const { api } = show({
      [`GET /api/v1/console/clients/${client}/notes`]: listed([untied]),
      'PUT /api/v1/console/notes/nt_1': () =>
        jsonResponse(200, { ...untied, text: 'First session, read again.', updated_at: '2026-03-05T08:00:00Z' }),
    });
    const edit = await screen.findByRole('button', { name: 'Edit the note written 2 March 2026, 11:05' });
    fireEvent.click(edit);
    const box = screen.getByLabelText('Your note') as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(box.value).toBe(untied.text);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit the note written 2 March 2026, 11:05' })),
    );
    expect(api.requests.some((r) => r.init.method === 'PUT')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Edit the note written 2 March 2026, 11:05' }));
    fireEvent.input(screen.getByLabelText('Your note'), { target: { value: 'First session, read again.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const news = await screen.findByText('Your changes are saved.');
    await waitFor(() => expect(document.activeElement).toBe(news));
    expect(api.sent('PUT /api/v1/console/notes/nt_1')).toEqual([{ text: 'First session, read again.' }]);
    expect(screen.getByText('First session, read again.')).toBeTruthy();
    expect(screen.getByText(/Changed 5 March 2026, 08:00\./)).toBeTruthy();
    expect(screen.queryByLabelText('Your note')).toBeNull();
  });

  it('deletes a note only after asking', async () => {
    const { api } = show({
      [`GET /api/v1/console/clients/${client}/notes`]: listed([tied, untied]),
      'DELETE /api/v1/console/notes/nt_2': noContent,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete (the note written 3 March 2026, 09:00)' }));
    const question = screen.getByRole('heading', { name: 'Delete this note?' });
    await waitFor(() => expect(document.activeElement).toBe(question));
    expect(api.requests.some((r) => r.init.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    const news = await screen.findByText('The note is deleted.');
    await waitFor(() => expect(document.activeElement).toBe(news));
    expect(api.requests.filter((r) => r.init.method === 'DELETE').map((r) => r.url)).toEqual(['/api/v1/console/notes/nt_2']);
    expect(screen.queryByText('Calmer after the weekend.')).toBeNull();
    expect(screen.getByText(/First session\./)).toBeTruthy();
  });

  it('says when the notes could not be loaded, and tries again', async () => {
    let fail = true;
    show({
      [`GET /api/v1/console/clients/${client}/notes`]: () => (fail ? problem(503, 'unavailable') : listed([untied])({} as never)),
    });
    expect(await screen.findByText(/We couldn’t load your notes\./)).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Written 2 March 2026, 11:05')).toBeTruthy();
  });

  it('counts characters as the server does', () => {
    expect(noteLength('  é😀 ')).toBe(2);
    expect(checkNote('x'.repeat(20_000))).toEqual([]);
    expect(checkNote('😀'.repeat(20_001))).toEqual([
      { field: 'text', message: 'is too long: at most 20,000 characters, please' },
    ]);
  });
});
