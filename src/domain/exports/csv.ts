/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents
 * right), comma-separated, CRLF rows, RFC 4180 quoting — and any field with a
 * `;` (the list separator of many Spanish-language Excels), a quote or a line
 * break is quoted too. Text that starts like a formula (`=`, `+`, `-`, `@`,
 * tab, carriage return) is neutralised with a leading `'`, so opening the file
 * never runs what someone typed in the field. Numbers stay numbers.
 */
import Papa from 'papaparse';
import { zipSync, strToU8 } from 'fflate';
import type { ExportTable } from './table';

export const CSV_BOM = '\uFEFF';

/**
 * Text a spreadsheet would read as a formula. Papaparse's own pattern
 * (`/^[=+\-@\t\r].*$/`) misses such text when it holds a line break (`.`
 * stops at it), so ours checks only the first character.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

const NEEDS_QUOTES = /[;",\r\n]/;

export function encodeCsv(table: Pick<ExportTable, 'headers' | 'rows'>): string {
  const body = Papa.unparse(
    { fields: table.headers, data: table.rows.map((row) => row.map((v) => (v === undefined ? null : v))) },
    {
      newline: '\r\n',
      escapeFormulae: FORMULA_START,
      quotes: (value: unknown) => typeof value === 'string' && NEEDS_QUOTES.test(value),
    },
  );
  return `${CSV_BOM}${body}\r\n`;
}

/** One CSV per table in a zip (`<name>.csv`), plus any extra files (e.g. a README). */
export function encodeCsvZip(tables: readonly ExportTable[], extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const table of tables) files[`${table.name}.csv`] = strToU8(encodeCsv(table));
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files, { level: 6 });
}
