/**
 * The part of the data API the app frame needs on every screen (header,
 * sign-in check, sync indicator, user menu). It reads only the account,
 * meta and outbox tables and never the entity schemas, so the first
 * download stays small: screens load the full API (`./index.ts`, which
 * re-exports these) with their own code.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Account } from './db';
import { getDb } from './current-db';
import * as account from './account.repository';
import * as storage from './storage';

export type { Account } from './db';
export type { StorageInfo, StorageRisk } from './storage';
export { storageRisks, STORAGE_THRESHOLDS } from './storage';
export { getDb, setDb } from './current-db';

export function useAccount(): Account | null | undefined {
  return useLiveQuery(async () => (await getDb().getMeta('account')) ?? null, []);
}

export function usePendingCount(): number {
  return useLiveQuery(() => getDb().outbox.count(), [], 0);
}

export function useLastSyncAt(): string | null {
  return useLiveQuery(async () => (await getDb().getMeta('lastSyncAt')) ?? null, [], null);
}

export const signOut = () => account.signOut(getDb());
export const { useStorageInfo } = storage.createStorageHooks(getDb);
/** Asks once for persistent storage (after sign-in); the answer is remembered. */
export const requestPersistentStorage = () => storage.requestPersistentStorage(getDb());
