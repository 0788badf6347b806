import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, toCsv } from './csv';

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('Box breathing')).toBe('Box breathing');
    expect(csvCell(4.5)).toBe('4.5');
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(0)).toBe('0');
  });

  it('writes nothing for a missing value or a number that is not finite', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes inside', () => {
    expect(csvCell('one, two')).toBe('"one, two"');
    expect(csvCell('she said "hello"')).toBe('"she said ""hello"""');
    expect(csvCell('first\nsecond')).toBe('"first\nsecond"');
    expect(csvCell('first\r\nsecond')).toBe('"first\r\nsecond"');
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe('"\'\rcmd"');
    // Only at the start.
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('toCsv', () => {
  it('writes a header row and each row on its own CRLF line', () => {
    expect(csvLine(['a', 1, null, 'x,y'])).toBe('a,1,,"x,y"');
    expect(toCsv(['name', 'value'], [['a', 1], ['=b', -2]])).toBe("name,value\r\na,1\r\n'=b,-2\r\n");
  });
});
