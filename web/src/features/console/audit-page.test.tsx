// The audit log against a fake server: the table in her zone and in words, filters carried in the
// address and sent to the server as instants of her days, "Older entries", and refusals.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonResponse } from '../../api/fake-fetch';
import { fakeApi, problem, type Handler } from '../../test/fake-api';
import { auditPath, localMidnight, queryFromLocation, requestFilters } from './audit-filters';
import { actionName, detailWords, personWords } from './audit-words';
import { auditActions, auditEntry, clientSummary } from './client-fixtures';
import { practitioner, renderConsole } from './render-console';
import { preloadConsolePages } from './routes';

beforeAll(() => preloadConsolePages());

function server(audit: Handler) {
  return fakeApi({
    'GET /api/v1/me': practitioner,
    'GET /api/v1/console/schedule': () => jsonResponse(200, { time_zone: 'Europe/London', weekly: [], overrides: [] }),
    'GET /api/v1/console/clients': () => jsonResponse(200, { clients: [clientSummary()] }),
    'GET /api/v1/console/audit': audit,
  });
}

const auditQueries = (api: ReturnType<typeof fakeApi>) =>
  api.requests
    .filter((r) => r.url.startsWith('/api/v1/console/audit'))
    .map((r) => Object.fromEntries(new URL(r.url, 'http://x').searchParams));

