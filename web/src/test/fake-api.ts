// A stand-in for the Secure Base server in unit tests: answers by "METHOD /path", records every
// request, and (unless told otherwise) says there is no session.
import { createClient } from '../api/client';
import { fakeFetch, jsonResponse, type RecordedRequest } from '../api/fake-fetch';
import type { Me } from '../api/me';

export type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export function problem(status: number, slug: string, extra: Record<string, unknown> = {}): Response {
  return jsonResponse(
    status,
    { type: `urn:securebase:problem:${slug}`, title: 'Refused', status, ...extra },
    'application/problem+json',
  );
}

export function person(overrides: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    email: 'ana@example.org',
    display_name: 'Ana',
    role: 'learner',
    time_zone: 'Europe/Lisbon',
    country: 'PT',
    email_verified: true,
    two_factor: { enrolled: false, required: false, passed: false },
    ...overrides,
  };
}

export const noContent = () => new Response(null, { status: 204 });

export function fakeApi(routes: Record<string, Handler>) {
  const { fetch, requests } = fakeFetch((request) => {
    const key = `${request.init.method ?? 'GET'} ${request.url.split('?')[0]}`;
    const handler = routes[key];
    if (handler) return handler(request);
    if (key === 'GET /api/v1/me') return problem(401, 'unauthenticated');
    return problem(404, 'not-found');
  });
  const client = createClient({ fetch, csrfToken: () => 'csrf-test' });
  /** The JSON bodies sent to one route, in order. */
  const sent = (key: string): unknown[] =>
    requests
      .filter((r) => `${r.init.method ?? 'GET'} ${r.url.split('?')[0]}` === key)
      .map((r) => (typeof r.init.body === 'string' ? (JSON.parse(r.init.body) as unknown) : undefined));
  return { client, requests, sent };
}
