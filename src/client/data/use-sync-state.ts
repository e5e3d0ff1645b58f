/** The sync's state for screens and the app frame (sync-state.repository.ts); no entity schema. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import type { RejectedChange } from './db';
import * as syncState from './sync-state.repository';

export type { RejectedChange } from './db';

/** Changes waiting to be sent (0 while loading). */
export function usePendingCount(): number {
  return useLiveQuery(() => syncState.countPending(getDb()), [], 0);
}

export function useLastSyncAt(): string | null {
  return useLiveQuery(() => syncState.readLastSyncAt(getDb()), [], null);
}

/** Changes the server refused, newest first (empty while loading). */
export function useRejectedChanges(): RejectedChange[] {
  return useLiveQuery(() => syncState.listRejected(getDb()), [], []);
}

/**
 * True once a sync completed on this device, false before; undefined until the database answered.
 * Screens that must not claim "up to date" or "no processes" before the first download read it.
 */
export function useEverSynced(): boolean | undefined {
  return useLiveQuery(async () => (await syncState.readLastSyncAt(getDb())) !== null, []);
}
