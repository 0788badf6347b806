// First-run setup: create the practitioner's account once, with the one-time token the server
// prints in its log (a JSON line with "event":"setup_needed") while no practitioner exists.
// Public: there is no one to sign in as yet.
//
//   GET  /api/v1/setup  → {"needed": true|false}
//   POST /api/v1/setup  {token, email, password, display_name, time_zone, country}
//                       → 201 {"id", "email", "role": "practitioner"}
//
// Failures are thrown as ApiError: 400 with `errors[]` naming every bad field (email, password,
// display_name, time_zone, country), 403 with `errors[0].field == "token"` for a wrong token,
// 409 once setup has been done.
import type { ApiClient, RequestOptions } from './client';
import { defaultClient } from './default-client';

export interface SetupStatus {
  needed: boolean;
}

export interface SetupForm {
  /** The 32 hex characters from the server's "setup_needed" log line. */
  token: string;
  email: string;
  /** 8 to 256 characters. */
  password: string;
  /** 1 to 80 characters. */
  display_name: string;
  /** An IANA time zone, e.g. "Europe/London". */
  time_zone: string;
  /** ISO 3166-1 alpha-2, e.g. "GB". */
  country: string;
}

export interface SetupAccount {
  id: string;
  email: string;
  role: 'practitioner';
}

/** The form fields the server may name in `errors[]`. */
export type SetupField = keyof SetupForm;

const path = '/api/v1/setup';

type Options = Pick<RequestOptions, 'signal'>;

export function setupStatus(client: ApiClient = defaultClient(), options: Options = {}): Promise<SetupStatus> {
  return client.get<SetupStatus>(path, options);
}

export function completeSetup(
  form: SetupForm,
  client: ApiClient = defaultClient(),
  options: Options = {},
): Promise<SetupAccount> {
  return client.post<SetupAccount>(path, form, options);
}
