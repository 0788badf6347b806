import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtInCountries } from './built-in-lines';
import {
  countryFromLanguages,
  countryFromTimeZone,
  guessCountry,
  initialCountry,
  rememberCountry,
  storageKey,
} from './country-guess';

const supported = new Set(builtInCountries.map((country) => country.code));

describe('countryFromTimeZone', () => {
  it.each([
    ['Europe/London', 'GB'],
    ['Europe/Dublin', 'IE'],
    ['America/New_York', 'US'],
    ['America/Los_Angeles', 'US'],
    ['Pacific/Honolulu', 'US'],
    ['Europe/Berlin', 'DE'],
    ['Europe/Paris', 'FR'],
    ['Europe/Madrid', 'ES'],
    ['Atlantic/Canary', 'ES'],
    ['Europe/Amsterdam', 'NL'],
    ['Europe/Vienna', 'AT'],
    ['Europe/Brussels', 'BE'],
    ['Europe/Lisbon', 'PT'],
    ['Asia/Nicosia', 'CY'],
    ['Europe/Stockholm', 'SE'],
  ])('%s → %s', (zone, country) => {
    expect(countryFromTimeZone(zone)).toBe(country);
  });

  it('knows a zone for every EU country, the UK and Ireland', () => {
    const zones = Object.fromEntries(
      [...supported].filter((code) => code !== 'US').map((code) => [code, false]),
    ) as Record<string, boolean>;
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const code = countryFromTimeZone(zone);
      if (code && code in zones) zones[code] = true;
    }
    expect(Object.entries(zones).filter(([, found]) => !found)).toEqual([]);
  });

  it('has no answer for zones outside the countries we hold, or none at all', () => {
    expect(countryFromTimeZone('Asia/Tokyo')).toBeUndefined();
    expect(countryFromTimeZone('Europe/Zurich')).toBeUndefined();
    expect(countryFromTimeZone('UTC')).toBeUndefined();
    expect(countryFromTimeZone(undefined)).toBeUndefined();
  });
});

describe('countryFromLanguages', () => {
  it('takes the first supported region', () => {
    expect(countryFromLanguages(['en', 'ja-JP', 'de-AT', 'en-GB'], supported)).toBe('AT');
    expect(countryFromLanguages(['sr-Latn-HR'], supported)).toBe('HR');
    expect(countryFromLanguages(['en-ie'], supported)).toBe('IE');
  });

  it('has no answer without a supported region', () => {
    expect(countryFromLanguages(['en', 'fr'], supported)).toBeUndefined();
    expect(countryFromLanguages(['ja-JP', 'es-419'], supported)).toBeUndefined();
    expect(countryFromLanguages([], supported)).toBeUndefined();
  });
});

describe('guessCountry', () => {
  it('prefers what the person chose before', () => {
    expect(guessCountry({ stored: 'IE', timeZone: 'America/Chicago', languages: ['en-US'], supported })).toBe('IE');
  });

  it('ignores a stored value it does not know', () => {
    expect(guessCountry({ stored: 'XX', timeZone: 'Europe/Berlin', supported })).toBe('DE');
  });

  it('then the time zone, which says where the device is, over the language', () => {
    expect(guessCountry({ timeZone: 'America/New_York', languages: ['en-GB'], supported })).toBe('US');
    expect(guessCountry({ timeZone: 'Europe/Berlin', languages: ['en-GB'], supported })).toBe('DE');
  });

  it('then the language region', () => {
    expect(guessCountry({ timeZone: 'UTC', languages: ['fr-BE', 'fr'], supported })).toBe('BE');
  });

  it('else the United Kingdom', () => {
    expect(guessCountry({ timeZone: 'Asia/Tokyo', languages: ['ja'], supported })).toBe('GB');
    expect(guessCountry({ supported })).toBe('GB');
  });
});

describe('in the browser', () => {
  afterEach(() => {
    sessionStorage.clear();
  });

  it('remembers the choice in sessionStorage only', () => {
    rememberCountry('SE');
    expect(sessionStorage.getItem(storageKey)).toBe('SE');
    expect(localStorage.length).toBe(0);
    expect(initialCountry(supported)).toBe('SE');
  });

  it('guesses from the time zone and languages when nothing was chosen', () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'Europe/Dublin',
    } as Intl.ResolvedDateTimeFormatOptions);
    expect(initialCountry(supported)).toBe('IE');
  });

  it('falls back to the language when the zone says nothing', () => {
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'UTC',
    } as Intl.ResolvedDateTimeFormatOptions);
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nl-NL', 'en']);
    expect(initialCountry(supported)).toBe('NL');
  });

  it('still guesses when storage is not available', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({
      timeZone: 'Europe/Paris',
    } as Intl.ResolvedDateTimeFormatOptions);
    expect(() => rememberCountry('DE')).not.toThrow();
    expect(initialCountry(supported)).toBe('FR');
  });
});
