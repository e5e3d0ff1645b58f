/**
 * A workbook with one sheet per table (write-excel-file, which builds the
 * file in the browser or in Node): bold Spanish headers, numbers as numbers,
 * text as text — a cell is never read as a formula, so nothing typed in the
 * field runs when the file is opened.
 */
import writeXlsxFile, { type Cell, type Sheet, type SheetData } from 'write-excel-file/universal';
import type { CellValue, ExportTable } from './table';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function cell(value: CellValue): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? { value, type: Number } : null;
  if (typeof value === 'boolean') return { value: value ? 'sí' : 'no', type: String };
  return { value, type: String };
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique. */
export function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Hoja';
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)} ${i}`;
  taken.add(out.toLowerCase());
  return out;
}

export function xlsxSheets(tables: readonly ExportTable[]): Sheet<Blob>[] {
  const taken = new Set<string>();
  return tables.map((table) => {
    const data: SheetData = [
      table.headers.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map(cell)),
    ];
    return {
      data,
      sheet: sheetName(table.sheet, taken),
      columns: table.headers.map((h) => ({ width: Math.min(40, Math.max(10, h.length + 2)) })),
      stickyRowsCount: 1,
    };
  });
}

/** The workbook as a Blob of type XLSX. */
export async function encodeXlsx(tables: readonly ExportTable[]): Promise<Blob> {
  const blob = await writeXlsxFile(xlsxSheets(tables)).toBlob();
  return blob.type === XLSX_MIME ? blob : new Blob([blob], { type: XLSX_MIME });
}
