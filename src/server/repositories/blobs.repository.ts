/**
 * What the database knows about blobs: which are stored (type and size,
 * for GET) and who uploaded them (for read access before any record that
 * references them has synced), and which records reference a hash.
 *
 * Both inserts ignore duplicates, so a retried or repeated upload is
 * harmless. The bytes themselves are in blob-store.ts; a row without its
 * file (a database restored without the blob folder) counts as missing.
 */
import { collectBlobHashes, type Fields } from '../../domain';
import type { Db } from '../db/database';
import type { RecordFilter } from './records.repository';

export interface BlobRow {
  sha256: string;
  mime: string;
  size: number;
  createdAt: string;
}

const SHA = /^[0-9a-f]{64}$/;

export function createBlobsRepository(db: Db) {
  return {
    async get(sha256: string): Promise<BlobRow | undefined> {
      const row = await db.selectFrom('blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
      return row && { sha256: row.sha256, mime: row.mime, size: Number(row.size), createdAt: row.created_at };
    },

    async insert(blob: { sha256: string; mime: string; size: number }, now: string): Promise<void> {
      await db
        .insertInto('blobs')
        .values({ sha256: blob.sha256, mime: blob.mime, size: blob.size, created_at: now })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
    },

    async recordUpload(sha256: string, userId: string, now: string): Promise<void> {
      await db
        .insertInto('blob_uploads')
        .values({ sha256, user_id: userId, created_at: now })
        .onConflict((oc) => oc.columns(['sha256', 'user_id']).doNothing())
        .execute();
    },

    async hasUploaded(sha256: string, userId: string): Promise<boolean> {
      const row = await db
        .selectFrom('blob_uploads')
        .select('sha256')
        .where('sha256', '=', sha256)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Whether a live record visible through `filter` references the blob.
     * Fields are JSON text, so a LIKE on `"sha256":"<hex>"` finds the
     * candidates (hex has no LIKE wildcards) and parsing confirms them.
     */
    async isReferenced(sha256: string, filter: RecordFilter): Promise<boolean> {
      if (!SHA.test(sha256)) return false;
      let query = db
        .selectFrom('records')
        .select('fields')
        .where('deleted', '=', 0)
        .where('fields', 'like', `%"sha256":"${sha256}"%`)
        .limit(20);
      if (!filter.all) {
        const { referenceEntities, processIds } = filter;
        if (referenceEntities.length === 0 && processIds.length === 0) return false;
        query = query.where((eb) => {
          const visible = [];
          if (referenceEntities.length > 0) visible.push(eb('entity', 'in', referenceEntities));
          if (processIds.length > 0) visible.push(eb('process_id', 'in', processIds));
          return eb.or(visible);
        });
      }
      const rows = await query.execute();
      return rows.some((row) => collectBlobHashes(JSON.parse(row.fields) as Fields).has(sha256));
    },
  };
}

export type BlobsRepository = ReturnType<typeof createBlobsRepository>;
