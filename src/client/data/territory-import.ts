/**
 * The coordinator's territory import: reads a chosen GeoJSON file, checks it
 * is a FeatureCollection before sending it, and has the server import it.
 * Needs the network (ApiError with code `network` offline); the server makes
 * a re-import of the same file change nothing, so retrying is harmless.
 */
import { MAX_TERRITORY_BYTES, type TerritoryImportReport } from '../../domain';
import type { ApiClient } from '../net/api-client';
import { accountApi } from './account.repository';
import type { TequioDb } from './db';
import { ImportFileError } from './unsynced-import';

/** Parses and checks a chosen file; throws `ImportFileError` (nothing is sent). */
export async function readTerritoryFile(file: Blob): Promise<unknown> {
  if (file.size > MAX_TERRITORY_BYTES) throw new ImportFileError('too_large');
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    throw new ImportFileError('not_json');
  }
  const collection = json as { type?: unknown; features?: unknown } | null;
  if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new ImportFileError('wrong_format');
  }
  return json;
}

/** Sends a checked file to the server and returns its report. */
export async function importTerritoryFile(
  db: TequioDb,
  file: Blob,
  api: ApiClient = accountApi(db, '', 120_000),
): Promise<TerritoryImportReport> {
  return api.importTerritory(await readTerritoryFile(file));
}
