// Public surface of the API client, for the app and for tests/api.
export { createClient, csrfFailedType, type ApiClient, type ClientOptions, type FetchFunction, type RequestOptions } from './client';
export { csrfCookieName, csrfHeaderName, readCookie } from './csrf';
export {
  ApiError,
  networkProblemType,
  parseRetryAfter,
  problemType,
  unexpectedResponseType,
  type FieldError,
  type Problem,
} from './problem';
export { defaultClient } from './default-client';
export * as health from './health';
export * as crisis from './crisis-lines';
export * as setup from './setup';
export * as auth from './auth';
export * as me from './me';
export * as checkins from './checkins';
export * as course from './course';
export * as practices from './practices';
