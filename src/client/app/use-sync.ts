/**
 * The one place React meets the sync engine: a hook over its status store.
 * The engine (and the record schemas it validates with) is its own chunk,
 * loaded when sync starts, so it is not part of the first download; until
 * it is there the status reads as idle.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { getDb } from '../data/current-db';
import type { SyncEngine, SyncStatus } from '../sync/sync-engine';

export type { SyncStatus } from '../sync/sync-engine';

const status = createStore<SyncStatus>(() => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  phase: 'idle',
  lastSyncAt: null,
  lastError: null,
  clockSkewMs: null,
  restamped: null,
}));

let engine: Promise<SyncEngine> | null = null;

function getEngine(): Promise<SyncEngine> {
  engine ??= import('../sync/sync-engine').then(({ createSyncEngine }) => {
    const created = createSyncEngine({ db: getDb() });
    status.setState(created.getStatus(), true);
    created.store.subscribe((next) => status.setState(next, true));
    return created;
  });
  return engine;
}

/** Starts background sync (idempotent). */
export function startSync(): void {
  void getEngine().then((current) => current.start());
}

/**
 * After a new sign-in on this device (a renewed or replaced token): sync at
 * once if the engine stopped for want of a valid session, so the changes
 * that waited on the device go out now rather than at the next periodic cycle.
 */
export function resumeSyncAfterSignIn(): void {
  void getEngine().then((current) => {
    if (current.getStatus().phase === 'needs_login') void current.syncNow();
  });
}

/** Syncs now (the "Sincronizar ahora" button). */
export function syncNow(): void {
  void getEngine().then((current) => current.syncNow());
}

export function useSyncStatus(): SyncStatus {
  return useStore(status);
}
