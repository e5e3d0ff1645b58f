/**
 * The coordinator's side of "export everything not yet synced": reads a
 * device's file, checks it is one of ours before sending it, and has the
 * server apply it. Needs the network; the server's merge makes a second
 * import of the same file harmless.
 */
import { MAX_IMPORT_BYTES, unsyncedFileSchema, type ImportReport, type UnsyncedFile } from '../../domain';
import type { ApiClient } from '../net/api-client';
import { accountApi } from './account.repository';
import type { TequioDb } from './db';

export type ImportFileProblem = 'too_large' | 'not_json' | 'wrong_format';

/** A file that is not a Tequio unsynced-changes file (nothing was sent). */
export class ImportFileError extends Error {
  constructor(readonly problem: ImportFileProblem) {
    super(`not an importable file: ${problem}`);
    this.name = 'ImportFileError';
  }
}

/** Parses and checks a chosen file; throws `ImportFileError`. */
export async function readUnsyncedFile(file: Blob): Promise<UnsyncedFile> {
  if (file.size > MAX_IMPORT_BYTES) throw new ImportFileError('too_large');
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    throw new ImportFileError('not_json');
  }
  const parsed = unsyncedFileSchema.safeParse(json);
  if (!parsed.success) throw new ImportFileError('wrong_format');
  return parsed.data;
}

/** Sends a checked file to the server and returns its report (throws `ApiError`, code `network` offline). */
export async function importUnsyncedFile(
  db: TequioDb,
  file: Blob,
  api: ApiClient = accountApi(db, '', 120_000),
): Promise<ImportReport> {
  return api.importUnsynced(await readUnsyncedFile(file));
}
