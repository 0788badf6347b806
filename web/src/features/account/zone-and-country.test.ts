import { describe, expect, it } from 'vitest';
import { allCountries, countryCodes } from './countries';
import { allTimeZones, groupTimeZones, zoneLabel } from './time-zones';

describe('time zones', () => {
  it('lists the browser’s zones with UTC and whatever must be included', () => {
    const zones = allTimeZones(['Asia/Calcutta']);
    expect(zones).toContain('Europe/London');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Asia/Calcutta');
  });

  it('reads zone names as places', () => {
    expect(zoneLabel('Europe/London')).toBe('London');
    expect(zoneLabel('America/Argentina/Buenos_Aires')).toBe('Argentina – Buenos Aires');
    expect(zoneLabel('UTC')).toBe('UTC');
  });

  it('groups by region, each sorted', () => {
    const groups = groupTimeZones(['Europe/Paris', 'UTC', 'America/New_York', 'Europe/Lisbon']);
    expect(groups.map((g) => g.region)).toEqual(['America', 'Europe', 'Other']);
    expect(groups[1]?.zones.map((z) => z.value)).toEqual(['Europe/Lisbon', 'Europe/Paris']);
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
