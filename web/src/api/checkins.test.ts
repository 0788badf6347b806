// @vitest-environment node
// Like the API black-box tests: no browser globals needed to import and call the module.
import { describe, expect, it } from 'vitest';
import {
  getCheckin,
  getPlan,
  getQuestionnaire,
  listCheckins,
  listQuestionnaires,
  newIdempotencyKey,
  submitCheckin,
} from './checkins';
import { createClient } from './client';
import { fakeFetch, jsonResponse } from './fake-fetch';
import { ApiError } from './problem';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('checkins', () => {
  it('reads questionnaires without a CSRF header', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, { questionnaires: [] }));
    const client = createClient({ fetch, csrfToken: () => 'c' });
    await listQuestionnaires(client);
    await getQuestionnaire('eight signs', client);
    expect(requests.map((r) => [r.init.method, r.url])).toEqual([
      ['GET', '/api/v1/questionnaires'],
      ['GET', '/api/v1/questionnaires/eight%20signs'],
    ]);
    expect(requests[0]?.headers['X-CSRF-Token']).toBeUndefined();
  });

  it('submits answers with the Idempotency-Key it is given, and the CSRF token', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(201, { id: 'c1' }));
    const client = createClient({ fetch, csrfToken: () => 'csrf-1' });
    const body = { questionnaire_id: 'attachment', answers: { 'anx-01': 5 } };
    await expect(submitCheckin(body, 'key-1', client)).resolves.toEqual({ id: 'c1' });
    expect(requests[0]?.init.method).toBe('POST');
    expect(requests[0]?.url).toBe('/api/v1/checkins');
    expect(requests[0]?.headers['Idempotency-Key']).toBe('key-1');
    expect(requests[0]?.headers['X-CSRF-Token']).toBe('csrf-1');
    expect(JSON.parse(requests[0]?.init.body as string)).toEqual(body);
  });

  it('lists check-ins, filtered by questionnaire only when asked', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(200, { checkins: [] }));
    const client = createClient({ fetch });
    await listCheckins(undefined, client);
    await listCheckins('eight-signs', client);
    await getCheckin('c/1', client);
    await getPlan(client);
    expect(requests.map((r) => r.url)).toEqual([
      '/api/v1/checkins',
      '/api/v1/checkins?questionnaire=eight-signs',
      '/api/v1/checkins/c%2F1',
      '/api/v1/plan',
    ]);
  });

  it('passes refusals on as ApiError', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(404, { type: 'urn:securebase:problem:not-found', title: 'Not found', status: 404 }, 'application/problem+json'),
    );
    const error = (await getCheckin('someone-elses', createClient({ fetch })).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.is('not-found')).toBe(true);
  });

  it('makes version 4 UUIDs for Idempotency-Keys, a new one each time', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(uuid);
    expect(b).toMatch(uuid);
    expect(a).not.toBe(b);
    expect(newIdempotencyKey((bytes) => bytes.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newIdempotencyKey((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });
});
