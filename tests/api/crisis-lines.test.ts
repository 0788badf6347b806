// "Need help now": the crisis lines the panel shows, from content/crisis.
import { describe, expect, inject, it } from 'vitest';
import { createClient } from '../../web/src/api/client';
import { crisisCountries, crisisLines } from '../../web/src/api/crisis-lines';
import { failure } from './support/failure';

const client = createClient({ baseUrl: inject('baseUrl') });


describe('crisis lines', () => {
  it('lists the countries it holds, sorted by name, without signing in', async () => {
    const { countries } = await crisisCountries(client);
    const codes = countries.map((c) => c.code);
    for (const code of ['GB', 'IE', 'US', 'DE', 'FR', 'ES', 'IT', 'PL', 'SE']) expect(codes).toContain(code);
    const names = countries.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('gives the UK lines with their numbers and the date each was checked', async () => {
    const gb = await crisisLines('GB', client);
    expect(gb.country).toBe('GB');
    expect(gb.emergency).toMatch(/^999/);
    const phones = gb.lines.map((l) => l.phone);
    expect(phones).toContain('116 123');
    expect(gb.lines.some((l) => l.sms === '85258' && l.sms_keyword === 'SHOUT')).toBe(true);
    for (const line of gb.lines) {
      expect(line.last_verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(line.phone ?? line.sms).toBeTruthy();
      if (line.url) expect(line.url).toMatch(/^https:\/\//);
    }
  });

  it('accepts a lower-case code and gives 988 and 911 for the US', async () => {
    const us = await crisisLines('us', client);
    expect(us.emergency).toBe('911');
    expect(us.lines.some((l) => l.phone === '988' || l.sms === '988')).toBe(true);
  });

  it('gives 112 for every EU country', async () => {
    for (const code of ['AT', 'BE', 'DE', 'FR', 'IE', 'NL', 'PT', 'SE']) {
      const c = await crisisLines(code, client);
      expect(c.emergency, code).toContain('112');
    }
  });

  it('refuses a malformed country with 400 naming the field', async () => {
    for (const bad of ['GBR', 'G', '12', '']) {
      const error = await failure(crisisLines(bad, client));
      expect(error.status, bad).toBe(400);
      expect(error.problem.errors?.[0]?.field).toBe('country');
    }
  });

  it('answers a country it does not hold with 404 that still points to emergency help', async () => {
    const error = await failure(crisisLines('JP', client));
    expect(error.status).toBe(404);
    expect(error.problem.detail).toContain('emergency number');
  });
});
