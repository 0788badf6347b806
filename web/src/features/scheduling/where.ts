// Where the client will be during a session: a country, and in the US a state. Whether the
// practitioner serves that place is asked here only to say so before the review step; the
// server asks again when the booking is made (403 outside-jurisdiction).
//
// Pure functions.
import type { ClientLocation, Served } from '../../api/scheduling';
import { allCountries } from '../account/countries';
import { usStateName } from '../account/us-states';

export interface WhereForm {
  country: string;
  /** USPS code when the country is the US; "" otherwise. */
  region: string;
}

export function countryName(code: string): string {
  return allCountries().find((c) => c.code === code)?.name ?? code;
}

/** Ready to check: a country, and a state when it is the US. */
export function whereComplete(where: WhereForm): boolean {
  return where.country !== '' && (where.country !== 'US' || where.region !== '');
}

export function isServed(where: WhereForm, served: Served): boolean {
  if (where.country === 'US') return served.us_states.includes(where.region);
  return served.countries.includes(where.country);
}

/** What the booking sends: a region only in the US. */
export function clientLocation(where: WhereForm): ClientLocation {
  return where.country === 'US' ? { country: 'US', region: where.region } : { country: where.country };
}

/** "Portugal", "New York, United States". */
export function whereWords(where: WhereForm): string {
  return where.country === 'US' && where.region ? `${usStateName(where.region)}, ${countryName('US')}` : countryName(where.country);
}
