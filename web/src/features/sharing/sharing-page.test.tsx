import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import type { ShareInput } from '../../api/shares';
import { preloadSharingPage } from '../../app';
import { fakeApi, noContent, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { listAnswer, partsEntry, triggerEntry } from '../journal/journal-fixtures';
import { practitionerId, practitionerShare } from './sharing-fixtures';

beforeAll(() => preloadSharingPage());

const entriesPath = '/api/v1/journal/entries';

function routes(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    'GET /api/v1/me': () => jsonResponse(200, person()),
    'GET /api/v1/shares': () => jsonResponse(200, { practitioners: [practitionerShare()] }),
    [`GET ${entriesPath}`]: () => jsonResponse(200, listAnswer({ entries: [triggerEntry(), partsEntry()], total: 2 })),
    'GET /api/v1/shares/reads': () => jsonResponse(200, { reads: [] }),
    ...overrides,
  };
}

const section = () => screen.getByRole('heading', { level: 2, name: 'With Dr Amara Lewis' }).closest('section')!;

describe('/sharing', () => {
  it('lists each time the therapist looked, with what it showed (answers given when booking too), in the learner’s words', async () => {
    const api = fakeApi(
      routes({
        'GET /api/v1/shares/reads': () =>
          jsonResponse(200, {
            reads: [
              { id: 'a_3', at: '2026-11-30T11:00:00Z', practitioner: { id: practitionerId, name: 'Dr Amara Lewis' }, action: 'intake.read', detail: 'booking:bk_1' },
              { id: 'a_2', at: '2026-11-30T10:02:00Z', practitioner: { id: practitionerId, name: 'Dr Amara Lewis' }, action: 'shared.read', detail: 'checkins, journal_entries:1' },
              { id: 'a_1', at: '2026-11-29T09:00:00Z', practitioner: { id: 'gone', name: null }, detail: 'nothing shared' },
            ],
          }),
      }),
    );
    renderAt('/sharing', api.client);
    const looks = (await screen.findByRole('heading', { level: 2, name: 'Who has looked' })).closest('section')!;
    const items = await within(looks).findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Dr Amara Lewis looked on .*30 November 2026.* and saw: the answers you gave when booking a session\.$/),
      expect.stringMatching(/^Dr Amara Lewis looked on .*30 November 2026.* and saw: Check-in results, 1 journal entry\.$/),
      expect.stringMatching(/^A therapist whose account has since closed looked on .* and saw: Nothing shared\.$/),
    ]);
    expect(api.requests.some((r) => r.url.endsWith('/api/v1/shares/reads?limit=20'))).toBe(true);
  });

  it('says plainly when nobody has looked, and offers to try again when the record will not open', async () => {
    let fail = true;
    renderAt(
      '/sharing',
      fakeApi(
        routes({
          'GET /api/v1/shares/reads': () => (fail ? problem(503, 'unavailable') : jsonResponse(200, { reads: [] })),
        }),
      ).client,
    );
    const looks = (await screen.findByRole('heading', { level: 2, name: 'Who has looked' })).closest('section')!;
    expect((await within(looks).findByRole('alert')).textContent).toContain('couldn’t be opened just now');
    fail = false;
    fireEvent.click(within(looks).getByRole('button', { name: 'Try again' }));
    expect(await within(looks).findByText(/Nobody has looked at anything you share/)).toBeTruthy();
    // The choices above are not held up by it.
    expect(within(section()).getByRole('checkbox', { name: 'My check-in results' })).toBeTruthy();
  });

  it('signed out, explains sharing kindly and invites the reader to log in', async () => {
    renderAt('/sharing', fakeApi({}).client);
    const main = await screen.findByRole('main');
    const login = await within(main).findByRole('link', { name: 'Log in' });
    expect(login.getAttribute('href')).toBe('/login?next=%2Fsharing');
    expect(within(main).getByText(/you can stop sharing at any time/)).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual(['Sharing']);
    expect(document.title).toBe('Sharing · Secure Base');
    expect(within(main).queryByRole('checkbox')).toBeNull();
  });

  it('with nothing shared, says so; ticking check-ins and one entry saves exactly that', async () => {
    const saved = practitionerShare({ checkins: true, journal_entries: [partsEntry().id] }, '2026-11-30T10:00:00Z');
    const api = fakeApi(routes({ 'PUT /api/v1/shares': () => jsonResponse(200, saved) }));
    renderAt('/sharing', api.client);
    expect(await screen.findByText('You aren’t sharing anything with Dr Amara Lewis.')).toBeTruthy();
    const form = within(section());
    for (const name of ['My check-in results', 'My practice summary', 'My course progress', 'Journal entries I choose']) {
      expect((form.getByRole('checkbox', { name }) as HTMLInputElement).checked).toBe(false);
    }
    // What each would show is read with its box.
    expect(form.getByRole('checkbox', { name: 'My practice summary' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(form.getByText(/Not your answer to each question/)).toBeTruthy();
    expect(form.getByText(/Every time Dr Amara Lewis opens what you share, Secure Base records when/)).toBeTruthy();
    // The entries appear only once journal entries are chosen, by kind and date, never their words.
    expect(form.queryByRole('group', { name: 'Which entries?' })).toBeNull();
    fireEvent.click(form.getByRole('checkbox', { name: 'My check-in results' }));
    fireEvent.click(form.getByRole('checkbox', { name: 'Journal entries I choose' }));
    const entries = within(await form.findByRole('group', { name: 'Which entries?' }));
    expect(entries.getAllByRole('checkbox').map((c) => c.closest('label')?.textContent?.split(',')[0])).toEqual(['Trigger log', 'Parts note']);
    expect(screen.queryByText('Sam hadn’t replied for three hours.')).toBeNull();
    fireEvent.click(entries.getByRole('checkbox', { name: /^Parts note/ }));
    fireEvent.click(form.getByRole('button', { name: 'Save what I share' }));

    await screen.findByText('Saved. Dr Amara Lewis can now see what is listed above, and nothing else.');
    expect(api.sent('PUT /api/v1/shares')).toEqual([
      { practitioner_id: practitionerId, checkins: true, practice: false, course: false, journal_entries: [partsEntry().id] },
    ] satisfies ShareInput[]);
    const now = within(section().querySelector('.sharing-now') as HTMLElement);
    expect(now.getByText('Dr Amara Lewis can see now:')).toBeTruthy();
    expect(now.getByText('Check-in results')).toBeTruthy();
    expect(now.getByText(/^Parts note, Friday, 20 November 2026/)).toBeTruthy();
    expect(now.queryByText('Practice summary')).toBeNull();
  });

  it('saving what is already shared sends nothing and says so', async () => {
    const api = fakeApi(routes());
    renderAt('/sharing', api.client);
    fireEvent.click(await screen.findByRole('button', { name: 'Save what I share' }));
    expect(await screen.findByText('Nothing has changed: this is what you share with Dr Amara Lewis already.')).toBeTruthy();
    expect(api.sent('PUT /api/v1/shares')).toEqual([]);
  });

  it('asks for an entry when journal entries are ticked with none chosen, and sends nothing', async () => {
    const api = fakeApi(routes());
    renderAt('/sharing', api.client);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Journal entries I choose' }));
    await screen.findByRole('group', { name: 'Which entries?' });
    fireEvent.click(screen.getByRole('button', { name: 'Save what I share' }));
    const summary = await screen.findByRole('heading', { name: 'Nothing was saved yet' });
    expect(summary.parentElement).toBe(document.activeElement);
    expect(screen.getAllByText(/Tick the entries you’d like to share/)).toHaveLength(2);
    expect(api.sent('PUT /api/v1/shares')).toEqual([]);
  });

  it('shows what is shared now, and stops sharing everything only once asked and confirmed', async () => {
    const shared = practitionerShare({ checkins: true, course: true, journal_entries: [triggerEntry().id, 'gone-further-back'] }, '2026-11-02T09:14:00Z');
    const api = fakeApi(
      routes({
        'GET /api/v1/shares': () => jsonResponse(200, { practitioners: [shared] }),
        'DELETE /api/v1/shares': noContent,
      }),
    );
    renderAt('/sharing', api.client);
    const now = within((await screen.findByText('Dr Amara Lewis can see now:')).closest('.sharing-now') as HTMLElement);
    expect(now.getByText('Check-in results')).toBeTruthy();
    expect(now.getByText('Course progress')).toBeTruthy();
    expect(now.getByText(/^2 journal entries/)).toBeTruthy();
    expect(now.getByText(/^Trigger log, Saturday, 28 November 2026/)).toBeTruthy();
    expect(now.getByText('and 1 journal entry further back')).toBeTruthy();
    expect(now.getByText('As you chose it on 2 November 2026.')).toBeTruthy();
    // The form starts from what is shared.
    expect((screen.getByRole('checkbox', { name: 'My check-in results' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /^Trigger log/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Also chosen: 1 journal entry further back than the list shows.')).toBeTruthy();

    // Asked first; keeping it changes nothing and gives focus back.
    const stop = screen.getByRole('button', { name: 'Stop sharing everything (with Dr Amara Lewis)' });
    fireEvent.click(stop);
    expect(document.activeElement?.textContent).toBe('Stop sharing everything with Dr Amara Lewis?');
    fireEvent.click(screen.getByRole('button', { name: 'No, keep it as it is' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Stop sharing everything (with Dr Amara Lewis)'));
    expect(api.requests.filter((r) => r.init.method === 'DELETE')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Stop sharing everything (with Dr Amara Lewis)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, stop sharing' }));
    const news = await screen.findByText('Done. You aren’t sharing anything with Dr Amara Lewis any more.');
    await waitFor(() => expect(document.activeElement).toBe(news));
    expect(api.requests.filter((r) => r.init.method === 'DELETE').map((r) => r.url)).toEqual([`/api/v1/shares?practitioner_id=${practitionerId}`]);
    expect(screen.getByText('You aren’t sharing anything with Dr Amara Lewis.')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'My check-in results' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByRole('button', { name: /Stop sharing everything/ })).toBeNull();
  });

  it('says plainly when a save is refused or fails, and what is shared stays as it was', async () => {
    let answer: Handler = () => jsonResponse(200, practitionerShare({ journal_entries: [triggerEntry().id] }, '2026-11-30T10:00:00Z'));
    const api = fakeApi(routes({ 'PUT /api/v1/shares': (r) => answer(r) }));
    renderAt('/sharing', api.client);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Journal entries I choose' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: /^Trigger log/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save what I share' }));
    const saved = 'Saved. Dr Amara Lewis can now see what is listed above, and nothing else.';
    await screen.findByText(saved);

    answer = () => problem(400, 'invalid-argument', { errors: [{ field: 'journal_entries[1]', message: 'is not one of your entries' }] });
    fireEvent.click(screen.getByRole('checkbox', { name: /^Parts note/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save what I share' }));
    await screen.findByRole('heading', { name: 'Nothing was saved yet' });
    expect(screen.getAllByText(/it may have been deleted since this page opened/)).toHaveLength(2);
    // "Saved" from before gives way; what is shared is still the one entry.
    expect(screen.queryByText(saved)).toBeNull();
    expect(screen.getByText('1 journal entry:')).toBeTruthy();

    answer = () => problem(500, 'internal');
    fireEvent.click(screen.getByRole('button', { name: 'Save what I share' }));
    await screen.findByText('Something went wrong on our side. Please try again in a moment.');

    answer = () => problem(401, 'unauthenticated');
    fireEvent.click(screen.getByRole('button', { name: 'Save what I share' }));
    const again = await screen.findByRole('link', { name: 'Log in again' });
    expect(again.getAttribute('href')).toBe('/login?next=%2Fsharing');
    expect(screen.getByText('1 journal entry:')).toBeTruthy();
    expect(api.sent('PUT /api/v1/shares')).toHaveLength(4);
  });

  it('when what is shared cannot be loaded, says so and tries again', async () => {
    let fail = true;
    const api = fakeApi(
      routes({ 'GET /api/v1/shares': () => (fail ? problem(503, 'unavailable') : jsonResponse(200, { practitioners: [practitionerShare()] })) }),
    );
    renderAt('/sharing', api.client);
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByRole('alert').textContent).toMatch(/couldn’t load what you share/);
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByText('You aren’t sharing anything with Dr Amara Lewis.')).toBeTruthy();
  });

  it('lists earlier entries on asking, and says so when they cannot be fetched', async () => {
    let fail = true;
    const api = fakeApi(
      routes({
        [`GET ${entriesPath}`]: (r) =>
          r.url.includes('before=')
            ? fail
              ? problem(503, 'unavailable')
              : jsonResponse(200, listAnswer({ entries: [partsEntry()], total: 2 }))
            : jsonResponse(200, listAnswer({ entries: [triggerEntry()], next_before: '2026-11-28T21:40:00Z', total: 2 })),
      }),
    );
    renderAt('/sharing', api.client);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Journal entries I choose' }));
    const entries = within(await screen.findByRole('group', { name: 'Which entries?' }));
    expect(entries.getAllByRole('checkbox')).toHaveLength(1);
    fireEvent.click(entries.getByRole('button', { name: 'Show earlier entries' }));
    expect((await entries.findByRole('alert')).textContent).toContain('We couldn’t fetch earlier entries just now.');
    fail = false;
    fireEvent.click(entries.getByRole('button', { name: 'Show earlier entries' }));
    await waitFor(() => expect(entries.getAllByRole('checkbox')).toHaveLength(2));
    expect(entries.queryByRole('button', { name: 'Show earlier entries' })).toBeNull();
    expect(entries.queryByRole('alert')).toBeNull();
    expect(api.requests.filter((r) => r.url.startsWith(entriesPath)).map((r) => new URL(r.url, 'http://x').searchParams.get('before'))).toEqual([
      null,
      '2026-11-28T21:40:00Z',
      '2026-11-28T21:40:00Z',
    ]);
  });

  it('with an empty journal, says so calmly', async () => {
    renderAt('/sharing', fakeApi(routes({ [`GET ${entriesPath}`]: () => jsonResponse(200, listAnswer()) })).client);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Journal entries I choose' }));
    expect(await screen.findByText(/Your journal has no entries yet/)).toBeTruthy();
  });

  it('with no therapist on the site yet, says nothing can be seen', async () => {
    renderAt('/sharing', fakeApi(routes({ 'GET /api/v1/shares': () => jsonResponse(200, { practitioners: [] }) })).client);
    expect(await screen.findByText(/There is no therapist on this site to share with yet/)).toBeTruthy();
  });

  it('points the practitioner to her clients instead', async () => {
    const api = fakeApi({
      'GET /api/v1/me': () =>
        jsonResponse(200, person({ role: 'practitioner', two_factor: { enrolled: true, required: true, passed: true } })),
    });
    renderAt('/sharing', api.client);
    expect((await screen.findByRole('link', { name: 'Go to your clients' })).getAttribute('href')).toBe('/console/clients');
    expect(api.requests.some((r) => r.url.startsWith('/api/v1/shares'))).toBe(false);
  });
});
