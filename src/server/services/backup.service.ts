/**
 * Backup and restore of the whole server database in the portable format of
 * backup-format.ts (SQLite → PostgreSQL and back).
 *
 * Backup reads every table inside ONE read-only transaction (a consistent
 * snapshot even while devices keep pushing: SQLite's WAL and PostgreSQL's
 * repeatable read both pin it), writes to a temporary file, flushes it to
 * disk and only then renames it to the requested name, so a crash never
 * leaves a half-written file that looks like a backup.
 *
 * Restore replaces everything in ONE transaction: it drops every table,
 * rebuilds the schema the backup was made with (running the migrations the
 * backup lists), loads the rows, runs any newer migrations over them, and
 * gives the database a NEW sync epoch. If anything fails (a truncated file,
 * a row that does not fit) the transaction rolls back and the database is
 * exactly as before. The new epoch makes every device re-send what it holds
 * (changes made after the backup was taken come back from the tablets) and
 * pull from the start, so a restore loses nothing the devices still have.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline as pipelineCallback, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { DatabaseHandle } from '../db/database';
import { migrations } from '../db/migrations';
import { createMetaRepository } from '../repositories/meta.repository';
import { createTablesRepository, type CellValue } from '../repositories/tables.repository';
import { createTokensRepository } from '../repositories/tokens.repository';
import { blobLines, createBlobReceiver } from './backup-blobs';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupHeaderSchema,
  encodeCell,
  jsonLines,
  RestoreError,
  type BackupHeader,
} from './backup-format';
import { loadBody } from './backup-reader';

export { RestoreError };

/** Rows read per query while dumping. */
const PAGE_SIZE = 1000;

export interface BackupOptions {
  /** Include the photo and audio files stored here; null leaves them out (copy the folder yourself). */
  blobDir: string | null;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  epoch: string | null;
  migrations: string[];
  rows: Record<string, number>;
  blobs: number;
}

export interface RestoreSummary {
  /** When and from which storage the backup was made. */
  backupCreatedAt: string;
  backupStorage: string;
  /** The new sync epoch: devices notice it and re-send what they hold. */
  epoch: string;
  rows: Record<string, number>;
  blobs: number;
  /** Devices signed out by `revokeDevices`. */
  revokedDevices: number;
}

export interface RestoreOptions {
  /** Where the backup's photo and audio files go. */
  blobDir: string;
  /** Sign every device out (a token revoked after the backup was made would otherwise work again). */
  revokeDevices?: boolean;
}

const knownMigrations = () => Object.keys(migrations).sort();

async function* dumpLines(
  tables: ReturnType<typeof createTablesRepository>,
  header: BackupHeader,
  rows: Record<string, number>,
  blobs: { dir: string | null; count: number },
): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const table of await tables.list()) {
    yield `${JSON.stringify({ table: table.name, columns: table.columns })}\n`;
    let count = 0;
    let after: CellValue[] | number | null = null;
    for (;;) {
      const page = await tables.page(table, after, PAGE_SIZE);
      let text = '';
      for (const row of page) text += `${JSON.stringify(table.columns.map((c) => encodeCell(row[c])))}\n`;
      if (text) yield text;
      count += page.length;
      if (page.length < PAGE_SIZE) break;
      const last = page[page.length - 1]!;
      after = table.primaryKey.length > 0 ? table.primaryKey.map((c) => last[c] ?? null) : count;
    }
    rows[table.name] = count;
  }
  if (blobs.dir) yield* blobLines(blobs.dir, blobs);
  yield `${JSON.stringify({ end: true, rows, blobs: blobs.count })}\n`;
}

async function flushToDisk(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function checkMigrations(header: BackupHeader): void {
  const known = knownMigrations();
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new RestoreError(
      `the backup was made by a newer version of Tequio (migration ${unknown[0]}); update this server first`,
    );
  }
  if (header.migrations.some((m, i) => known[i] !== m)) {
    throw new RestoreError('the backup lists its migrations out of order; it was not made by Tequio');
  }
}

export function createBackupService(handle: DatabaseHandle) {
  /** Writes a consistent backup of every table to `file` (replacing it only once complete). */
  async function backup(file: string, options: BackupOptions): Promise<BackupSummary> {
    const target = path.resolve(file);
    const partial = `${target}.partial-${process.pid}`;
    const rows: Record<string, number> = {};
    const blobs = { dir: options.blobDir, count: 0 };
    let header: BackupHeader;
    try {
      header = await handle.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx) => {
          const tables = createTablesRepository(trx, handle.storage);
          const snapshot: BackupHeader = {
            format: BACKUP_FORMAT,
            version: BACKUP_VERSION,
            createdAt: new Date().toISOString(),
            storage: handle.storage,
            migrations: await tables.appliedMigrations(),
            epoch: (await createMetaRepository(trx).get('epoch')) ?? null,
          };
          if (snapshot.migrations.length === 0)
            throw new Error('no Tequio database here: nothing to back up');
          await pipeline(
            Readable.from(dumpLines(tables, snapshot, rows, blobs)),
            createGzip(),
            createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
          );
          return snapshot;
        });
      await flushToDisk(partial);
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return {
      file: target,
      bytes: (await stat(target)).size,
      epoch: header.epoch,
      migrations: header.migrations,
      rows,
      blobs: blobs.count,
    };
  }

  /** Replaces the whole database with the backup in `file`, in one transaction, under a new epoch. */
  async function restore(file: string, options: RestoreOptions): Promise<RestoreSummary> {
    // pipeline, not pipe: a read error (no such file) must reach the reader, not crash the process.
    const input = pipelineCallback(createReadStream(path.resolve(file)), createGunzip(), () => undefined);
    const lines = jsonLines(input)[Symbol.asyncIterator]();
    try {
      const first = await lines.next();
      const header = backupHeaderSchema.safeParse(first.done ? undefined : first.value.value);
      if (!header.success) throw new RestoreError('this file is not a Tequio backup');
      checkMigrations(header.data);
      return await handle.db.transaction().execute(async (trx) => {
        const tables = createTablesRepository(trx, handle.storage);
        for (const table of (await tables.list()).reverse()) await tables.drop(table.name);
        const known = knownMigrations();
        for (const name of known.slice(0, header.data.migrations.length)) await migrations[name]!.up(trx);
        const schema = await tables.list();
        // Migrations seed rows (the first epoch, the sequence): the backup brings its own.
        for (const table of [...schema].reverse()) await tables.deleteAll(table.name);

        const { rows, blobs } = await loadBody(tables, schema, lines, createBlobReceiver(options.blobDir));
        for (const name of known.slice(header.data.migrations.length)) await migrations[name]!.up(trx);

        const epoch = randomUUID();
        const now = new Date().toISOString();
        const meta = createMetaRepository(trx);
        await meta.set('epoch', epoch);
        await meta.set('restored_at', now);
        await meta.set('restored_from', header.data.createdAt);
        const revokedDevices = options.revokeDevices ? await createTokensRepository(trx).revokeAll(now) : 0;
        return {
          backupCreatedAt: header.data.createdAt,
          backupStorage: header.data.storage,
          epoch,
          rows,
          blobs,
          revokedDevices,
        };
      });
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'Z_BUF_ERROR') {
        throw new RestoreError('the backup file is truncated');
      }
      if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_')) {
        throw new RestoreError('the backup file is damaged (not valid gzip)');
      }
      throw error;
    } finally {
      await lines.return?.(undefined);
    }
  }

  return { backup, restore };
}
