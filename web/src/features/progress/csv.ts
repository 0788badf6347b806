// Comma-separated values (RFC 4180) for the downloads: every cell quoted when it holds a quote,
// a comma or a line break, and any text cell that a spreadsheet would read as a formula (one
// starting with = + - @, a tab or a carriage return) prefixed with ' so it stays text. Numbers
// are written as numbers (a negative change is a number, not a formula). Lines end in CRLF.
// Pure functions.

export type CsvCell = string | number | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/** A header row and the rows, each line ending in CRLF. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => `${csvLine(row)}\r\n`).join('');
}
