import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { preloadCheckinPages } from '../../app';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, person, problem, type Handler } from '../../test/fake-api';
import { renderAt } from '../../test/render-at';
import { draftKey } from './draft-store';
import { attachment, attachmentResult, eightSigns, signsResult } from './test-fixtures';

beforeAll(() => preloadCheckinPages());
beforeEach(() => localStorage.clear());

const storageKey = draftKey('u1', 'attachment', 1);

function open(path: string, routes: Record<string, Handler> = {}) {
  const api = fakeApi({
    'GET /api/v1/me': () => jsonResponse(200, person()),
    'GET /api/v1/questionnaires/attachment': () => jsonResponse(200, attachment),
    'GET /api/v1/questionnaires/eight-signs': () => jsonResponse(200, eightSigns),
    ...routes,
  });
  return { api, view: renderAt(path, api.client) };
}

const statement = () => screen.getByRole('group');
const choose = (label: string) => fireEvent.click(within(statement()).getByLabelText(label));
const next = () => fireEvent.click(screen.getByRole('button', { name: 'Next' }));

async function firstStatement() {
  return screen.findByRole('group', { name: attachment.items[0]!.text });
}

describe('the check-in questionnaire', () => {
  it('shows one statement at a time with the scale as labelled radios, and the progress', async () => {
    open('/check-in/attachment');
    const group = await firstStatement();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Closeness and distance');
    expect(group.tagName).toBe('FIELDSET');
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(7);
    expect(within(group).getByLabelText('Strongly agree')).toBeTruthy();
    expect(screen.getByText('1 of 3')).toBeTruthy();
    const progress = screen.getByRole('progressbar', { name: 'Statements answered' });
    expect(progress.getAttribute('max')).toBe('3');
    expect(screen.getByText(attachment.instructions)).toBeTruthy();
    // No Back on the first statement.
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
  });

  it('asks kindly for an answer before going on, then moves on with focus on the next statement', async () => {
    open('/check-in/attachment');
    await firstStatement();
    next();
    expect(screen.getByText(/Please choose the answer that fits best/)).toBeTruthy();
    expect(statement().getAttribute('aria-describedby')).toBe('checkin-missing');
    expect(screen.getByText('1 of 3')).toBeTruthy();

    choose('Agree');
    next();
    const second = screen.getByRole('group', { name: attachment.items[1]!.text });
    expect(screen.getByText('2 of 3')).toBeTruthy();
    expect(document.activeElement).toBe(second.querySelector('legend'));
    expect(screen.getByRole('progressbar', { name: 'Statements answered' }).getAttribute('value')).toBe('1');
    expect(screen.getByText('Statement 2 of 3.').getAttribute('role')).toBe('status');
    expect(screen.queryByText(/Please choose the answer/)).toBeNull();
  });

  it('goes back with the earlier answer still chosen', async () => {
    open('/check-in/attachment');
    await firstStatement();
    choose('Slightly agree');
    next();
    choose('Disagree');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const first = screen.getByRole('group', { name: attachment.items[0]!.text });
    expect((within(first).getByLabelText('Slightly agree') as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(first.querySelector('legend'));
    next();
    expect((within(statement()).getByLabelText('Disagree') as HTMLInputElement).checked).toBe(true);
  });

  it('goes on with Enter from the radio group', async () => {
    open('/check-in/attachment');
    await firstStatement();
    const radio = within(statement()).getByLabelText('Agree');
    fireEvent.click(radio);
    fireEvent.keyDown(radio, { key: 'Enter' });
    expect(screen.getByText('2 of 3')).toBeTruthy();
  });

  it('keeps answers on this device as they are given, and resumes there after the tab closed', async () => {
    const first = open('/check-in/attachment');
    await firstStatement();
    choose('Agree');
    next();
    choose('Strongly disagree');
    const saved = JSON.parse(localStorage.getItem(storageKey)!) as { answers: unknown; step: number };
    expect(saved.answers).toEqual({ 'anx-01': 6, 'av-01': 1 });
    expect(saved.step).toBe(1);
    first.view.unmount();

    open('/check-in/attachment');
    const second = await screen.findByRole('group', { name: attachment.items[1]!.text });
    expect(screen.getByText(/Welcome back\. We kept the answers you gave before/)).toBeTruthy();
    expect((within(second).getByLabelText('Strongly disagree') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('2 of 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect((within(statement()).getByLabelText('Agree') as HTMLInputElement).checked).toBe(true);
  });

  it('keeps a different person’s answers apart', async () => {
    localStorage.setItem(
      draftKey('someone-else', 'attachment', 1),
      JSON.stringify({ answers: { 'anx-01': 7 }, step: 2, savedAt: Date.now() }),
    );
    open('/check-in/attachment');
    await firstStatement();
    expect(screen.getByText('1 of 3')).toBeTruthy();
    expect(screen.queryByText(/Welcome back/)).toBeNull();
  });

  it('starts the part again when asked, forgetting what was kept', async () => {
    localStorage.setItem(storageKey, JSON.stringify({ answers: { 'anx-01': 7, 'av-01': 2 }, step: 2, savedAt: Date.now() }));
    open('/check-in/attachment');
    await screen.findByRole('group', { name: attachment.items[2]!.text });
    fireEvent.click(screen.getByRole('button', { name: 'Start this part again' }));
    const first = screen.getByRole('group', { name: attachment.items[0]!.text });
    expect(within(first).getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(JSON.parse(localStorage.getItem(storageKey)!)).toMatchObject({ answers: {}, step: 0 });
  });

  it('sends the answers once; a retry after a network failure reuses the Idempotency-Key', async () => {
    let calls = 0;
    const { api } = open('/check-in/attachment', {
      'POST /api/v1/checkins': () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        return jsonResponse(201, attachmentResult('c1', '2026-03-03T09:00:00Z', 4.5, 2));
      },
    });
    await firstStatement();
    choose('Agree');
    next();
    choose('Disagree');
    next();
    choose('Neither agree nor disagree');
    fireEvent.click(screen.getByRole('button', { name: 'Save and go on to part 2' }));

    expect(await screen.findByRole('heading', { name: 'Not saved yet' })).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Not saved yet' }).parentElement),
    );
    // Still kept on this device, with the key of the attempt whose outcome is unknown.
    const kept = JSON.parse(localStorage.getItem(storageKey)!) as { pendingKey?: string };
    expect(kept.pendingKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(location.pathname).toBe('/check-in/eight-signs'));

    const posts = api.requests.filter((r) => r.init.method === 'POST' && r.url === '/api/v1/checkins');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.headers['Idempotency-Key']).toBe(kept.pendingKey);
    expect(posts[1]!.headers['Idempotency-Key']).toBe(kept.pendingKey);
    expect(api.sent('POST /api/v1/checkins')[1]).toEqual({
      questionnaire_id: 'attachment',
      answers: { 'anx-01': 6, 'av-01': 2, 'anx-02': 4 },
    });
    expect(localStorage.getItem(storageKey)).toBeNull();
    expect(await screen.findByText(/Thank you: part 1 is saved/)).toBeTruthy();
  });

  it('a retry after the tab closed mid-send still uses the same key', async () => {
    localStorage.setItem(
      storageKey,
      JSON.stringify({ answers: { 'anx-01': 6, 'av-01': 2, 'anx-02': 4 }, step: 2, pendingKey: 'kept-key', savedAt: Date.now() }),
    );
    const { api } = open('/check-in/attachment', {
      'POST /api/v1/checkins': () => jsonResponse(201, attachmentResult('c1', '2026-03-03T09:00:00Z', 4.5, 2)),
    });
    await screen.findByRole('group', { name: attachment.items[2]!.text });
    fireEvent.click(screen.getByRole('button', { name: 'Save and go on to part 2' }));
    await waitFor(() => expect(location.pathname).toBe('/check-in/eight-signs'));
    expect(api.requests.find((r) => r.init.method === 'POST')!.headers['Idempotency-Key']).toBe('kept-key');
  });

  it('a refusal (nothing saved) makes a new key for the next attempt', async () => {
    let calls = 0;
    const { api } = open('/check-in/attachment', {
      'POST /api/v1/checkins': () => {
        calls += 1;
        return calls === 1
          ? problem(400, 'invalid-argument', { detail: 'Every statement needs an answer.' })
          : jsonResponse(201, attachmentResult('c1', '2026-03-03T09:00:00Z', 4.5, 2));
      },
    });
    await firstStatement();
    for (const label of ['Agree', 'Disagree', 'Agree']) {
      choose(label);
      fireEvent.click(screen.getByRole('button', { name: /^(Next|Save and go on to part 2)$/ }));
    }
    expect(await screen.findByRole('heading', { name: 'We couldn’t save these answers' })).toBeTruthy();
    expect(screen.getByText(/Every statement needs an answer\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(location.pathname).toBe('/check-in/eight-signs'));
    const keys = api.requests.filter((r) => r.init.method === 'POST').map((r) => r.headers['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('after both parts, shows the results', async () => {
    open('/check-in/eight-signs', {
      'POST /api/v1/checkins': () => jsonResponse(201, signsResult('s1', '2026-03-03T09:05:00Z', { rumination: 3 })),
      'GET /api/v1/checkins': () =>
        jsonResponse(200, {
          checkins: [
            signsResult('s1', '2026-03-03T09:05:00Z', { fear_of_abandonment: 2, rumination: 3 }),
            attachmentResult('c1', '2026-03-03T09:00:00Z', 4.5, 2),
          ],
        }),
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The past two weeks');
    await screen.findByRole('group', { name: eightSigns.items[0]!.text });
    choose('Sometimes');
    next();
    choose('Often');
    fireEvent.click(screen.getByRole('button', { name: 'Save and see my results' }));
    await waitFor(() => expect(location.pathname).toBe('/check-in/results'));
    expect(await screen.findByRole('img', { name: /Your results on the attachment plane/ })).toBeTruthy();
  });

  it('signed out: goes to log in first, and back here afterwards', async () => {
    renderAt('/check-in/attachment', fakeApi({}).client);
    await waitFor(() => expect(location.pathname).toBe('/login'));
    expect(location.search).toBe('?next=%2Fcheck-in%2Fattachment');
  });
});
