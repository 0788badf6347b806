// @vitest-environment node
// Like the API black-box tests: no browser globals needed to import and call the module.
import { describe, expect, it } from 'vitest';
import { createClient } from './client';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { ApiError } from './problem';
import { deleteShares, getShares, nothingShared, putShare, sameShare, sharesAnything, type PractitionerShare } from './shares';

const shared: PractitionerShare = {
  practitioner: { id: 'u_8f', name: 'Dr Amara Lewis' },
  share: { checkins: true, practice: false, course: true, journal_entries: ['5b0d'] },
  updated_at: '2026-11-02T09:14:00Z',
};

describe('shares', () => {
  it('reads every practitioner’s share', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, { practitioners: [shared] }));
    const client = createClient({ fetch });
    await expect(getShares(client)).resolves.toEqual({ practitioners: [shared] });
    expect(requests[0]?.init.method).toBe('GET');
    expect(requests[0]?.url).toBe('/api/v1/shares');
  });

  it('replaces one share with PUT, every field sent, with the CSRF token', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, shared));
    const client = createClient({ fetch, csrfToken: () => 'csrf-1' });
    const input = { practitioner_id: 'u_8f', ...shared.share };
    await expect(putShare(input, client)).resolves.toEqual(shared);
    expect(requests[0]?.init.method).toBe('PUT');
    expect(requests[0]?.url).toBe('/api/v1/shares');
    expect(requests[0]?.headers['X-CSRF-Token']).toBe('csrf-1');
    expect(JSON.parse(requests[0]?.init.body as string)).toEqual({
      practitioner_id: 'u_8f',
      checkins: true,
      practice: false,
      course: true,
      journal_entries: ['5b0d'],
    });
  });

  it('stops sharing with one practitioner, or with all of them', async () => {
    const { fetch, requests } = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createClient({ fetch, csrfToken: () => 'csrf-1' });
    await expect(deleteShares('u 8f', client)).resolves.toBeUndefined();
    await deleteShares(undefined, client);
    expect(requests.map((r) => [r.init.method, r.url])).toEqual([
      ['DELETE', '/api/v1/shares?practitioner_id=u+8f'],
      ['DELETE', '/api/v1/shares'],
    ]);
  });

  it('passes a refusal on as an ApiError naming the field', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(
        400,
        {
          type: 'urn:securebase:problem:invalid-argument',
          title: 'Invalid argument',
          status: 400,
          errors: [{ field: 'journal_entries[0]', message: 'is not one of your entries' }],
        },
        'application/problem+json',
      ),
    );
    const error = await putShare({ practitioner_id: 'u_8f', ...nothingShared }, createClient({ fetch })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).errors).toEqual([{ field: 'journal_entries[0]', message: 'is not one of your entries' }]);
  });

  it('compares shares kind by kind, entries in any order', () => {
    const both = { ...nothingShared, checkins: true, journal_entries: ['a', 'b'] };
    expect(sameShare(both, { ...both, journal_entries: ['b', 'a'] })).toBe(true);
    expect(sameShare(both, { ...both, journal_entries: ['a'] })).toBe(false);
    expect(sameShare(both, { ...both, course: true })).toBe(false);
  });

  it('says whether a share shows anything', () => {
    expect(sharesAnything(nothingShared)).toBe(false);
    expect(sharesAnything({ ...nothingShared, practice: true })).toBe(true);
    expect(sharesAnything({ ...nothingShared, journal_entries: ['a'] })).toBe(true);
  });
});
