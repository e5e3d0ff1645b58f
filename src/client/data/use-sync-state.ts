/** The sync's state for screens and the app frame (sync-state.repository.ts); no entity schema. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import { liveReadOr } from './device-bindings';
import * as syncState from './sync-state.repository';

export type { RejectedChange } from './db';

/** Changes waiting to be sent (0 while loading). */
export const usePendingCount = liveReadOr(syncState.countPending, 0);

export const useLastSyncAt = liveReadOr(syncState.readLastSyncAt, null);

/** Changes the server refused, newest first (empty while loading). */
export const useRejectedChanges = liveReadOr(syncState.listRejected, []);

/**
 * True once a sync completed on this device, false before; undefined until the database answered.
 * Screens that must not claim "up to date" or "no processes" before the first download read it.
 */
export function useEverSynced(): boolean | undefined {
  return useLiveQuery(async () => (await syncState.readLastSyncAt(getDb())) !== null, []);
}
