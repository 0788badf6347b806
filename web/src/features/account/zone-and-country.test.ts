import { describe, expect, it } from 'vitest';
import { allCountries, countryCodes } from './countries';
import { allTimeZones, timeZoneOptions, zoneLabel } from './time-zones';

describe('time zones', () => {
  it('lists the browser’s zones with UTC and whatever must be included', () => {
    const zones = allTimeZones(['Asia/Calcutta']);
    expect(zones).toContain('Europe/London');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Asia/Calcutta');
  });

  it('reads zone names as places, with their region', () => {
    expect(zoneLabel('Europe/London')).toBe('London (Europe)');
    expect(zoneLabel('America/Argentina/Buenos_Aires')).toBe('Argentina – Buenos Aires (America)');
    expect(zoneLabel('UTC')).toBe('UTC');
  });

  it('sorts by place, so typing a city’s first letters finds it', () => {
    const options = timeZoneOptions(['Europe/Paris', 'UTC', 'America/New_York', 'Europe/Lisbon']);
    expect(options.map((o) => o.label)).toEqual(['Lisbon (Europe)', 'New York (America)', 'Paris (Europe)', 'UTC']);
  });
});

describe('countries', () => {
  it('names every ISO code in English, sorted by name', () => {
    const countries = allCountries();
    expect(countries).toHaveLength(countryCodes.size);
    expect(countries.find((c) => c.code === 'GB')?.name).toBe('United Kingdom');
    expect(countries.find((c) => c.code === 'CA')?.name).toBe('Canada');
    const names = countries.map((c) => c.name);
    expect([...names].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(names);
  });
});
