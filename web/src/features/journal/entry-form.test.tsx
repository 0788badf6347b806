import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import type { EntryInput } from '../../api/journal';
import { preloadJournalPages } from '../../app';
import { fakeApi, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { draftKey, listDrafts, loadDraft, saveDraft } from './draft-store';
import { emptyForm, formFromEntry } from './form-model';
import { entryId, triggerEntry } from './journal-fixtures';

beforeAll(() => preloadJournalPages());
beforeEach(() => localStorage.clear());

const me: Handler = () => jsonResponse(200, person());
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function type(label: string | RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

/** Echoes a PUT as the stored entry. */
const storeEntry: Handler = (request) => {
  const id = request.url.split('/').pop()!;
  const body = JSON.parse(request.init.body as string) as EntryInput;
  return jsonResponse(201, {
    id,
    created_at: '2026-03-03T10:00:00Z',
    updated_at: '2026-03-03T10:00:00Z',
    trigger: null,
    reflection: null,
    parts: null,
    ...body,
  });
};

describe('writing a journal entry', () => {
  it('keeps the words while typing, and offers them back after the page is gone and opened again', async () => {
    const api = fakeApi({ 'GET /api/v1/me': me });
    renderAt('/journal/new?kind=reflection', api.client);
    expect(await screen.findByText(/Only you can read this/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Write a reflection');
    type('Your reflection', 'Today I noticed I waited for a text');
    // Kept within a moment, without pressing anything.
    await waitFor(() => expect(listDrafts('u1')).toHaveLength(1));
    const [draft] = listDrafts('u1');
    expect(draft!.isNew).toBe(true);
    expect(draft!.entryId).toMatch(uuid);
    expect(draft!.form.reflection!.text).toBe('Today I noticed I waited for a text');

    // A last change just before the tab closes is written at once.
    type('Your reflection', 'Today I noticed I waited for a text, and then');
    window.dispatchEvent(new Event('pagehide'));
    expect(loadDraft('u1', draft!.entryId)!.form.reflection!.text).toBe('Today I noticed I waited for a text, and then');

    cleanup();
    renderAt('/journal/new?kind=reflection', api.client);
    expect(await screen.findByText(/You have an unfinished entry from/)).toBeTruthy();
    expect(screen.getByText('“Today I noticed I waited for a text, and then”')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Carry on' }));
    const box = screen.getByLabelText('Your reflection') as HTMLTextAreaElement;
    expect(box.value).toBe('Today I noticed I waited for a text, and then');
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/Only you can read this/));
  });

  it('saves with PUT under the entry’s id, lets the draft go, and opens the entry', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      [`PUT /api/v1/journal/entries/${entryId}`]: storeEntry,
      [`GET /api/v1/journal/entries/${entryId}`]: () =>
        jsonResponse(200, { ...triggerEntry(), kind: 'parts', trigger: null, parts: { name: 'The watcher', fears: '', protects: '', needs: '' } }),
    });
    const form = emptyForm('parts');
    form.parts!.name = 'The watch';
    saveDraft('u1', { entryId, isNew: true, form });
    renderAt(`/journal/new?kind=parts&draft=${entryId}`, api.client);
    // Carried on at once: the address named the draft.
    const name = (await screen.findByLabelText('What do you call this part?')) as HTMLInputElement;
    expect(name.value).toBe('The watch');
    fireEvent.input(name, { target: { value: 'The watcher' } });
    fireEvent.input(screen.getByLabelText(/Tags/), { target: { value: 'Evenings, work' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save entry' }));

    expect(await screen.findByText('Your entry is saved.')).toBeTruthy();
    expect(location.pathname).toBe(`/journal/${entryId}`);
    const [sent] = api.sent(`PUT /api/v1/journal/entries/${entryId}`) as EntryInput[];
    expect(sent).toMatchObject({
      kind: 'parts',
      tags: ['Evenings', 'work'],
      parts: { name: 'The watcher', fears: '', protects: '', needs: '' },
    });
    expect(sent!.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    expect(api.requests.find((r) => r.init.method === 'PUT')!.headers['X-CSRF-Token']).toBe('csrf-test');
    expect(localStorage.getItem(draftKey('u1', entryId))).toBeNull();
  });

  it('a session that ran out (401) keeps the draft and says so kindly, with a way back to it', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      [`PUT /api/v1/journal/entries/${entryId}`]: () => problem(401, 'unauthenticated'),
    });
    saveDraft('u1', { entryId, isNew: true, form: emptyForm('parts') });
    renderAt(`/journal/new?kind=parts&draft=${entryId}`, api.client);
    await screen.findByLabelText('What do you call this part?');
    type('What do you call this part?', 'The one who waits');
    fireEvent.click(screen.getByRole('button', { name: 'Save entry' }));

    const summary = await screen.findByRole('heading', { level: 2, name: 'Please log in again' });
    const box = summary.closest('.form-summary') as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(box.textContent).toContain('Your words are kept on this device.');
    expect(within(box).getByRole('link', { name: 'Log in again' }).getAttribute('href')).toBe(
      `/login?next=${encodeURIComponent(`/journal/new?kind=parts&draft=${entryId}`)}`,
    );
    // The words stay on screen and on the device; the app now knows it is signed out.
    expect((screen.getByLabelText('What do you call this part?') as HTMLInputElement).value).toBe('The one who waits');
    expect(loadDraft('u1', entryId)!.form.parts!.name).toBe('The one who waits');
    expect(await within(screen.getByRole('banner')).findByRole('link', { name: 'Log in' })).toBeTruthy();
    expect(location.pathname).toBe('/journal/new');
  });

  it('shows the fields the server refused, by the field and in the summary', async () => {
    const form = formFromEntry(triggerEntry());
    form.trigger!.emotions.unshift({ key: 'blank', name: '', intensity: 5 });
    saveDraft('u1', { entryId, isNew: false, form });
    const refusal: Handler = () =>
      problem(400, 'invalid-argument', {
        errors: [
          { field: 'trigger.situation', message: 'must be at most 10000 characters' },
          { field: 'trigger.emotions[1].name', message: 'must be at most 40 characters' },
          { field: 'occurred_at', message: 'must not be in the future' },
        ],
      });
    const api = fakeApi({ 'GET /api/v1/me': me, [`PUT /api/v1/journal/entries/${entryId}`]: refusal });
    renderAt(`/journal/${entryId}/edit?draft=${entryId}`, api.client);
    fireEvent.click(await screen.findByRole('button', { name: 'Save entry' }));

    const summary = (await screen.findByRole('heading', { level: 2, name: 'Please check these answers' })).closest(
      '.form-summary',
    ) as HTMLElement;
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'What happened must be at most 10000 characters.',
      'The name of a feeling must be at most 40 characters.',
      'When it happened must not be in the future.',
    ]);
    const situation = screen.getByLabelText('What happened?');
    expect(situation.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(situation.getAttribute('aria-describedby')!.split(' ').pop()!)!.textContent).toBe(
      'Error: What happened must be at most 10000 characters.',
    );
    // Index 1 of what was sent is the second feeling on screen ("ashamed"): the blank row was not sent.
    const ashamed = screen.getByDisplayValue('ashamed');
    expect(ashamed.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(links[1]!);
    expect(document.activeElement).toBe(ashamed);
    expect(loadDraft('u1', entryId)).toBeDefined();
  });

  it('offers unfinished changes to a saved entry, or the entry as stored', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      [`GET /api/v1/journal/entries/${entryId}`]: () => jsonResponse(200, triggerEntry()),
    });
    const form = formFromEntry(triggerEntry());
    form.trigger!.situation = 'A changed account of it.';
    saveDraft('u1', { entryId, isNew: false, form });
    renderAt(`/journal/${entryId}/edit`, api.client);
    expect(await screen.findByText(/You have unfinished changes to this entry from/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(loadDraft('u1', entryId)).toBeUndefined();
    expect(((await screen.findByLabelText('What happened?')) as HTMLTextAreaElement).value).toBe(
      'Sam hadn’t replied for three hours.',
    );
    // Every part of the stored log is on the form.
    expect((screen.getByLabelText('Tight chest') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/^Stirred up/) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByDisplayValue('afraid')).toBeTruthy();
    expect((screen.getByLabelText('Fear of being left') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/Tags/) as HTMLInputElement).value).toBe('evenings, texting');
  });

  it('lets the learner add and remove feelings, up to twelve, with focus following', async () => {
    const api = fakeApi({ 'GET /api/v1/me': me });
    renderAt('/journal/new?kind=trigger', api.client);
    const add = await screen.findByRole('button', { name: 'Add a feeling' });
    fireEvent.click(add);
    const first = screen.getByLabelText('Feeling 1');
    await waitFor(() => expect(document.activeElement).toBe(first));
    fireEvent.input(first, { target: { value: 'lonely' } });
    const strength = screen.getByLabelText('How strong was lonely');
    fireEvent.input(strength, { target: { value: '7' } });
    expect(strength.getAttribute('aria-valuetext')).toBe('7 out of 10');
    // The same button, now "Add another feeling".
    expect(add.textContent).toBe('Add another feeling');
    for (let i = 0; i < 11; i += 1) fireEvent.click(add);
    expect(document.querySelectorAll('.journal-emotion')).toHaveLength(12);
    expect((add as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('That’s 12 feelings, as many as an entry can hold.')).toBeTruthy();
    fireEvent.click(screen.getByText('lonely', { selector: '.visually-hidden' }).closest('button')!);
    expect(screen.queryByDisplayValue('lonely')).toBeNull();
    expect((add as HTMLButtonElement).disabled).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(add));
  });

  it('counts characters only near the limit', async () => {
    const api = fakeApi({ 'GET /api/v1/me': me });
    renderAt('/journal/new?kind=parts', api.client);
    const name = await screen.findByLabelText('What do you call this part?');
    fireEvent.input(name, { target: { value: 'x'.repeat(800) } });
    expect(screen.queryByText(/characters left/)).toBeNull();
    fireEvent.input(name, { target: { value: 'x'.repeat(990) } });
    expect(screen.getByText('10 characters left')).toBeTruthy();
    expect(name.getAttribute('aria-describedby')).toContain('-count');
    fireEvent.input(name, { target: { value: 'x'.repeat(1002) } });
    expect(screen.getByText('2 characters over the limit: please shorten it a little')).toBeTruthy();
  });

  it('answers a lesson’s question, showing its words when the course can give them', async () => {
    const api = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/lessons/l-1': () =>
        jsonResponse(200, { id: 'l-1', title: 'Noticing the alarm', blocks: [{ kind: 'prompt', id: 'p-2', text: 'When did you last feel the alarm?' }] }),
    });
    renderAt('/journal/new?kind=reflection&lesson=l-1&prompt=p-2', api.client);
    expect(await screen.findByText('When did you last feel the alarm?')).toBeTruthy();
    expect(screen.getByText('A question from “Noticing the alarm”')).toBeTruthy();
    type('Your answer', 'Last night.');
    await waitFor(() => expect(listDrafts('u1')[0]?.form.reflection).toEqual({ text: 'Last night.', lesson_id: 'l-1', prompt_id: 'p-2' }));
  });

  it('needs a session: signed out, it goes to log in and back', async () => {
    const api = fakeApi({});
    renderAt('/journal/new?kind=trigger', api.client);
    await waitFor(() => expect(location.pathname).toBe('/login'));
    expect(new URLSearchParams(location.search).get('next')).toBe('/journal/new?kind=trigger');
  });
});
