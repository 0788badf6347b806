// "Pause before reacting" against a fake server: the draft after step 1, resuming it, the
// practices offered with their way back, and the whole entry saved at the end.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../api/client';
import { fakeFetch, jsonResponse } from '../../../api/fake-fetch';
import type { EntryInput } from '../../../api/journal';
import type { Practice } from '../../../api/practices';
import { person, problem } from '../../../test/fake-api';
import { SessionProvider } from '../../account/session';
import { PracticePage } from '../../practices/practice-page';
import { boxBreathing, grounding, resonance } from '../../practices/practice-fixtures';
import { draftKey, loadDraft, saveDraft } from '../draft-store';
import { emptyForm } from '../form-model';
import { PausePage } from './pause-page';

const entryId = '0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const catalogue: Practice[] = [
  boxBreathing({ id: 'time-alone', title: 'Small steps of time alone', kind: 'steps', breathing: null, durations: [5, 10] }),
  resonance(),
  grounding(),
  boxBreathing(),
];

interface ServerOptions {
  signedIn?: boolean;
  put?: (id: string, body: EntryInput) => Response;
}

/** A fake server: the session, the catalogue, and PUT of any entry. */
function server({ signedIn = true, put = () => jsonResponse(201, {}) }: ServerOptions = {}) {
  const { fetch, requests } = fakeFetch((request) => {
    const method = request.init.method ?? 'GET';
    const path = request.url.split('?')[0]!;
    if (method === 'GET' && path === '/api/v1/me') return signedIn ? jsonResponse(200, person()) : problem(401, 'unauthenticated');
    if (method === 'GET' && path === '/api/v1/practices') return jsonResponse(200, { practices: catalogue });
    const entry = /^\/api\/v1\/journal\/entries\/([^/]+)$/.exec(path);
    if (method === 'PUT' && entry) return put(decodeURIComponent(entry[1]!), JSON.parse(String(request.init.body)) as EntryInput);
    return problem(404, 'not-found');
  });
  const puts = () => requests.filter((r) => r.init.method === 'PUT');
  return { client: createClient({ fetch, csrfToken: () => 'csrf-test' }), requests, puts };
}

function Elsewhere() {
  return <h1 tabIndex={-1}>Elsewhere</h1>;
}

/** The pause routes and the practice page, as the app routes them (with its focus on navigation). */
function openAt(path: string, client = server().client) {
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <SessionProvider client={client}>
        <main>
          <Router onRouteChange={() => document.querySelector<HTMLElement>('main h1')?.focus()}>
            <Route path="/journal/pause" component={PausePage} />
            <Route path="/journal/pause/:id" component={PausePage} />
            <Route path="/practices/:id" component={PracticePage} />
            <Route default component={Elsewhere} />
          </Router>
        </main>
      </SessionProvider>
    </LocationProvider>,
  );
}

function stepHeading(name: RegExp) {
  return screen.findByRole('heading', { level: 2, name });
}

/** A draft as step 1 leaves it. */
function keepStepOneDraft() {
  const form = emptyForm('trigger', { now: new Date('2026-03-03T21:40:00Z') });
  form.trigger = {
    ...form.trigger!,
    situation: 'No reply for three hours.',
    urges: ['check_phone'],
    intensity_before: 8,
    state: 'activated',
  };
  saveDraft('u1', { entryId, isNew: true, form });
  return form;
}

beforeEach(() => {
  localStorage.clear();
});

