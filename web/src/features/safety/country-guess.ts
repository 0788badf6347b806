// Which country's numbers to show first when the panel opens: the one the person picked
// earlier in this tab (sessionStorage only: nothing about them is kept in localStorage), else a
// guess from the browser's time zone, then its languages' regions, else the United Kingdom.
// The time zone comes first: it says where the device is, while a language says where its
// owner is from. The guess is only a starting point; the picker is right beside it.

/** Time zones of the countries we hold lines for (America/* is handled below). */
const zoneCountry: Partial<Record<string, string>> = {
  'Europe/London': 'GB',
  'Europe/Belfast': 'GB',
  'Europe/Guernsey': 'GB',
  'Europe/Jersey': 'GB',
  'Europe/Isle_of_Man': 'GB',
  'Europe/Dublin': 'IE',
  'Pacific/Honolulu': 'US',
  'Europe/Vienna': 'AT',
  'Europe/Brussels': 'BE',
  'Europe/Sofia': 'BG',
  'Europe/Zagreb': 'HR',
  'Asia/Nicosia': 'CY',
  'Asia/Famagusta': 'CY',
  'Europe/Nicosia': 'CY',
  'Europe/Prague': 'CZ',
  'Europe/Copenhagen': 'DK',
  'Europe/Tallinn': 'EE',
  'Europe/Helsinki': 'FI',
  'Europe/Mariehamn': 'FI',
  'Europe/Paris': 'FR',
  'Europe/Berlin': 'DE',
  'Europe/Busingen': 'DE',
  'Europe/Athens': 'GR',
  'Europe/Budapest': 'HU',
  'Europe/Rome': 'IT',
  'Europe/Riga': 'LV',
  'Europe/Vilnius': 'LT',
  'Europe/Luxembourg': 'LU',
  'Europe/Malta': 'MT',
  'Europe/Amsterdam': 'NL',
  'Europe/Warsaw': 'PL',
  'Europe/Lisbon': 'PT',
  'Atlantic/Azores': 'PT',
  'Atlantic/Madeira': 'PT',
  'Europe/Bucharest': 'RO',
  'Europe/Bratislava': 'SK',
  'Europe/Ljubljana': 'SI',
  'Europe/Madrid': 'ES',
  'Atlantic/Canary': 'ES',
  'Africa/Ceuta': 'ES',
  'Europe/Stockholm': 'SE',
};

export const defaultCountry = 'GB';
export const storageKey = 'securebase.help.country';

export function countryFromTimeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  if (zone.startsWith('America/')) return 'US';
  return zoneCountry[zone];
}

/** The first region among the languages ("en-GB" → GB; "de-Latn-AT" → AT; "en" → none). */
export function countryFromLanguages(languages: readonly string[], supported: ReadonlySet<string>): string | undefined {
  for (const tag of languages) {
    const region = /^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2})(?:-|$)/i.exec(tag)?.[1]?.toUpperCase();
    if (region && supported.has(region)) return region;
  }
  return undefined;
}

export interface GuessInput {
  stored?: string | null | undefined;
  timeZone?: string | undefined;
  languages?: readonly string[];
  supported: ReadonlySet<string>;
}

export function guessCountry({ stored, timeZone, languages = [], supported }: GuessInput): string {
  if (stored && supported.has(stored)) return stored;
  const fromZone = countryFromTimeZone(timeZone);
  if (fromZone && supported.has(fromZone)) return fromZone;
  return countryFromLanguages(languages, supported) ?? defaultCountry;
}

/** The guess from this browser: its storage, time zone and languages. */
export function initialCountry(supported: ReadonlySet<string>): string {
  let timeZone: string | undefined;
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    timeZone = undefined;
  }
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return guessCountry({ stored: readStored(), timeZone, languages, supported });
}

/** Remembers the person's choice for this tab only. */
export function rememberCountry(code: string): void {
  try {
    sessionStorage.setItem(storageKey, code);
  } catch {
    // Storage can be unavailable (private modes, full quota): the guess still works.
  }
}

function readStored(): string | null {
  try {
    return sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}
