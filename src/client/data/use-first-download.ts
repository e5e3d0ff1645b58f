/**
 * Whether this device has ever completed a sync, for the screens that must not
 * claim "up to date" or "no processes" before its first download (the sync
 * indicator, the processes list). Reads only `meta`, so the app frame can use it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';

/** True once a sync completed on this device, false before; undefined until the database answered. */
export function useEverSynced(): boolean | undefined {
  return useLiveQuery(async () => (await getDb().getMeta('lastSyncAt')) !== null, []);
}
