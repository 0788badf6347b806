// Crisis lines for the "Need help now" panel, read from content/crisis on the server. Public:
// no session needed, since people open the panel when they are hurting, signed in or not.
//
//   GET /api/v1/crisis-lines             → {"countries": [{"code": "GB", "name": "United Kingdom"}, …]}
//   GET /api/v1/crisis-lines?country=GB  → CountryCrisisLines
//
// An unknown country is a 404 problem and a malformed code a 400 (both thrown as ApiError).
import type { ApiClient, RequestOptions } from './client';
import { defaultClient } from './default-client';

export interface CrisisCountry {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  name: string;
}

export interface CrisisCountryList {
  /** Sorted by name. */
  countries: CrisisCountry[];
}

export interface CrisisLine {
  /** Unique within its country. */
  id: string;
  name: string;
  description: string;
  /** As dialled in that country, e.g. "116 123". Every line has a phone or an sms (or both). */
  phone?: string;
  /** A number to text. */
  sms?: string;
  /** The word to text to `sms`, e.g. "SHOUT". */
  sms_keyword?: string;
  /** The provider's own site (https). */
  url?: string;
  /** Plain English, e.g. "24 hours, every day". */
  hours: string;
  /** YYYY-MM-DD: when this line was last checked with its provider. */
  last_verified: string;
}

export interface CountryCrisisLines {
  country: string;
  name: string;
  /** The number to call in an emergency, e.g. "999" or "112 or 999". */
  emergency: string;
  /** YYYY-MM-DD */
  last_verified: string;
  lines: CrisisLine[];
}

const path = '/api/v1/crisis-lines';

type Options = Pick<RequestOptions, 'signal'>;

export function crisisCountries(client: ApiClient = defaultClient(), options: Options = {}): Promise<CrisisCountryList> {
  return client.get<CrisisCountryList>(path, options);
}

export function crisisLines(
  country: string,
  client: ApiClient = defaultClient(),
  options: Options = {},
): Promise<CountryCrisisLines> {
  return client.get<CountryCrisisLines>(path, { ...options, query: { country } });
}
