/** One entity as a table of an export: its file name, its sheet name, Spanish headers and rows. */
export type CellValue = string | number | boolean | null | undefined;

export interface ExportTable {
  /** File name without extension (`sesiones`). */
  name: string;
  /** Sheet name in the workbook (≤ 31 characters). */
  sheet: string;
  headers: string[];
  rows: CellValue[][];
}

/** The groups of coded values an export writes with their label alongside. */
export type LabelGroup =
  | 'stage'
  | 'theme'
  | 'sessionType'
  | 'management'
  | 'term'
  | 'kind'
  | 'gender'
  | 'age'
  | 'agreementStatus'
  | 'severity'
  | 'moment'
  | 'party';

/** A code's label in the export's language (the office passes the Spanish vocabulary). */
export type Labeller = (group: LabelGroup, code: string) => string;
