import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import type { TequioDb } from './db';

/**
 * A live read of the device database for one key (a record's id, a process's id, its filter): the screen
 * re-renders whenever what it read changes, in this tab or another. Undefined while loading.
 */
export function useDeviceRead<T, K>(read: (db: TequioDb, key: K) => Promise<T>, key: K): T | undefined {
  return useLiveQuery(() => read(getDb(), key), [key]);
}
