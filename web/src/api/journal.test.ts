// @vitest-environment node
// Like the API black-box tests: no browser globals needed to import and call the module.
import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { fakeFetch, jsonResponse } from './fake-fetch';
import {
  deleteEntry,
  exportUrl,
  getEntry,
  getInsights,
  journalEntryUnreadableType,
  listEntries,
  newEntryId,
  saveEntry,
  type EntryInput,
} from './journal';
import { ApiError } from './problem';

const id = '0b6f9d3e-2c51-4a7e-9f10-6a2d5c8e1b47';

describe('journal', () => {
  it('saves with PUT to the entry’s own id, with the CSRF token', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(201, { id }));
    const client = createClient({ fetch, csrfToken: () => 'csrf-1' });
    const input: EntryInput = {
      kind: 'parts',
      occurred_at: '2026-11-28T21:40:00Z',
      tags: ['evenings'],
      parts: { name: 'The watcher', fears: '', protects: '', needs: '' },
    };
    await expect(saveEntry(id, input, client)).resolves.toEqual({ id });
    expect(requests[0]?.init.method).toBe('PUT');
    expect(requests[0]?.url).toBe(`/api/v1/journal/entries/${id}`);
    expect(requests[0]?.headers['X-CSRF-Token']).toBe('csrf-1');
    expect(JSON.parse(requests[0]?.init.body as string)).toEqual(input);
  });

  it('reads and deletes one entry, escaping the id', async () => {
    const { fetch, requests } = fakeFetch((r) =>
      r.init.method === 'DELETE' ? new Response(null, { status: 204 }) : jsonResponse(200, { id }),
    );
    const client = createClient({ fetch });
    await getEntry('a/b', client);
    await expect(deleteEntry(id, client)).resolves.toBeUndefined();
    expect(requests.map((r) => [r.init.method, r.url])).toEqual([
      ['GET', '/api/v1/journal/entries/a%2Fb'],
      ['DELETE', `/api/v1/journal/entries/${id}`],
    ]);
  });

  it('lists with only the filters in use', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, { entries: [], unreadable: [], next_before: null, total: 0 }));
    const client = createClient({ fetch });
    await listEntries({}, client);
    await listEntries({ q: 'phone call', kind: 'trigger', sign: 'rumination', state: 'shut_down', tag: '', from: '2026-01-01', tz: 'Europe/London', limit: 20 }, client);
    expect(requests[0]?.url).toBe('/api/v1/journal/entries');
    const query = new URL(requests[1]!.url, 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({
      q: 'phone call',
      kind: 'trigger',
      sign: 'rumination',
      state: 'shut_down',
      from: '2026-01-01',
      tz: 'Europe/London',
      limit: '20',
    });
  });

  it('asks for insights in a zone and builds export links', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, { trigger_count: 0, ready: false }));
    const client = createClient({ fetch });
    await getInsights('Europe/Lisbon', 8, client);
    await getInsights(undefined, undefined, client);
    expect(requests.map((r) => r.url)).toEqual([
      '/api/v1/journal/insights?tz=Europe%2FLisbon&weeks=8',
      '/api/v1/journal/insights',
    ]);
    expect(exportUrl('markdown', 'America/New_York')).toBe('/api/v1/journal/export?format=markdown&tz=America%2FNew_York');
    expect(exportUrl('json')).toBe('/api/v1/journal/export?format=json');
  });

  it('passes an unreadable entry on as its own problem', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(500, { type: journalEntryUnreadableType, title: 'Unreadable', status: 500 }, 'application/problem+json'),
    );
    const error = await getEntry(id, createClient({ fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).is('journal-entry-unreadable')).toBe(true);
  });

  it('makes version 4 UUIDs for new entries', () => {
    expect(newEntryId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newEntryId()).not.toBe(newEntryId());
  });
});
