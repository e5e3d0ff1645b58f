/**
 * Storage safety for screens and the app frame's sync indicator
 * (storage.repository.ts): reads no entity schema.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from './current-db';
import * as storage from './storage.repository';
import type { DeviceStorage, StorageInfo, UnsyncedInfo } from './storage.repository';

export type { StorageInfo, StorageRisk } from './storage.repository';
export { hasOldUnsyncedChanges, storageRisks, STORAGE_THRESHOLDS } from './storage.repository';

const NOTHING_WAITING: UnsyncedInfo = { pendingCount: 0, pendingBlobs: 0, oldestUnsyncedAt: null };
const UNKNOWN_STORAGE: DeviceStorage = { persisted: null, usage: null, quota: null };
const REFRESH_MS = 60_000;

/** Storage use, persistence and the age of the oldest unsynced change; re-read as data changes. */
export function useStorageInfo(): StorageInfo {
  const unsynced = useLiveQuery(() => storage.readUnsynced(getDb()), [], NOTHING_WAITING);
  const [device, setDevice] = useState<DeviceStorage>(UNKNOWN_STORAGE);
  const waiting = unsynced.pendingCount + unsynced.pendingBlobs;
  useEffect(() => {
    let active = true;
    const refresh = () => {
      storage.readDeviceStorage(getDb()).then(
        (next) => active && setDevice(next),
        () => undefined,
      );
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [waiting]); // usage grows with what is saved
  return { ...device, ...unsynced };
}

/** Asks once for persistent storage (after sign-in); the answer is remembered. */
export const requestPersistentStorage = () => storage.requestPersistentStorage(getDb());
