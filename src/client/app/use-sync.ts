/** The one place React meets the sync engine: a hook over its status store. */
import { useStore } from 'zustand';
import { getDb } from '../data';
import { createSyncEngine, type SyncEngine, type SyncStatus } from '../sync/sync-engine';

export type { SyncStatus } from '../sync/sync-engine';

let engine: SyncEngine | null = null;

function getEngine(): SyncEngine {
  engine ??= createSyncEngine({ db: getDb() });
  return engine;
}

/** Starts background sync (idempotent). */
export function startSync(): void {
  getEngine().start();
}

/**
 * After a new sign-in on this device (a renewed or replaced token): sync at
 * once if the engine stopped for want of a valid session, so the changes
 * that waited on the device go out now rather than at the next periodic cycle.
 */
export function resumeSyncAfterSignIn(): void {
  const current = getEngine();
  if (current.getStatus().phase === 'needs_login') void current.syncNow();
}

/** Syncs now (the "Sincronizar ahora" button). */
export function syncNow(): void {
  void getEngine().syncNow();
}

export function useSyncStatus(): SyncStatus {
  return useStore(getEngine().store);
}
