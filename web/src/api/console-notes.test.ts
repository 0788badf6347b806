// @vitest-environment node
// Like the API black-box tests: no browser globals needed to import and call the module.
import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { changeNote, deleteNote, listClientNotes, writeClientNote, type SessionNote } from './console-notes';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { ApiError } from './problem';

const note: SessionNote = {
  id: 'nt_0123456789abcdef0123456789abcdef',
  client_id: 'c/1',
  booking_id: null,
  booking_start: null,
  written_at: '2026-11-30T09:00:00Z',
  updated_at: '2026-11-30T09:00:00Z',
  text: 'Calmer after the weekend.',
};

function calls(requests: { url: string; init: RequestInit }[]) {
  return requests.map((r) => [r.init.method, r.url, typeof r.init.body === 'string' ? JSON.parse(r.init.body) : undefined]);
}

describe('console notes client', () => {
  it('lists, writes, changes and deletes notes, escaping ids, with the CSRF token on writes', async () => {
    const { fetch, requests } = fakeFetch((r) => {
      if (r.init.method === 'DELETE') return new Response(null, { status: 204 });
      if (r.init.method === 'POST') return jsonResponse(201, note);
      if (r.init.method === 'PUT') return jsonResponse(200, { ...note, text: 'Changed.' });
      return jsonResponse(200, { notes: [note], unreadable: [] });
    });
    const client = createClient({ fetch, csrfToken: () => 'csrf-1' });
    await expect(listClientNotes('c/1', client)).resolves.toEqual({ notes: [note], unreadable: [] });
    await expect(writeClientNote('c/1', { text: note.text, booking_id: 'bk_1' }, client)).resolves.toEqual(note);
    await expect(changeNote(note.id, 'Changed.', client)).resolves.toMatchObject({ text: 'Changed.' });
    await expect(deleteNote(note.id, client)).resolves.toBeUndefined();
    expect(calls(requests)).toEqual([
      ['GET', '/api/v1/console/clients/c%2F1/notes', undefined],
      ['POST', '/api/v1/console/clients/c%2F1/notes', { text: note.text, booking_id: 'bk_1' }],
      ['PUT', `/api/v1/console/notes/${note.id}`, { text: 'Changed.' }],
      ['DELETE', `/api/v1/console/notes/${note.id}`, undefined],
    ]);
    expect(requests[0]?.headers['X-CSRF-Token']).toBeUndefined();
    for (const r of requests.slice(1)) expect(r.headers['X-CSRF-Token']).toBe('csrf-1');
  });

  it('passes a refused note’s field errors on as an ApiError', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(
        400,
        {
          type: 'urn:securebase:problem:invalid-argument',
          title: 'Bad Request',
          status: 400,
          detail: 'text is empty: please write something before saving.',
          errors: [{ field: 'text', message: 'is empty: please write something before saving' }],
        },
        'application/problem+json',
      ),
    );
    const error = await writeClientNote('c1', { text: ' ' }, createClient({ fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).fieldError('text')).toBe('is empty: please write something before saving');
  });
});
