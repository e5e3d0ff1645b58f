/**
 * Storage safety on the device. Unsynced changes live only here until the
 * server has them, so the user must see when they are at risk — and only
 * then, or the warning means nothing: the browser may evict a site's data
 * under storage pressure unless it was granted persistent storage (a risk
 * once changes have waited long), a nearly full quota makes the next save
 * fail, and a session the server refuses keeps changes from leaving.
 *
 * Everything here reads the device only and works offline. Persistent
 * storage is requested once after sign-in and the answer is remembered in
 * `meta`, so a browser that says no is not asked again on every visit.
 *
 * Part of the app frame (the sync indicator): reads no entity schema.
 */
import type { TequioDb } from './db';

/** The part of `navigator.storage` we use (every method may be missing in older browsers). */
export interface StorageManagerLike {
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
}

export function browserStorage(): StorageManagerLike | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

export interface UnsyncedInfo {
  /** Changes in the outbox. */
  pendingCount: number;
  /** Photos and audio the server has not confirmed yet. */
  pendingBlobs: number;
  /** When the oldest of those was made (ISO-8601), or null when nothing waits. */
  oldestUnsyncedAt: string | null;
}

export interface DeviceStorage {
  /** Whether the browser keeps this site's data under pressure; null where it cannot tell. */
  persisted: boolean | null;
  /** Bytes used and available to this site; null where the browser does not say. */
  usage: number | null;
  quota: number | null;
}

export type StorageInfo = UnsyncedInfo & DeviceStorage;

export const STORAGE_THRESHOLDS = {
  /**
   * Unsynced changes older than this, on storage the browser may evict, are at risk (a wiped
   * tablet loses a day of fieldwork). Younger ones are the normal state of a day offline.
   */
  maxUnsyncedAgeMs: 24 * 60 * 60 * 1000,
  /** Above this share of the quota, saving photos may soon fail. */
  maxUsageRatio: 0.8,
} as const;

/**
 * What really risks losing data, each with its own way out (shown on /sync):
 * - `unprotected_old_changes`: the browser may evict this site's data (storage not
 *   persistent) and changes have waited longer than `maxUnsyncedAgeMs` → sync, or export;
 * - `nearly_full`: the quota is nearly used up, the next save may fail → sync, free space;
 * - `session_refused`: the server refuses this device's session (revoked token, expired
 *   session) while changes wait → sign in again to send them.
 * Changes waiting offline are not a risk: they are how the app works in the field.
 */
export type StorageRisk = 'unprotected_old_changes' | 'nearly_full' | 'session_refused';

/** What storage cannot know by itself: whether the server still accepts this device's session. */
export interface RiskContext {
  sessionRefused?: boolean;
}

/** True when the oldest unsynced change has waited longer than the threshold. */
export function hasOldUnsyncedChanges(info: UnsyncedInfo, now: number): boolean {
  return (
    info.oldestUnsyncedAt !== null &&
    now - Date.parse(info.oldestUnsyncedAt) > STORAGE_THRESHOLDS.maxUnsyncedAgeMs
  );
}

/** What puts unsynced data at risk right now (empty when all is well, including while changes wait offline). */
export function storageRisks(info: StorageInfo, now: number, context: RiskContext = {}): StorageRisk[] {
  const risks: StorageRisk[] = [];
  const waiting = info.pendingCount + info.pendingBlobs > 0;
  // Unknown persistence (a browser without the API) is not reported as a risk.
  if (info.persisted === false && hasOldUnsyncedChanges(info, now)) risks.push('unprotected_old_changes');
  if (info.usage !== null && info.quota && info.usage / info.quota > STORAGE_THRESHOLDS.maxUsageRatio) {
    risks.push('nearly_full');
  }
  if (context.sessionRefused && waiting) risks.push('session_refused');
  return risks;
}

interface PendingBlobRow {
  createdAt?: string;
}

function hasBlobsTable(db: TequioDb): boolean {
  return db.tables.some((t) => t.name === 'blobs');
}

/** How much waits to be synced and since when. */
export async function readUnsynced(db: TequioDb): Promise<UnsyncedInfo> {
  const withBlobs = hasBlobsTable(db);
  const tables = withBlobs ? [db.outbox, db.table('blobs')] : [db.outbox];
  return db.transaction('r', tables, async () => {
    const pendingCount = await db.outbox.count();
    // Mutation ids grow with time, so the first one is the oldest (an epoch reset re-queues all at once).
    const first = await db.outbox.orderBy('id').first();
    let oldest = first?.createdAt ?? null;
    let pendingBlobs = 0;
    if (withBlobs) {
      const blobs = db.table<PendingBlobRow, string>('blobs').where('status').equals('pending');
      await blobs.each((row) => {
        pendingBlobs++;
        if (row.createdAt && (oldest === null || row.createdAt < oldest)) oldest = row.createdAt;
      });
    }
    return { pendingCount, pendingBlobs, oldestUnsyncedAt: oldest };
  });
}

/** Persistence and quota as the browser reports them (the remembered answer where it cannot say). */
export async function readDeviceStorage(
  db: TequioDb,
  manager: StorageManagerLike | null = browserStorage(),
): Promise<DeviceStorage> {
  let persisted: boolean | null = (await db.getMeta('storagePersisted')) ?? null;
  let usage: number | null = null;
  let quota: number | null = null;
  try {
    if (manager?.persisted) persisted = await manager.persisted();
    if (manager?.estimate) {
      const estimate = await manager.estimate();
      usage = typeof estimate.usage === 'number' ? estimate.usage : null;
      quota = typeof estimate.quota === 'number' && estimate.quota > 0 ? estimate.quota : null;
    }
  } catch {
    // Some browsers refuse these in private mode: show what we know.
  }
  return { persisted, usage, quota };
}

/**
 * Asks the browser to keep this site's data even under storage pressure.
 * Asked once per device: the answer is remembered and not asked again.
 * Returns whether storage is persistent (null where the browser has no such API).
 */
export async function requestPersistentStorage(
  db: TequioDb,
  manager: StorageManagerLike | null = browserStorage(),
): Promise<boolean | null> {
  if (!manager?.persist) return null;
  try {
    if (manager.persisted && (await manager.persisted())) {
      await db.setMeta('storagePersisted', true);
      return true;
    }
    const remembered = await db.getMeta('storagePersisted');
    if (remembered !== null) return remembered;
    const granted = await manager.persist();
    await db.setMeta('storagePersisted', granted);
    return granted;
  } catch {
    return null;
  }
}
