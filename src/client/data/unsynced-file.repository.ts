/**
 * "Export everything not yet synced": the last resort when a device cannot
 * sync for too long or its storage is at risk. The file holds the outbox,
 * every record a pending change touches (merged fields with the hlc of each
 * field) and the photos the server has not confirmed. A coordinator imports
 * it on the server, which merges it like a push — so the file stays valid
 * even if the device syncs later on its own: nothing is applied twice.
 *
 * Reading only: exporting changes nothing on the device, and the outbox
 * keeps every change until the server acknowledges it. Never includes the
 * device's token.
 */
import {
  isEntityName,
  UNSYNCED_FILE_FORMAT,
  UNSYNCED_FILE_VERSION,
  type ExportedBlob,
  type ExportedRecord,
  type UnsyncedFile,
} from '../../domain';
import type { OutboxEntry, StoredRecord, TequioDb } from './db';

interface BlobRow {
  sha256: string;
  mime: string;
  bytes: Blob | ArrayBuffer | Uint8Array;
  status: string;
}

async function toBase64(bytes: BlobRow['bytes']): Promise<string> {
  const buffer =
    bytes instanceof Uint8Array
      ? bytes
      : new Uint8Array(bytes instanceof ArrayBuffer ? bytes : await bytes.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000; // String.fromCharCode takes a limited number of arguments
  for (let i = 0; i < buffer.length; i += CHUNK) {
    binary += String.fromCharCode(...buffer.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** The file's content: a snapshot taken in one read transaction, so records and outbox agree. */
export async function buildUnsyncedExport(db: TequioDb, now: Date = new Date()): Promise<UnsyncedFile> {
  const withBlobs = db.tables.some((t) => t.name === 'blobs');
  const tables = [db.outbox, db.meta, ...db.entityTables(), ...(withBlobs ? [db.table('blobs')] : [])];
  const snapshot = await db.transaction('r', tables, async () => {
    const mutations: OutboxEntry[] = await db.outbox.orderBy('id').toArray();
    const records: Record<string, ExportedRecord[]> = {};
    const seen = new Set<string>();
    for (const m of mutations) {
      const key = `${m.entity}:${m.recordId}`;
      if (seen.has(key) || !isEntityName(m.entity)) continue;
      seen.add(key);
      const record: StoredRecord | undefined = await db.tableFor(m.entity).get(m.recordId);
      if (record) (records[m.entity] ??= []).push(record);
    }
    const blobs: BlobRow[] = withBlobs
      ? await db.table<BlobRow, string>('blobs').where('status').equals('pending').toArray()
      : [];
    const account = await db.getMeta('account');
    return {
      mutations,
      records,
      blobs,
      clientId: (await db.getMeta('clientId')) ?? '',
      user: account?.user ?? null,
    };
  });

  // Reading the bytes is not an IndexedDB request, so it happens after the transaction.
  const blobs: ExportedBlob[] = [];
  for (const row of snapshot.blobs) {
    blobs.push({ sha256: row.sha256, mime: row.mime, base64: await toBase64(row.bytes) });
  }
  return {
    format: UNSYNCED_FILE_FORMAT,
    version: UNSYNCED_FILE_VERSION,
    exportedAt: now.toISOString(),
    clientId: snapshot.clientId,
    user: snapshot.user,
    mutations: snapshot.mutations,
    records: snapshot.records,
    ...(withBlobs ? { blobs } : {}),
  };
}

/** `tequio-pendientes-2026-11-20.json`, dated on the device's own calendar. */
export function unsyncedExportFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tequio-pendientes-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/** The file as JSON text, ready to download. */
export async function exportUnsyncedJson(db: TequioDb, now: Date = new Date()) {
  const file = await buildUnsyncedExport(db, now);
  return { fileName: unsyncedExportFileName(now), json: JSON.stringify(file), file };
}
