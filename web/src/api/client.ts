// The typed HTTP client for the Secure Base API. Used by the browser app and, from node, by the
// API black-box tests in tests/api. So it must not touch document or window at import time:
// everything environment-specific is injected or looked up per request.
//
// JSON in, JSON out. Failures are thrown as ApiError carrying an RFC 9457 problem; a request
// that never reached the server is an ApiError with status 0.
import { csrfHeaderName, csrfTokenFromDocument } from './csrf';
import {
  ApiError,
  networkProblemType,
  parseRetryAfter,
  problemType,
  toProblem,
  unexpectedResponseType,
} from './problem';

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** Prefix for every path, e.g. "http://127.0.0.1:8080" in node. Empty: same origin. */
  baseUrl?: string;
  fetch?: FetchFunction;
  /** Source of the CSRF token; defaults to the browser's `csrf` cookie. */
  csrfToken?: () => string | undefined;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  /** Appended as a query string; undefined and null values are left out. */
  query?: Record<string, QueryValue>;
  /** Extra headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** A DELETE may carry a JSON body too (DELETE /me carries the password). */
export interface DeleteOptions extends RequestOptions {
  body?: unknown;
}

export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: DeleteOptions): Promise<T>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The server's answer to a state-changing request without the right X-CSRF-Token. */
export const csrfFailedType = problemType('csrf-failed');

const networkMessage =
  "We couldn't reach Secure Base. Please check your connection and try again in a moment.";

export function createClient(options: ClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const csrfToken = options.csrfToken ?? csrfTokenFromDocument;
  // Looked up now rather than at import, and called as a plain function (not as a method of
  // some other object), which browsers require of fetch.
  const doFetch: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(method: Method, path: string, body: unknown, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      ...opts.headers,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method, credentials: 'same-origin' };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (opts.signal) init.signal = opts.signal;
    const url = baseUrl + path + queryString(opts.query);

    // A state-changing request refused for its CSRF token (none yet, or one that went stale)
    // comes back with a fresh `csrf` cookie: send it once more with that token, and only once.
    for (let attempt = 1; ; attempt += 1) {
      const sent = { ...headers };
      if (method !== 'GET') {
        const token = csrfToken();
        if (token) sent[csrfHeaderName] = token;
      }
      const response = await send(url, { ...init, headers: sent });
      const text = await response.text();
      if (method !== 'GET' && attempt === 1 && isCsrfRefusal(response, text)) continue;
      return readResponse<T>(response, text);
    }
  }

  async function send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(url, init);
    } catch (error) {
      // The caller cancelled: not a failure to report, so let it through as it is.
      if (isAbort(error)) throw error;
      throw new ApiError(
        { type: networkProblemType, title: 'No connection', status: 0, detail: networkMessage },
        { cause: error },
      );
    }
  }

  return {
    get: (path, opts) => request('GET', path, undefined, opts),
    post: (path, body, opts) => request('POST', path, body, opts),
    put: (path, body, opts) => request('PUT', path, body, opts),
    patch: (path, body, opts) => request('PATCH', path, body, opts),
    delete: (path, opts) => request('DELETE', path, opts?.body, opts),
  };
}

/** A 403 whose problem type says the CSRF token was missing or wrong. */
function isCsrfRefusal(response: Response, text: string): boolean {
  if (response.status !== 403) return false;
  const body = parseOrUndefined(text) as { type?: unknown } | undefined;
  return body?.type === csrfFailedType;
}

function readResponse<T>(response: Response, text: string): T {
  const contentType = response.headers.get('Content-Type') ?? '';
  const isJson = /^application\/(problem\+)?json\b/i.test(contentType);

  if (!response.ok) {
    const problem = toProblem(isJson ? parseOrUndefined(text) : undefined, response.status, response.statusText);
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    if (retryAfter !== undefined) problem.retry_after = retryAfter;
    throw new ApiError(problem);
  }
  if (text === '') return undefined as T;
  if (!isJson) {
    throw new ApiError({
      type: unexpectedResponseType,
      title: 'Unexpected response',
      status: response.status,
      detail: `Expected JSON but received ${contentType || 'no content type'}.`,
    });
  }
  const parsed = parseOrUndefined(text);
  if (parsed === undefined) {
    throw new ApiError({
      type: unexpectedResponseType,
      title: 'Unexpected response',
      status: response.status,
      detail: 'The response was not valid JSON.',
    });
  }
  return parsed as T;
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const encoded = params.toString();
  return encoded ? `?${encoded}` : '';
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
