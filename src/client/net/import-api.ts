/**
 * Files a coordinator has the server import: a device's unsynced-changes
 * file (the server merges it like a push) and the borough's neighbourhood
 * units as GeoJSON. Each file is read and checked here before anything is
 * sent; both need the network (`ApiError` code `network` offline), and the
 * server makes a second import of the same file harmless.
 */
import {
  MAX_IMPORT_BYTES,
  MAX_TERRITORY_BYTES,
  unsyncedFileSchema,
  type ImportReport,
  type TerritoryImportReport,
  type UnsyncedFile,
} from '../../domain';
import type { ApiClient } from './api-client';

/** A large file on a field connection takes a while. */
export const IMPORT_TIMEOUT_MS = 120_000;

export type ImportFileProblem = 'too_large' | 'not_json' | 'wrong_format';

/** A file that is not what the import expects (nothing was sent). */
export class ImportFileError extends Error {
  constructor(readonly problem: ImportFileProblem) {
    super(`not an importable file: ${problem}`);
    this.name = 'ImportFileError';
  }
}

async function readJson(file: Blob, maxBytes: number): Promise<unknown> {
  if (file.size > maxBytes) throw new ImportFileError('too_large');
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new ImportFileError('not_json');
  }
}

/** Parses and checks a device's unsynced-changes file; throws `ImportFileError`. */
export async function readUnsyncedFile(file: Blob): Promise<UnsyncedFile> {
  const parsed = unsyncedFileSchema.safeParse(await readJson(file, MAX_IMPORT_BYTES));
  if (!parsed.success) throw new ImportFileError('wrong_format');
  return parsed.data;
}

/** Sends a checked unsynced-changes file to the server and returns its report. */
export async function importUnsyncedFile(api: ApiClient, file: Blob): Promise<ImportReport> {
  return api.importUnsynced(await readUnsyncedFile(file));
}

/** Parses and checks a GeoJSON FeatureCollection of units; throws `ImportFileError`. */
export async function readTerritoryFile(file: Blob): Promise<unknown> {
  const json = await readJson(file, MAX_TERRITORY_BYTES);
  const collection = json as { type?: unknown; features?: unknown } | null;
  if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new ImportFileError('wrong_format');
  }
  return json;
}

/** Sends a checked territory file to the server and returns its report. */
export async function importTerritoryFile(api: ApiClient, file: Blob): Promise<TerritoryImportReport> {
  return api.importTerritory(await readTerritoryFile(file));
}
