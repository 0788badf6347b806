import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionType, SessionTypeInput } from '../../api/console-scheduling';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, noContent, problem } from '../../test/fake-api';
import { therapyType } from './console-fixtures';
import { practitioner, renderConsole } from './render-console';
import { preloadConsolePages } from './routes';
import { intakeIds, noticeInUnits, slugFor, type QuestionRow } from './session-type-model';

beforeAll(() => preloadConsolePages());

function type(label: string | RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

function input(label: string | RegExp): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

describe('the session-type form', () => {
  it('adds a type with every field and its questions, in the order she set, and goes back to the list', async () => {
    let stored: SessionType[] = [];
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/session-types': () => jsonResponse(200, { session_types: stored }),
      'POST /api/v1/console/session-types': (r) => {
        const created = { id: 'st_new', ...(JSON.parse(r.init.body as string) as SessionTypeInput) };
        stored = [created];
        return jsonResponse(201, created);
      },
    });
    renderConsole('/console/session-types/new', api.client);
    await screen.findByLabelText('Name');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Add a session type');
    type('Name', '  First conversation ');
    type('Description (optional)', 'A free 20-minute call to see whether we are a good fit.');
    type('Price (optional)', 'Free');
    type('Length of a session, in minutes', '20');
    type('Free time before, in minutes', '5');
    type('Free time after, in minutes', '15');
    type('Start times every, in minutes', '20');
    type('Minimum notice', '2');
    fireEvent.change(screen.getByLabelText('Minimum notice in'), { target: { value: 'days' } });
    type('How far ahead clients can book, in days', '30');
    fireEvent.click(screen.getByLabelText('Only clients who have already had a session with you'));

    fireEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Question 1'));
    type('Question 1', 'Where are you right now?');
    fireEvent.click(screen.getByRole('button', { name: 'Add another question' }));
    type('Question 2', 'What would you like help with?');
    fireEvent.click(screen.getByLabelText('An answer is needed to book (question 2)'));
    // The second question goes first; focus stays with it, on the button it can still use.
    fireEvent.click(screen.getByRole('button', { name: 'Move up (question 2)' }));
    expect(input('Question 1').value).toBe('What would you like help with?');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move down (question 1)' }));
    expect(screen.getByText('Question moved to number 1 of 2.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add this session type' }));
    await waitFor(() => expect(location.pathname).toBe('/console/session-types'));
    expect(await screen.findByText('“First conversation” is saved.')).toBeTruthy();
    expect(api.sent('POST /api/v1/console/session-types')).toEqual([
      {
        name: 'First conversation',
        description: 'A free 20-minute call to see whether we are a good fit.',
        duration_minutes: 20,
        buffer_before_minutes: 5,
        buffer_after_minutes: 15,
        minimum_notice_minutes: 2880,
        horizon_days: 30,
        slot_step_minutes: 20,
        price: 'Free',
        new_clients: false,
        active: true,
        intake: [
          { id: 'what_would_you_like_help_with', question: 'What would you like help with?', required: true },
          { id: 'where_are_you_right_now', question: 'Where are you right now?', required: false },
        ],
      },
    ]);
  });

  it('changes a type keeping its question ids, and shows the server’s sentences by the fields without losing anything', async () => {
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/session-types': () => jsonResponse(200, { session_types: [therapyType()] }),
      'PUT /api/v1/console/session-types/st_therapy': () =>
        problem(400, 'invalid-input', {
          errors: [
            { field: 'duration_minutes', message: 'must be from 5 to 480 minutes' },
            { field: 'intake[1].question', message: 'must be 1 to 300 characters' },
          ],
        }),
    });
    renderConsole('/console/session-types/st_therapy/edit', api.client);
    expect((await screen.findByLabelText('Name') as HTMLInputElement).value).toBe('Therapy session');
    // 1440 minutes reads as 1 day.
    expect(input('Minimum notice').value).toBe('1');
    expect(input('Minimum notice in').value).toBe('days');
    type('Length of a session, in minutes', '500');
    type('Question 2', '');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    const summary = (await screen.findByRole('heading', { name: 'Please check these details' })).closest('.form-summary') as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'The length of a session must be from 5 to 480 minutes.',
      'Question 2 must be 1 to 300 characters.',
    ]);
    expect(input('Length of a session, in minutes').getAttribute('aria-invalid')).toBe('true');
    expect(input('Length of a session, in minutes').value).toBe('500');
    expect(input('Question 2').getAttribute('aria-invalid')).toBe('true');
    const [sent] = api.sent('PUT /api/v1/console/session-types/st_therapy') as SessionTypeInput[];
    expect(sent!.intake.map((q) => q.id)).toEqual(['hopes', 'before']);
    expect(sent!.minimum_notice_minutes).toBe(1440);
    expect(sent!.duration_minutes).toBe(500);
  });

  it('asks for a whole number before sending anything', async () => {
    const api = fakeApi({ 'GET /api/v1/me': practitioner });
    renderConsole('/console/session-types/new', api.client);
    await screen.findByLabelText('Name');
    type('Name', 'Therapy session');
    type('Length of a session, in minutes', '');
    fireEvent.click(screen.getByRole('button', { name: 'Add this session type' }));
    expect(
      await screen.findByRole('link', { name: 'The length of a session is missing: please enter a number of minutes.' }),
    ).toBeTruthy();
    expect(api.requests.filter((r) => r.init.method === 'POST')).toHaveLength(0);
  });
});

