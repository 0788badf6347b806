// The numbers built into the app, for when the server cannot be reached (offline, or a network
// that fails at the worst moment). Deliberately short: each country's emergency number and, for
// the UK, Ireland and the US, the one national line people most need. The full lists live in
// content/crisis/*.toml; built-in-lines.test.ts keeps this copy in step with them.
import type { CountryCrisisLines, CrisisCountry, CrisisLine } from '../../api/crisis-lines';

/** When these numbers were last checked (the same check as content/crisis). */
export const builtInCheckedOn = '2026-11-29';

/** Every country the server holds lines for, sorted by name, so the picker works offline too. */
export const builtInCountries: readonly CrisisCountry[] = [
  { code: 'AT', name: 'Austria' },
  { code: 'BE', name: 'Belgium' },
  { code: 'BG', name: 'Bulgaria' },
  { code: 'HR', name: 'Croatia' },
  { code: 'CY', name: 'Cyprus' },
  { code: 'CZ', name: 'Czechia' },
  { code: 'DK', name: 'Denmark' },
  { code: 'EE', name: 'Estonia' },
  { code: 'FI', name: 'Finland' },
  { code: 'FR', name: 'France' },
  { code: 'DE', name: 'Germany' },
  { code: 'GR', name: 'Greece' },
  { code: 'HU', name: 'Hungary' },
  { code: 'IE', name: 'Ireland' },
  { code: 'IT', name: 'Italy' },
  { code: 'LV', name: 'Latvia' },
  { code: 'LT', name: 'Lithuania' },
  { code: 'LU', name: 'Luxembourg' },
  { code: 'MT', name: 'Malta' },
  { code: 'NL', name: 'Netherlands' },
  { code: 'PL', name: 'Poland' },
  { code: 'PT', name: 'Portugal' },
  { code: 'RO', name: 'Romania' },
  { code: 'SK', name: 'Slovakia' },
  { code: 'SI', name: 'Slovenia' },
  { code: 'ES', name: 'Spain' },
  { code: 'SE', name: 'Sweden' },
  { code: 'GB', name: 'United Kingdom' },
  { code: 'US', name: 'United States' },
];

const samaritans: CrisisLine = {
  id: 'samaritans',
  name: 'Samaritans',
  description:
    'Someone to listen, whatever you are going through, without judging you or telling you what to do. Free to call from any phone.',
  phone: '116 123',
  url: 'https://www.samaritans.org',
  hours: '24 hours, every day',
  last_verified: builtInCheckedOn,
};

const lifeline988: CrisisLine = {
  id: '988-lifeline',
  name: '988 Suicide & Crisis Lifeline',
  description:
    'Free, confidential support from a trained counselor for anyone in emotional distress or thinking about suicide, and for people worried about someone. Call or text.',
  phone: '988',
  sms: '988',
  url: 'https://988lifeline.org',
  hours: '24 hours, every day',
  last_verified: builtInCheckedOn,
};

/** Emergency numbers outside the EU-wide 112. */
const emergencies: Partial<Record<string, string>> = { GB: '999', IE: '112 or 999', US: '911' };

const lines: Partial<Record<string, CrisisLine[]>> = { GB: [samaritans], IE: [samaritans], US: [lifeline988] };

/** The built-in entry for a country: its emergency number (112 across the EU) and any line. */
export function builtInLines(code: string): CountryCrisisLines {
  return {
    country: code,
    name: builtInCountries.find((country) => country.code === code)?.name ?? code,
    emergency: emergencies[code] ?? '112',
    last_verified: builtInCheckedOn,
    lines: lines[code] ?? [],
  };
}
