// Errors from the Secure Base API, as RFC 9457 problem details (application/problem+json).
// The server sends one shape for every failure; the client turns each into an ApiError, so
// screens and tests handle errors in one way.

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  /** HTTP status; 0 when the request never reached the server. */
  status: number;
  detail?: string;
  instance?: string;
  /** Per-field validation messages, when the request body was refused. */
  errors?: FieldError[];
  /** Seconds to wait before trying again, from the Retry-After header (429, 503). */
  retry_after?: number;
  /** Members a problem type adds (RFC 9457 §3.2), e.g. slot-taken's `slots`. */
  extensions?: Record<string, unknown>;
}

/** The `type` of every problem the Secure Base API sends: `urn:securebase:problem:<slug>`. */
export const problemTypePrefix = 'urn:securebase:problem:';

/** The full `type` for a slug such as "invalid-credentials". */
export function problemType(slug: string): string {
  return problemTypePrefix + slug;
}

/** `type` of the problem made up by the client when the network fails. */
export const networkProblemType = 'urn:securebase:problem:network';

/** `type` of the problem made up by the client when a response is not what the API sends. */
export const unexpectedResponseType = 'urn:securebase:problem:unexpected-response';

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title, options);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get type(): string {
    return this.problem.type;
  }

  get title(): string {
    return this.problem.title;
  }

  get detail(): string | undefined {
    return this.problem.detail;
  }

  get errors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  /** Seconds the server asked us to wait (Retry-After), if it said. */
  get retryAfter(): number | undefined {
    return this.problem.retry_after;
  }

  /** Whether this is the API's problem with that slug, e.g. `is("invalid-token")`. */
  is(slug: string): boolean {
    return this.problem.type === problemType(slug);
  }

  /** The message for one form field, if the server refused that field. */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }
}

/** Reads a problem document from untrusted JSON, filling what is missing from the HTTP status. */
export function toProblem(body: unknown, status: number, statusText: string): Problem {
  const fallbackTitle = statusText || `Request failed (${status})`;
  if (typeof body !== 'object' || body === null) {
    return { type: 'about:blank', title: fallbackTitle, status };
  }
  const record = body as Record<string, unknown>;
  const problem: Problem = {
    type: typeof record.type === 'string' ? record.type : 'about:blank',
    title: typeof record.title === 'string' ? record.title : fallbackTitle,
    // The HTTP status wins over the body's: it is what actually happened.
    status,
  };
  if (typeof record.detail === 'string') problem.detail = record.detail;
  if (typeof record.instance === 'string') problem.instance = record.instance;
  if (Array.isArray(record.errors)) {
    problem.errors = record.errors
      .filter(
        (error): error is FieldError =>
          typeof error === 'object' &&
          error !== null &&
          typeof (error as FieldError).field === 'string' &&
          typeof (error as FieldError).message === 'string',
      )
      .map(({ field, message }) => ({ field, message }));
  }
  const known = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);
  const extensions = Object.fromEntries(Object.entries(record).filter(([key]) => !known.has(key)));
  if (Object.keys(extensions).length > 0) problem.extensions = extensions;
  return problem;
}

/**
 * A Retry-After header in seconds: either delay-seconds or an HTTP date (RFC 9110 10.2.3).
 * Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  // An HTTP date always names its day and month; Date.parse alone would take "-5" as a year.
  if (!/^[a-z]{3}, /i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
