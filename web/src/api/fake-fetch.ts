// A recording stand-in for fetch, for unit tests of the API client.
import type { FetchFunction } from './client';

export interface RecordedRequest {
  url: string;
  init: RequestInit;
  headers: Record<string, string>;
}

export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

/** A fetch that answers every request with `respond` and remembers what it was asked. */
export function fakeFetch(respond: (request: RecordedRequest) => Response | Promise<Response>) {
  const requests: RecordedRequest[] = [];
  const fetch: FetchFunction = async (url, init) => {
    const request = { url, init, headers: { ...(init.headers as Record<string, string>) } };
    requests.push(request);
    return respond(request);
  };
  return { fetch, requests };
}
