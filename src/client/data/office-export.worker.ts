/**
 * Encodes the office's large exports (XLSX workbook, CSV zip) off the page's
 * thread, so the screen keeps answering while a borough's data is written.
 * Gets the tables, answers with the file's bytes as a Blob.
 */
import { encodeCsvZip } from '../../domain/exports/csv';
import type { ExportTable } from '../../domain/exports/table';
import { encodeXlsx } from '../../domain/exports/xlsx';

export interface EncodeRequest {
  kind: 'xlsx' | 'csv';
  tables: ExportTable[];
}
export type EncodeAnswer = { ok: true; blob: Blob } | { ok: false; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<EncodeRequest>) => void) | null;
  postMessage(answer: EncodeAnswer): void;
};

scope.onmessage = (event) => {
  const { kind, tables } = event.data;
  const encode = async (): Promise<Blob> =>
    kind === 'xlsx'
      ? encodeXlsx(tables)
      : new Blob([encodeCsvZip(tables) as BlobPart], { type: 'application/zip' });
  encode().then(
    (blob) => scope.postMessage({ ok: true, blob }),
    (error: unknown) =>
      scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
