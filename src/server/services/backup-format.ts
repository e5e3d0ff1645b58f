/**
 * The backup file: gzip-compressed JSON lines, the same for SQLite and
 * PostgreSQL so a backup taken from one restores into the other.
 *
 *   {"format":"tequio-backup","version":1,"createdAt":…,"storage":…,"migrations":[…],"epoch":…}
 *   {"table":"users","columns":["id","username",…]}
 *   ["0b6c…","rosa",…]                       ← one line per row, values in column order
 *   {"table":"device_tokens","columns":[…]}
 *   …
 *   {"blob":"<sha256>","size":…} "<base64>" …  ← photos and audio (backup-blobs.ts)
 *   {"end":true,"rows":{"users":3,…},"blobs":2} ← without it the file is truncated
 *
 * Cells are strings, numbers or null; bytes (none today) are `{"$bytes":"<base64>"}`.
 * Tables come parents first, so rows can be inserted in file order.
 */
import { StringDecoder } from 'node:string_decoder';
import { z } from 'zod';
import type { CellValue } from '../repositories/tables.repository';

export const BACKUP_FORMAT = 'tequio-backup';
export const BACKUP_VERSION = 1;

const identifier = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z_][a-z0-9_]*$/);

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  storage: z.enum(['sqlite', 'postgres']),
  migrations: z.array(z.string().min(1).max(255)),
  epoch: z.string().nullable(),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const tableLineSchema = z.object({ table: identifier, columns: z.array(identifier).min(1) });
export const trailerSchema = z.object({
  end: z.literal(true),
  rows: z.record(identifier, z.number().int().min(0)),
  blobs: z.number().int().min(0).optional(),
});

const bytesCell = z.object({ $bytes: z.base64() });
const cellSchema = z.union([z.string(), z.number(), z.null(), bytesCell]);
const rowSchema = z.array(cellSchema);

/** A line that is not what the format allows, with its 1-based number. */
export class BackupFormatError extends Error {
  constructor(lineNumber: number, problem: string) {
    super(`backup file, line ${lineNumber}: ${problem}`);
    this.name = 'BackupFormatError';
  }
}

/** A backup that cannot be restored here (wrong file, newer version); the message is for the operator. */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

export function encodeCell(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  return value ?? null;
}

export function decodeRow(line: unknown, width: number, lineNumber: number): CellValue[] {
  const parsed = rowSchema.safeParse(line);
  if (!parsed.success || parsed.data.length !== width) {
    throw new BackupFormatError(lineNumber, `expected a row of ${width} values`);
  }
  return parsed.data.map((cell) =>
    cell !== null && typeof cell === 'object' ? Buffer.from(cell.$bytes, 'base64') : cell,
  );
}

/** JSON per line, with its line number; a line that is not JSON is a format error. */
export async function* jsonLines(
  chunks: AsyncIterable<Buffer | string>,
): AsyncGenerator<{ value: unknown; lineNumber: number }> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNumber = 0;
  const parse = (text: string) => {
    lineNumber += 1;
    try {
      return { value: JSON.parse(text) as unknown, lineNumber };
    } catch {
      throw new BackupFormatError(lineNumber, 'not JSON');
    }
  };
  for await (const chunk of chunks) {
    const lines = (pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk))).split('\n');
    pending = lines.pop() ?? '';
    for (const text of lines) if (text.trim() !== '') yield parse(text);
  }
  pending += decoder.end();
  if (pending.trim() !== '') yield parse(pending);
}
