/**
 * What the sync page and the app frame show of the sync: changes waiting in
 * the outbox, when the device last synced, and what the server refused.
 * Reads only the outbox, `rejected` and `meta` (never an entity schema), so
 * the app frame can show them without loading the screens' code.
 */
import type { RejectedChange, TequioDb } from './db';

/** Changes made here that the server has not acknowledged yet. */
export function countPending(db: TequioDb): Promise<number> {
  return db.outbox.count();
}

/** When the last complete sync ended (ISO), or null before the first. */
export async function readLastSyncAt(db: TequioDb): Promise<string | null> {
  return (await db.getMeta('lastSyncAt')) ?? null;
}

/** Changes the server refused, newest first. */
export function listRejected(db: TequioDb): Promise<RejectedChange[]> {
  return db.rejected.orderBy('key').reverse().toArray();
}
