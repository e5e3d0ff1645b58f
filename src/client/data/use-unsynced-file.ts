/**
 * The "everything not yet synced" file for the sync page: exporting it from
 * this device (unsynced-file.repository.ts, works offline) and, for
 * coordinators, having the server import one (net/import-api.ts, needs the network).
 */
import { IMPORT_TIMEOUT_MS, importUnsyncedFile as sendUnsyncedFile } from '../net/import-api';
import { accountApi } from './account.repository';
import { getDb } from './current-db';
import { exportUnsyncedJson } from './unsynced-file.repository';

export type { ImportRejection, ImportReport } from '../../domain';
export { ImportFileError, type ImportFileProblem } from '../net/import-api';

/** The file to download: `{ fileName, json }`. */
export const exportUnsynced = () => exportUnsyncedJson(getDb());
/** Coordinators: applies a device's unsynced-changes file on the server. */
export const importUnsyncedFile = (file: Blob) =>
  sendUnsyncedFile(accountApi(getDb(), '', IMPORT_TIMEOUT_MS), file);