describe('/console/audit', () => {
  it('lists entries newest first in her zone, in words, and pages on with “Older entries”', async () => {
    const api = server((r) =>
      r.url.includes('before=')
        ? jsonResponse(200, { entries: [auditEntry({ id: 'a_0', at: '2026-11-01T08:00:00Z', action: 'sharing.revoked', actor: { id: 'u7', name: 'Sam' }, subject: { id: 'p1', name: 'Dr Rivera' }, detail: '' })], next: null, actions: auditActions })
        : jsonResponse(200, {
            entries: [
              auditEntry(),
              auditEntry({ id: 'a_2', at: '2026-07-01T12:30:00Z', actor: { id: 'u9', name: null }, action: 'sharing.changed', subject: { id: 'p1', name: 'Dr Rivera' }, detail: 'practice' }),
            ],
            next: 'cursor-2',
            actions: auditActions,
          }),
    );
    renderConsole('/console/audit', api.client);
    const table = await screen.findByRole('table');
    const rows = () => within(table).getAllByRole('row').slice(1).map((row) => [...row.children].map((c) => c.textContent));
    expect(rows()).toEqual([
      ['30 November 2026, 10:02', 'You', 'Opened a client’s page', 'Sam', 'Check-in results, Course progress, 2 journal entries'],
      // Summer: London is an hour ahead of UTC.
      ['1 July 2026, 13:30', 'Someone since deleted', 'Changed what they share', 'You', 'Practice summary'],
    ]);
    expect(screen.getByText(/Times are in Europe\/London/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Older entries' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[2]).toEqual(['1 November 2026, 08:00', 'Sam', 'Stopped sharing everything', 'You', '']);
    expect(screen.queryByRole('button', { name: 'Older entries' })).toBeNull();
    expect(auditQueries(api)).toEqual([{ limit: '50' }, { before: 'cursor-2', limit: '50' }]);
    // The menus offer what the log can hold and the people in it.
    const action = screen.getByRole('combobox', { name: 'What happened' }) as HTMLSelectElement;
    expect([...action.options].map((o) => o.textContent)).toEqual([
      'Anything',
      'Opened a client’s page',
      'Changed what they share',
      'Stopped sharing everything',
      'Wrote or changed a session note',
    ]);
    const about = screen.getByRole('combobox', { name: 'About whom' }) as HTMLSelectElement;
    expect([...about.options].map((o) => `${o.value}=${o.textContent}`)).toEqual(['=Anyone', 'p1=You', 'u7=Sam']);
  });

  it('puts the filters in the address and sends her days as instants', async () => {
    const api = server(() => jsonResponse(200, { entries: [], next: null, actions: auditActions }));
    renderConsole('/console/audit', api.client);
    expect(await screen.findByText('The log is empty so far.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'What happened' }), { target: { value: 'shared.read' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'About whom' }), { target: { value: 'u7' } });
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(location.search).toBe('?action=shared.read&subject=u7&from=2026-11-01&to=2026-11-30'));
    expect(await screen.findByText('Nothing in the log matches these filters.')).toBeTruthy();
    expect(auditQueries(api).at(-1)).toEqual({
      action: 'shared.read',
      subject: 'u7',
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
      limit: '50',
    });
    // The form opens with the filters in the address, and they can be cleared.
    expect((screen.getByRole('combobox', { name: 'What happened' }) as HTMLSelectElement).value).toBe('shared.read');
    expect(screen.getByRole('link', { name: 'Clear the filters' }).getAttribute('href')).toBe('/console/audit');
  });

  it('asks for dates in order before sending, and says plainly what the server refuses', async () => {
    const api = server((r) =>
      r.url.includes('action=made.up')
        ? problem(400, 'invalid-argument', { errors: [{ field: 'action', message: 'is not an action the log holds' }] })
        : jsonResponse(200, { entries: [], next: null, actions: auditActions }),
    );
    renderConsole('/console/audit', api.client);
    await screen.findByText('The log is empty so far.');
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-11-30' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The “from” date is after the “to” date.');
    expect(document.activeElement).toBe(screen.getByLabelText('From'));
    expect(auditQueries(api)).toHaveLength(1);

    renderConsole('/console/audit?action=made.up', api.client);
    await waitFor(() => expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('These filters can’t be used: action is not an action the log holds'))).toBe(true));
  });

  it('when the log cannot be loaded, says so and tries again', async () => {
    let fail = true;
    const api = server(() => (fail ? problem(500, 'internal') : jsonResponse(200, { entries: [auditEntry()], next: null, actions: auditActions })));
    renderConsole('/console/audit', api.client);
    expect((await screen.findByRole('alert')).textContent).toContain('We couldn’t load the audit log.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeTruthy();
  });
});

describe('audit filters and words', () => {
  it('turns her local days into instants across the clock changes', () => {
    expect(new Date(localMidnight('2026-07-01', 'Europe/London')).toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(new Date(localMidnight('2026-03-29', 'Europe/London')).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(new Date(localMidnight('2026-03-30', 'Europe/London')).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(new Date(localMidnight('2026-11-01', 'America/New_York')).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(requestFilters(queryFromLocation({ from: '2026-10-25', to: '2026-10-25' }), 'Europe/Berlin')).toEqual({
      from: '2026-10-24T22:00:00Z',
      to: '2026-10-25T23:00:00Z',
    });
    // Not a date: sent as it is, for the server to refuse in words.
    expect(requestFilters(queryFromLocation({ from: 'soon' }), 'UTC')).toEqual({ from: 'soon' });
    expect(auditPath(queryFromLocation({ actor: 'p1', to: '2026-11-30' }))).toBe('/console/audit?actor=p1&to=2026-11-30');
  });

  it('says the detail and the people in words, keeping what it does not know', () => {
    expect(detailWords('nothing shared')).toBe('Nothing shared');
    expect(detailWords('checkins, practice, journal_entries:1')).toBe('Check-in results, Practice summary, 1 journal entry');
    expect(detailWords('booking:bk_5e1')).toBe('Answers given when booking');
    expect(actionName('intake.read')).toBe('Opened a client’s answers to the booking questions');
    expect(detailWords('content/course/intro.md')).toBe('content/course/intro.md');
    expect(personWords(null, 'p1')).toBe('—');
    expect(personWords({ id: 'p1', name: 'Dr Rivera' }, 'p1')).toBe('You');
  });
});
