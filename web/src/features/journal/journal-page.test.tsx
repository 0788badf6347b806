import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { preloadJournalPages } from '../../app';
import { fakeApi, noContent, person, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { draftKey, listDrafts, saveDraft } from './draft-store';
import { emptyForm } from './form-model';
import { unreadableWords } from './entry-problem';
import { listAnswer, partsEntry, triggerEntry, unreadable } from './journal-fixtures';

beforeAll(() => preloadJournalPages());
beforeEach(() => localStorage.clear());

const me: Handler = () => jsonResponse(200, person());
const listPath = '/api/v1/journal/entries';

function listRequests(api: ReturnType<typeof fakeApi>) {
  return api.requests
    .filter((r) => r.url.split('?')[0] === listPath)
    .map((r) => Object.fromEntries(new URL(r.url, 'http://x').searchParams));
}

describe('/journal', () => {
  it('lists entries newest first, with how many, and each leads to its entry', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      [`GET ${listPath}`]: () => jsonResponse(200, listAnswer({ entries: [triggerEntry(), partsEntry()], total: 2 })),
    });
    renderAt('/journal', api.client);
    expect(await screen.findByText('2 entries in your journal.')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Journal']);
    expect(screen.getByText(/Only you can read it/)).toBeTruthy();
    const links = screen.getAllByRole('link').filter((a) => a.getAttribute('href')?.startsWith('/journal/') && a.closest('.journal-list'));
    expect(links.map((a) => [a.textContent?.split(',')[0], a.getAttribute('href')])).toEqual([
      ['Trigger log', `/journal/${triggerEntry().id}`],
      ['Parts note', `/journal/${partsEntry().id}`],
    ]);
    expect(screen.getByText('Sam hadn’t replied for three hours.')).toBeTruthy();
    expect(screen.getByText('evenings')).toBeTruthy();
    // Ways to begin, and the pause and patterns pages.
    expect(screen.getByRole('link', { name: 'Log a hard moment' }).getAttribute('href')).toBe('/journal/new?kind=trigger');
    expect(screen.getByRole('link', { name: 'Write a reflection' }).getAttribute('href')).toBe('/journal/new?kind=reflection');
    expect(screen.getByRole('link', { name: 'Write about a part of you' }).getAttribute('href')).toBe('/journal/new?kind=parts');
    expect(screen.getByRole('link', { name: 'Pause before reacting' }).getAttribute('href')).toBe('/journal/pause');
    expect(screen.getByRole('link', { name: 'Patterns in your trigger logs' }).getAttribute('href')).toBe('/journal/insights');
    expect(listRequests(api)).toEqual([{ limit: '20' }]);
  });

  it('puts the search and filters in the address and the request, and follows the back button', async () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'America/New_York',
    } as Intl.ResolvedDateTimeFormatOptions);
    const api = fakeApi({
      'GET /api/v1/me': me,
      [`GET ${listPath}`]: (request) =>
        request.url.includes('q=')
          ? jsonResponse(200, listAnswer({ entries: [triggerEntry()], total: 1 }))
          : jsonResponse(200, listAnswer({ entries: [triggerEntry(), partsEntry()], total: 2 })),
    });
    renderAt('/journal', api.client);
    await screen.findByText('2 entries in your journal.');

    fireEvent.input(screen.getByLabelText('Search your journal'), { target: { value: 'phone call' } });
    fireEvent.change(screen.getByLabelText('Kind of entry'), { target: { value: 'trigger' } });
    fireEvent.change(screen.getByLabelText('Sign'), { target: { value: 'rumination' } });
    fireEvent.change(screen.getByLabelText('Nervous system'), { target: { value: 'shut_down' } });
    fireEvent.input(screen.getByLabelText('Tag'), { target: { value: 'Evenings' } });
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByText('1 entry found.')).toBeTruthy();
    expect(location.pathname).toBe('/journal');
    expect(Object.fromEntries(new URLSearchParams(location.search))).toEqual({
      q: 'phone call',
      kind: 'trigger',
      sign: 'rumination',
      state: 'shut_down',
      tag: 'Evenings',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(listRequests(api).at(-1)).toEqual({
      q: 'phone call',
      kind: 'trigger',
      sign: 'rumination',
      state: 'shut_down',
      tag: 'Evenings',
      from: '2026-11-01',
      to: '2026-11-30',
      tz: 'America/New_York',
      limit: '20',
    });
    expect(screen.getByRole('link', { name: 'Show every entry' }).getAttribute('href')).toBe('/journal');

    // Back: the whole journal again, and the search box follows.
    act(() => {
      history.back();
    });
    await waitFor(() => expect(location.search).toBe(''));
    expect(await screen.findByText('2 entries in your journal.')).toBeTruthy();
    expect((screen.getByLabelText('Search your journal') as HTMLInputElement).value).toBe('');
    expect(listRequests(api).at(-1)).toEqual({ limit: '20' });
  });

  it('reads a bookmarked search from the address, leaving out what it does not know', async () => {
    const api = fakeApi({ 'GET /api/v1/me': me, [`GET ${listPath}`]: () => jsonResponse(200, listAnswer()) });
    renderAt('/journal?sign=rumination&kind=dream&from=2026-01-01&state=calm', api.client);
    expect(await screen.findByText('No entries match this search.')).toBeTruthy();
    const sent = listRequests(api)[0]!;
    expect(sent.sign).toBe('rumination');
    expect(sent.from).toBe('2026-01-01');
    expect(sent.tz).toBeTruthy();
    expect(sent.kind).toBeUndefined();
    expect(sent.state).toBeUndefined();
    // The filters are open, showing what is in use.
    expect((screen.getByText('Filters').closest('details') as HTMLDetailsElement).open).toBe(true);
    expect((screen.getByLabelText('Sign') as HTMLSelectElement).value).toBe('rumination');
  });

  it('shows entries that could not be opened, in their place, said plainly', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      [`GET ${listPath}`]: () =>
        jsonResponse(200, listAnswer({ entries: [triggerEntry(), partsEntry()], unreadable: [unreadable()], total: 3 })),
    });
    renderAt('/journal', api.client);
    const broken = await screen.findByTestId('journal-unreadable');
    expect(broken.textContent).toContain('Reflection');
    expect(broken.textContent).toContain(unreadableWords);
    expect(unreadableWords).toBe('This entry could not be opened. Your other entries are safe.');
    // Between the trigger log (28 Nov) and the parts note (20 Nov): it occurred on 25 Nov.
    const order = [...document.querySelectorAll('.journal-list-item')].map((li) => li.querySelector('a')!.getAttribute('href'));
    expect(order).toEqual([`/journal/${triggerEntry().id}`, `/journal/${unreadable().id}`, `/journal/${partsEntry().id}`]);
  });

  it('fetches earlier entries a page at a time', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      [`GET ${listPath}`]: (request) =>
        request.url.includes('before=')
          ? jsonResponse(200, listAnswer({ entries: [partsEntry()], total: 2 }))
          : jsonResponse(200, listAnswer({ entries: [triggerEntry()], next_before: '2026-11-28T21:40:00Z', total: 2 })),
    });
    renderAt('/journal?kind=parts', api.client);
    fireEvent.click(await screen.findByRole('button', { name: 'Show earlier entries' }));
    expect(await screen.findByText('The watcher')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show earlier entries' })).toBeNull();
    expect(listRequests(api).at(-1)).toEqual({ kind: 'parts', before: '2026-11-28T21:40:00Z', limit: '20' });
  });

  it('says kindly when there is nothing yet', async () => {
    const api = fakeApi({ 'GET /api/v1/me': me, [`GET ${listPath}`]: () => jsonResponse(200, listAnswer()) });
    renderAt('/journal', api.client);
    expect(await screen.findByText('Your journal is empty for now.')).toBeTruthy();
    expect(screen.getByText(/A few words are enough. Only you can read what you write./)).toBeTruthy();
  });

  it('offers downloads of the whole journal in the learner’s time zone', async () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'Europe/London',
    } as Intl.ResolvedDateTimeFormatOptions);
    const api = fakeApi({ 'GET /api/v1/me': me, [`GET ${listPath}`]: () => jsonResponse(200, listAnswer()) });
    renderAt('/journal', api.client);
    const markdown = await screen.findByRole('link', { name: 'Download as a document (Markdown)' });
    expect(markdown.getAttribute('href')).toBe('/api/v1/journal/export?format=markdown&tz=Europe%2FLondon');
    const json = screen.getByRole('link', { name: 'Download as data (JSON)' });
    expect(json.getAttribute('href')).toBe('/api/v1/journal/export?format=json&tz=Europe%2FLondon');
    // A download, not a page of the app: the router leaves links with `download` alone.
    expect(markdown.getAttribute('download')).toBeTruthy();
    expect(json.getAttribute('download')).toBeTruthy();
  });

  it('lists the learner’s unfinished entries first, to carry on or discard (asked first)', async () => {
    const reflection = emptyForm('reflection');
    reflection.reflection!.text = 'About the weekend';
    saveDraft('u1', { entryId: '11111111-1111-4111-8111-111111111111', isNew: true, form: reflection }, Date.now() - 1000);
    const changes = emptyForm('parts');
    changes.parts!.name = 'The watcher, renamed';
    saveDraft('u1', { entryId: partsEntry().id, isNew: false, form: changes });
    saveDraft('u1', { entryId: '33333333-3333-4333-8333-333333333333', isNew: true, form: emptyForm('trigger') });
    saveDraft('u2', { entryId: '44444444-4444-4444-8444-444444444444', isNew: true, form: reflection });
    const api = fakeApi({ 'GET /api/v1/me': me, [`GET ${listPath}`]: () => jsonResponse(200, listAnswer()) });
    renderAt('/journal', api.client);

    const drafts = await screen.findAllByTestId('journal-draft');
    // Newest first; an empty form is no draft; another learner's are not shown.
    expect(drafts.map((d) => d.querySelector('h3')!.textContent!.split(',')[0])).toEqual([
      'Changes to a parts note',
      'Reflection',
    ]);
    expect(within(drafts[0]!).getByRole('link', { name: /Carry on/ }).getAttribute('href')).toBe(
      `/journal/${partsEntry().id}/edit?draft=${partsEntry().id}`,
    );
    expect(within(drafts[1]!).getByRole('link', { name: /Carry on/ }).getAttribute('href')).toBe(
      '/journal/new?kind=reflection&draft=11111111-1111-4111-8111-111111111111',
    );
    expect(drafts[1]!.textContent).toContain('About the weekend');

    fireEvent.click(within(drafts[1]!).getByRole('button', { name: /Discard/ }));
    expect(drafts[1]!.textContent).toContain('Its words will be gone from this device.');
    fireEvent.click(within(drafts[1]!).getByRole('button', { name: 'No, keep it' }));
    expect(listDrafts('u1')).toHaveLength(3);
    fireEvent.click(within(drafts[1]!).getByRole('button', { name: /Discard/ }));
    fireEvent.click(within(drafts[1]!).getByRole('button', { name: 'Yes, discard it' }));
    expect(localStorage.getItem(draftKey('u1', '11111111-1111-4111-8111-111111111111'))).toBeNull();
    expect(screen.getAllByTestId('journal-draft')).toHaveLength(1);
  });

  it('logging out forgets every journal draft on this device', async () => {
    saveDraft('u1', { entryId: partsEntry().id, isNew: true, form: emptyForm('parts') });
    const api = fakeApi({
      'GET /api/v1/me': me,
      [`GET ${listPath}`]: () => jsonResponse(200, listAnswer()),
      'POST /api/v1/auth/logout': noContent,
    });
    renderAt('/journal', api.client);
    fireEvent.click(await within(screen.getByRole('banner')).findByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(location.pathname).toBe('/'));
    expect(listDrafts('u1')).toEqual([]);
  });

  it('signed out: says the journal is private to an account, and how to have one', async () => {
    const api = fakeApi({});
    renderAt('/journal', api.client);
    expect(await screen.findByText(/Your journal belongs to your account, and only you can read it./)).toBeTruthy();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('/login?next=%2Fjournal');
    expect(within(main).getByRole('link', { name: 'create an account' }).getAttribute('href')).toBe('/signup');
    expect(location.pathname).toBe('/journal');
    expect(api.requests.some((r) => r.url.startsWith(listPath))).toBe(false);
  });
});
