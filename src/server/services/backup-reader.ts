/**
 * Reads the body of a backup file during a restore (inside the restore
 * transaction): rows into their tables in file order, photos and audio
 * into the blob folder, and the end marker's counts checked against what
 * arrived — a file cut short or edited by hand fails here, and the whole
 * restore rolls back.
 */
import type { CellValue, TableInfo, TablesRepository } from '../repositories/tables.repository';
import { blobLineSchema, type BlobReceiver } from './backup-blobs';
import { BackupFormatError, decodeRow, RestoreError, tableLineSchema, trailerSchema } from './backup-format';

/** Rows buffered per insert. */
const BATCH_ROWS = 1000;

/** Rows go into their tables in file order; blobs into the blob folder; the end marker checks the counts. */
export async function loadBody(
  tables: TablesRepository,
  schema: TableInfo[],
  lines: AsyncIterator<{ value: unknown; lineNumber: number }>,
  blobs: BlobReceiver,
): Promise<{ rows: Record<string, number>; blobs: number }> {
  const byName = new Map(schema.map((t) => [t.name, t]));
  const rows: Record<string, number> = {};
  let current: { name: string; columns: string[]; buffer: CellValue[][] } | null = null;
  const flush = async () => {
    if (current && current.buffer.length > 0) {
      await tables.insert(current.name, current.columns, current.buffer);
      current.buffer = [];
    }
  };
  try {
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const { value, lineNumber } = next.value;
      if (typeof value === 'string') {
        await blobs.write(value, lineNumber);
        continue;
      }
      if (Array.isArray(value)) {
        if (!current || blobs.open) throw new BackupFormatError(lineNumber, 'a row outside a table');
        current.buffer.push(decodeRow(value, current.columns.length, lineNumber));
        rows[current.name] = (rows[current.name] ?? 0) + 1;
        if (current.buffer.length >= BATCH_ROWS) await flush();
        continue;
      }
      await flush();
      await blobs.finish();
      const blob = blobLineSchema.safeParse(value);
      if (blob.success) {
        current = null;
        await blobs.start(blob.data.blob, blob.data.size, lineNumber);
        continue;
      }
      const trailer = trailerSchema.safeParse(value);
      if (trailer.success) {
        checkCounts(trailer.data, rows, blobs.received, lineNumber);
        if ((await lines.next()).done !== true)
          throw new BackupFormatError(lineNumber + 1, 'data after the end');
        return { rows, blobs: blobs.received };
      }
      current = startTable(tableLineSchema.safeParse(value), byName, rows, lineNumber);
    }
  } finally {
    await blobs.abandon();
  }
  throw new RestoreError('the backup file is truncated (no end marker)');
}

function startTable(
  section: ReturnType<typeof tableLineSchema.safeParse>,
  byName: Map<string, TableInfo>,
  rows: Record<string, number>,
  lineNumber: number,
) {
  if (!section.success) throw new BackupFormatError(lineNumber, 'expected a table, a row, a blob or the end');
  const table = byName.get(section.data.table);
  if (!table) throw new RestoreError(`the backup has a table this schema does not: ${section.data.table}`);
  const extra = section.data.columns.find((c) => !table.columns.includes(c));
  if (extra) throw new RestoreError(`the backup has a column this schema does not: ${table.name}.${extra}`);
  if (table.name in rows) throw new BackupFormatError(lineNumber, `table ${table.name} twice`);
  rows[table.name] = 0;
  return { name: table.name, columns: section.data.columns, buffer: [] as CellValue[][] };
}

function checkCounts(
  trailer: { rows: Record<string, number>; blobs?: number },
  rows: Record<string, number>,
  blobs: number,
  lineNumber: number,
) {
  for (const name of new Set([...Object.keys(trailer.rows), ...Object.keys(rows)])) {
    if ((rows[name] ?? 0) !== (trailer.rows[name] ?? 0)) {
      throw new BackupFormatError(
        lineNumber,
        `table ${name}: ${rows[name] ?? 0} rows, expected ${trailer.rows[name] ?? 0}`,
      );
    }
  }
  if ((trailer.blobs ?? 0) !== blobs) {
    throw new BackupFormatError(lineNumber, `${blobs} blobs, expected ${trailer.blobs ?? 0}`);
  }
}
