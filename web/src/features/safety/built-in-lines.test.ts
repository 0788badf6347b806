// The numbers built into the app must agree with content/crisis, which the server serves: the
// offline fallback must never show a number the full list does not.
import { describe, expect, it } from 'vitest';
import { builtInCheckedOn, builtInCountries, builtInLines } from './built-in-lines';

// The files themselves, as text, keyed by path ("../../../../content/crisis/gb.toml").
const files = import.meta.glob<string>('../../../../content/crisis/*.toml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function fileCode(path: string): string {
  return (path.split('/').pop() ?? '').slice(0, 2).toUpperCase();
}

/** The few fields this test needs, read from the top of a crisis file and its [[lines]] tables. */
function readCountry(code: string) {
  const path = Object.keys(files).find((p) => fileCode(p) === code);
  const text = path ? (files[path] ?? '') : '';
  const [top = '', ...tables] = text.split(/^\[\[lines\]\]$/m);
  const field = (block: string, key: string) =>
    new RegExp(`^${key} = (?:"([^"]*)"|(\\S+))`, 'm').exec(block)?.slice(1).find((v) => v !== undefined);
  return {
    name: field(top, 'name'),
    emergency: field(top, 'emergency'),
    lastVerified: field(top, 'last_verified'),
    lines: tables.map((block) => ({
      id: field(block, 'id'),
      name: field(block, 'name'),
      phone: field(block, 'phone'),
      sms: field(block, 'sms'),
      url: field(block, 'url'),
    })),
  };
}

describe('built-in crisis lines', () => {
  it('cover exactly the countries in content/crisis, with the same names, sorted by name', () => {
    const codes = Object.keys(files).map(fileCode).sort();
    expect(codes.length).toBeGreaterThanOrEqual(29);
    expect(builtInCountries.map((c) => c.code).sort()).toEqual(codes);
    for (const country of builtInCountries) expect(readCountry(country.code).name, country.code).toBe(country.name);
    const names = builtInCountries.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('have the same emergency number as each file', () => {
    for (const { code } of builtInCountries) {
      expect(builtInLines(code).emergency, code).toBe(readCountry(code).emergency);
    }
  });

  it('list only lines that the files list, with the same numbers and sites', () => {
    for (const { code } of builtInCountries) {
      const file = readCountry(code);
      for (const line of builtInLines(code).lines) {
        const match = file.lines.find((l) => l.id === line.id);
        expect(match, `${code} ${line.id}`).toBeDefined();
        expect({ name: line.name, phone: line.phone, sms: line.sms, url: line.url }).toEqual({
          name: match?.name,
          phone: match?.phone,
          sms: match?.sms,
          url: match?.url,
        });
      }
    }
  });

  it('give the UK, Ireland and the US their national line, and 112 across the EU', () => {
    expect(builtInLines('GB')).toMatchObject({ emergency: '999', lines: [{ phone: '116 123' }] });
    expect(builtInLines('IE')).toMatchObject({ emergency: '112 or 999', lines: [{ phone: '116 123' }] });
    expect(builtInLines('US')).toMatchObject({ emergency: '911', lines: [{ phone: '988', sms: '988' }] });
    expect(builtInLines('DE')).toMatchObject({ emergency: '112', lines: [] });
  });

  it('were checked on the same day as the files', () => {
    expect(readCountry('GB').lastVerified).toBe(builtInCheckedOn);
  });
});
