import { describe, expect, it } from 'vitest';
import { safeNextPath, withNext } from './next-path';

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query and hash', () => {
    expect(safeNextPath('/account')).toBe('/account');
    expect(safeNextPath('/journal?kind=trigger#top')).toBe('/journal?kind=trigger#top');
    expect(safeNextPath('/')).toBe('/');
  });

  it('refuses anything that could lead to another site', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/\tevil',
      ' /account',
      'account',
      '',
      undefined,
      null,
    ]) {
      expect(safeNextPath(value), String(value)).toBeUndefined();
    }
  });

  it('does not send the person back into the log-in pages', () => {
    expect(safeNextPath('/login')).toBeUndefined();
    expect(safeNextPath('/login/code?next=/x')).toBeUndefined();
    expect(safeNextPath('/signup/')).toBeUndefined();
  });
});

describe('withNext', () => {
  it('adds a safe destination, encoded', () => {
    expect(withNext('/login', '/account/two-factor')).toBe('/login?next=%2Faccount%2Ftwo-factor');
  });

  it('leaves out home and unsafe destinations', () => {
    expect(withNext('/login', '/')).toBe('/login');
    expect(withNext('/login', 'https://evil.example')).toBe('/login');
    expect(withNext('/login', undefined)).toBe('/login');
  });
});
