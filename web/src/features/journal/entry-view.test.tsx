import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { preloadJournalPages } from '../../app';
import { fakeApi, noContent, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { loadDraft, saveDraft } from './draft-store';
import { formFromEntry } from './form-model';
import { entryId, listAnswer, partsEntry, triggerEntry } from './journal-fixtures';

beforeAll(() => preloadJournalPages());
beforeEach(() => {
  localStorage.clear();
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
    timeZone: 'Europe/London',
  } as Intl.ResolvedDateTimeFormatOptions);
});

const me: Handler = () => jsonResponse(200, person());
const entryPath = `/api/v1/journal/entries/${entryId}`;

/** The label → value pairs of a definition list. */
function pairs(list: HTMLElement): [string, string][] {
  return [...list.querySelectorAll('.journal-item')].map((item) => [
    item.querySelector('dt')!.textContent!,
    item.querySelector('dd')!.textContent!,
  ]);
}

describe('/journal/:id', () => {
  it('shows every filled field of a trigger log under its label, in words', async () => {
    const api = fakeApi({ 'GET /api/v1/me': me, [`GET ${entryPath}`]: () => jsonResponse(200, triggerEntry()) });
    renderAt(`/journal/${entryId}`, api.client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Trigger log' })).toBeTruthy();
    expect(screen.getByText('Saturday, 28 November 2026 at 21:40')).toBeTruthy();
    const section = (title: string) => screen.getByRole('heading', { level: 2, name: title }).closest('section')!;
    expect(section('What happened').textContent).toBe('What happenedSam hadn’t replied for three hours.');
    expect(pairs(section('In my body'))).toEqual([
      ['What I noticed in my body', 'Tight chestRacing heart'],
      ['More about my body', 'Hot and jittery.'],
      ['My nervous system', 'Stirred up: Racing, on alert, hard to sit still.'],
    ]);
    expect(pairs(section('Feelings'))).toEqual([
      ['What I felt', 'afraid: 8 out of 10ashamed: 4 out of 10'],
      ['How intense it was at its strongest', '8 out of 10'],
    ]);
    expect(pairs(section('The urge'))).toEqual([['What I felt like doing', 'Check my phone or their profileAsk for reassurance']]);
    expect(pairs(section('Afterwards'))).toEqual([
      ['How intense it was afterwards', '4 out of 10'],
      ['Signs it touched', 'Fear of being leftNeeding reassurance'],
    ]);
    // Empty notes are left out.
    expect(screen.queryByText('More about the urge')).toBeNull();
    expect(pairs(document.querySelector('.journal-meta') as HTMLElement)[0]).toEqual(['Tags', 'evenings, texting']);
    expect(screen.getByRole('link', { name: 'Edit this entry' }).getAttribute('href')).toBe(`/journal/${entryId}/edit`);
  });

  it('asks before deleting, says it cannot be undone, and deletes for real only when told', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      [`GET ${entryPath}`]: () => jsonResponse(200, triggerEntry()),
      [`DELETE ${entryPath}`]: noContent,
      'GET /api/v1/journal/entries': () => jsonResponse(200, listAnswer()),
    });
    saveDraft('u1', { entryId, isNew: false, form: formFromEntry(triggerEntry()) });
    renderAt(`/journal/${entryId}`, api.client);
    const button = await screen.findByRole('button', { name: 'Delete this entry' });
    fireEvent.click(button);

    const question = await screen.findByRole('heading', { level: 2, name: 'Delete this entry for good?' });
    await waitFor(() => expect(document.activeElement).toBe(question));
    const box = question.closest('section')!;
    expect(box.textContent).toContain('This cannot be undone');
    expect(api.requests.some((r) => r.init.method === 'DELETE')).toBe(false);

    // Keeping it: nothing sent, focus back where it was.
    fireEvent.click(within(box).getByRole('button', { name: 'No, keep it' }));
    const again = screen.getByRole('button', { name: 'Delete this entry' });
    await waitFor(() => expect(document.activeElement).toBe(again));
    expect(api.requests.some((r) => r.init.method === 'DELETE')).toBe(false);

    fireEvent.click(again);
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, delete it for good' }));
    expect(await screen.findByText('The entry has been deleted.')).toBeTruthy();
    expect(location.pathname).toBe('/journal');
    expect(api.requests.filter((r) => r.init.method === 'DELETE').map((r) => r.url)).toEqual([entryPath]);
    expect(api.requests.find((r) => r.init.method === 'DELETE')!.headers['X-CSRF-Token']).toBe('csrf-test');
    // Unfinished changes to a deleted entry go with it.
    expect(loadDraft('u1', entryId)).toBeUndefined();
  });

  it('says so when deleting fails, and keeps the entry', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      [`GET ${entryPath}`]: () => jsonResponse(200, triggerEntry()),
      [`DELETE ${entryPath}`]: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    renderAt(`/journal/${entryId}`, api.client);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete this entry' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, delete it for good' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The entry was not deleted.');
    expect(location.pathname).toBe(`/journal/${entryId}`);
  });

  it('an entry that cannot be opened is said to be so, and can still be deleted', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      [`GET ${entryPath}`]: () => problem(500, 'journal-entry-unreadable'),
    });
    renderAt(`/journal/${entryId}`, api.client);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This entry could not be opened. Your other entries are safe.');
    expect(within(alert).getByRole('button', { name: 'Delete this entry' })).toBeTruthy();
  });

  it('a missing entry: says so kindly', async () => {
    const api = fakeApi({ 'GET /api/v1/me': me });
    renderAt(`/journal/${entryId}`, api.client);
    expect((await screen.findByRole('alert')).textContent).toContain('We couldn’t find this entry.');
  });

  it('offers unfinished changes kept on this device', async () => {
    const api = fakeApi({ 'GET /api/v1/me': me, [`GET ${entryPath}`]: () => jsonResponse(200, triggerEntry()) });
    const form = formFromEntry(triggerEntry());
    form.trigger!.action = 'Went for a walk.';
    saveDraft('u1', { entryId, isNew: false, form });
    renderAt(`/journal/${entryId}`, api.client);
    expect(await screen.findByText(/You have unfinished changes to this entry from/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Carry on' }).getAttribute('href')).toBe(`/journal/${entryId}/edit?draft=${entryId}`);
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(loadDraft('u1', entryId)).toBeUndefined();
    expect(screen.queryByText(/unfinished changes/)).toBeNull();
  });

  it('a parts note reads as its questions', async () => {
    const id = partsEntry().id;
    const api = fakeApi({ 'GET /api/v1/me': me, [`GET /api/v1/journal/entries/${id}`]: () => jsonResponse(200, partsEntry()) });
    renderAt(`/journal/${id}`, api.client);
    expect(await screen.findByRole('heading', { level: 1, name: 'Parts note' })).toBeTruthy();
    expect(pairs(document.querySelector('.journal-items') as HTMLElement)).toEqual([
      ['The part', 'The watcher'],
      ['What it is afraid of', 'Being left.'],
      ['What it needs', 'Rest.'],
    ]);
  });
});