describe('pause before reacting', () => {
  it('step 1 makes a draft with a new id, kept while moving on, and restored on /journal/pause/:id', async () => {
    const view = openAt('/journal/pause');
    const first = await stepHeading(/Step 1 of 3: Notice what is happening/);
    await waitFor(() => expect(document.activeElement).toBe(first));
    expect(screen.getByRole('heading', { level: 1, name: 'Pause before reacting' })).toBeTruthy();

    fireEvent.input(screen.getByLabelText('What just happened?'), { target: { value: 'No reply for three hours.' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Check my phone or their profile' }));
    fireEvent.click(within(screen.getByRole('group', { name: /How strong is the feeling right now/ })).getByRole('radio', { name: '8' }));
    fireEvent.click(screen.getByRole('radio', { name: /Stirred up/ }));
    expect(screen.getByText(/what you wrote stays on this device as a draft./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next: take a pause' }));

    const second = await stepHeading(/Step 2 of 3: Take a pause/);
    await waitFor(() => expect(document.activeElement).toBe(second));
    const id = location.pathname.split('/').pop()!;
    expect(id).toMatch(uuid);
    expect(location.pathname).toBe(`/journal/pause/${id}`);
    const kept = loadDraft('u1', id)!;
    expect(kept.isNew).toBe(true);
    expect(kept.form.kind).toBe('trigger');
    expect(kept.form.trigger).toMatchObject({
      situation: 'No reply for three hours.',
      urges: ['check_phone'],
      intensity_before: 8,
      state: 'activated',
    });

    // Leaving and coming back to the address finds the same words.
    view.unmount();
    openAt(`/journal/pause/${id}?step=notice`);
    await stepHeading(/Step 1 of 3/);
    expect((screen.getByLabelText('What just happened?') as HTMLTextAreaElement).value).toBe('No reply for three hours.');
    expect((screen.getByRole('checkbox', { name: 'Check my phone or their profile' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /Stirred up/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: '8' }) as HTMLInputElement).checked).toBe(true);
  });

  it('step 2 offers the calming practices, each opening the player with a checked way back', async () => {
    keepStepOneDraft();
    openAt(`/journal/pause/${entryId}`);
    await stepHeading(/Step 2 of 3: Take a pause/);
    const list = await screen.findByRole('list', { name: 'Short practices' });
    const begins = within(list).getAllByRole('link');
    // One breathing practice, then grounding, then more breathing; nothing that is not calming.
    expect(begins.map((link) => link.getAttribute('aria-label'))).toEqual([
      'Begin: Slow, even breathing',
      'Begin: Grounding through the five senses',
      'Begin: Box breathing',
    ]);
    const back = encodeURIComponent(`/journal/pause/${entryId}`);
    expect(begins[2]!.getAttribute('href')).toBe(`/practices/box-breathing?return=${back}&minutes=3`);

    // Into the player and straight back, without practising.
    fireEvent.click(begins[2]!);
    await screen.findByRole('heading', { level: 1, name: 'Box breathing' });
    expect((screen.getByRole('radio', { name: '3 minutes' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('link', { name: 'Back to your entry without practising' }));
    await stepHeading(/Step 2 of 3/);
    expect(loadDraft('u1', entryId)!.form.trigger!.helped).toEqual([]);
  });

  it('back from a practice: pausing and the practice’s family are ticked, the step-1 answers kept', async () => {
    keepStepOneDraft();
    openAt(`/journal/pause/${entryId}?practised=grounding-54321`);
    const finish = await stepHeading(/Step 3 of 3: Finish your log/);
    await waitFor(() => expect(document.activeElement).toBe(finish));
    await waitFor(() => expect(location.search).toBe('?step=finish'));
    expect((screen.getByRole('checkbox', { name: 'Pausing before acting' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /Grounding/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Slow, paced breathing' }) as HTMLInputElement).checked).toBe(false);
    const noticed = screen.getByRole('region', { name: 'What you noticed' });
    expect(noticed.textContent).toContain('No reply for three hours.');
    expect(noticed.textContent).toContain('8 out of 10');
    expect(noticed.textContent).toContain('Stirred up');
    expect(loadDraft('u1', entryId)!.form.trigger!.helped).toEqual(['pausing', 'grounding']);
  });

  it('finish saves the whole entry with the step-1 answers, lets the draft go and opens the entry', async () => {
    const fake = server({ put: () => jsonResponse(201, {}) });
    const form = keepStepOneDraft();
    openAt(`/journal/pause/${entryId}`, fake.client);
    await stepHeading(/Step 2 of 3/);
    fireEvent.click(await screen.findByRole('button', { name: 'Skip the practice' }));
    await stepHeading(/Step 3 of 3/);
    fireEvent.input(screen.getByLabelText('What did you do?'), { target: { value: 'Put the phone away and waited.' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Writing it down' }));
    fireEvent.click(within(screen.getByRole('group', { name: /How strong is the feeling now/ })).getByRole('radio', { name: '4' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save to my journal' }));

    await screen.findByRole('heading', { level: 1, name: 'Elsewhere' });
    expect(location.pathname).toBe(`/journal/${entryId}`);
    const [request] = fake.puts();
    expect(request!.url).toBe(`/api/v1/journal/entries/${entryId}`);
    expect(JSON.parse(String(request!.init.body))).toEqual({
      kind: 'trigger',
      occurred_at: '2026-03-03T21:40:00Z',
      tags: [],
      trigger: {
        situation: 'No reply for three hours.',
        self_talk: '',
        sensations: [],
        body_note: '',
        state: 'activated',
        emotions: [],
        signs: [],
        urges: ['check_phone'],
        urge_note: '',
        action: 'Put the phone away and waited.',
        helped: ['pausing', 'writing'],
        helped_note: '',
        intensity_before: 8,
        intensity_after: 4,
      },
    });
    expect(form.occurredAt).not.toBe('');
    expect(localStorage.getItem(draftKey('u1', entryId))).toBeNull();
  });

  it('a 401 on saving keeps the draft, with a kind note and a way to log in and come back', async () => {
    const fake = server({ put: () => problem(401, 'unauthenticated') });
    keepStepOneDraft();
    openAt(`/journal/pause/${entryId}?step=finish`, fake.client);
    await stepHeading(/Step 3 of 3/);
    fireEvent.input(screen.getByLabelText('What did you do?'), { target: { value: 'Waited.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save to my journal' }));
    const note = await screen.findByRole('heading', { level: 2, name: 'Your log isn’t saved yet' });
    const box = note.closest('.form-summary')!;
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(box.textContent).toContain('What you wrote is kept on this device.');
    expect(within(box as HTMLElement).getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe(
      `/login?next=${encodeURIComponent(`/journal/pause/${entryId}?step=finish`)}`,
    );
    expect(loadDraft('u1', entryId)!.form.trigger!.action).toBe('Waited.');
    expect(location.pathname).toBe(`/journal/pause/${entryId}`);
  });

  it('writes as the learner types, and says so, with a way to stop at every step', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      keepStepOneDraft();
      openAt(`/journal/pause/${entryId}?step=finish`);
      await act(async () => {
        await vi.runOnlyPendingTimersAsync();
      });
      fireEvent.input(screen.getByLabelText('What did you do?'), { target: { value: 'Breathed.' } });
      act(() => {
        vi.advanceTimersByTime(400);
      });
      expect(loadDraft('u1', entryId)!.form.trigger!.action).toBe('Breathed.');
      expect(screen.getByRole('link', { name: 'Stop for now' }).getAttribute('href')).toBe('/journal');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says kindly when there is no such draft here, or the address is not a pause', async () => {
    openAt(`/journal/pause/${entryId}`);
    expect(await screen.findByText(/There is no unfinished pause at this address on this device/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start a new pause' }).getAttribute('href')).toBe('/journal/pause');
  });

  it('signed out: offers the practices, and logging in to keep what is written', async () => {
    const fake = server({ signedIn: false });
    openAt('/journal/pause', fake.client);
    expect((await screen.findByRole('link', { name: 'choose a short practice' })).getAttribute('href')).toBe('/practices');
    expect(screen.getByRole('link', { name: 'log in' }).getAttribute('href')).toBe('/login?next=%2Fjournal%2Fpause');
    expect(Object.keys(localStorage)).toEqual([]);
  });
});