describe('/console/session-types', () => {
  it('archives a type only after asking, and can offer it again', async () => {
    let types = [therapyType(), therapyType({ id: 'st_free', name: 'First conversation', price: '', intake: [] })];
    const api = fakeApi({
      'GET /api/v1/me': practitioner,
      'GET /api/v1/console/session-types': () => jsonResponse(200, { session_types: types }),
      'DELETE /api/v1/console/session-types/st_free': () => {
        types = types.map((t) => (t.id === 'st_free' ? { ...t, active: false } : t));
        return noContent();
      },
      'PUT /api/v1/console/session-types/st_free': (r) => {
        types = types.map((t) => (t.id === 'st_free' ? { ...t, ...JSON.parse(r.init.body as string) } : t));
        return jsonResponse(200, types[1]);
      },
    });
    renderConsole('/console/session-types', api.client);
    expect(await screen.findByText('50 minutes · £90 · new clients welcome')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Change Therapy session' }).getAttribute('href')).toBe(
      '/console/session-types/st_therapy/edit',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Archive (First conversation)' }));
    const question = screen.getByRole('heading', { name: 'Archive “First conversation”?' });
    await waitFor(() => expect(document.activeElement).toBe(question));
    expect(api.requests.some((r) => r.init.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, archive it' }));

    const note = await screen.findByText(/“First conversation” is archived/);
    await waitFor(() => expect(document.activeElement).toBe(note));
    const archived = await screen.findByRole('heading', { name: 'Archived' });
    const section = archived.closest('section') as HTMLElement;
    fireEvent.click(within(section).getByRole('button', { name: 'Offer it again (First conversation)' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Yes, offer it again' }));
    expect(await screen.findByText('“First conversation” is offered again.')).toBeTruthy();
    const [sent] = api.sent('PUT /api/v1/console/session-types/st_free') as SessionTypeInput[];
    expect(sent).toMatchObject({ name: 'First conversation', active: true });
    expect(sent).not.toHaveProperty('id');
  });
});

describe('session-type model', () => {
  it('writes the notice in the largest whole unit', () => {
    expect(noticeInUnits(1440)).toEqual({ amount: '1', unit: 'days' });
    expect(noticeInUnits(120)).toEqual({ amount: '2', unit: 'hours' });
    expect(noticeInUnits(90)).toEqual({ amount: '90', unit: 'minutes' });
    expect(noticeInUnits(0)).toEqual({ amount: '0', unit: 'hours' });
  });

  it('makes unique ids for new questions from their words, keeping the stored ones', () => {
    expect(slugFor('¿Qué tal? Where are you — right now?')).toBe('que_tal_where_are_you_right_now');
    expect(slugFor('???')).toBe('question');
    const rows: QuestionRow[] = [
      { key: 'a', id: '', question: 'Hopes', required: false },
      { key: 'b', id: 'hopes', question: 'What do you hope for?', required: true },
      { key: 'c', id: '', question: 'Hopes', required: false },
    ];
    expect(intakeIds(rows)).toEqual(['hopes_2', 'hopes', 'hopes_3']);
    for (const id of intakeIds(rows)) expect(id).toMatch(/^[a-z0-9_]{1,40}$/);
  });
});
