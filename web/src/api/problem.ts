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
  return problem;
}
