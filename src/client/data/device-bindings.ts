/**
 * How a hook file (`use-<entity>.ts`) hands its repository's plain functions to screens: a read
 * becomes a hook that reads the device live (`useDeviceRead`), a write a command on the current
 * database (`getDb()`, read when it runs, so a sign-out or a new device database is followed).
 * The hook or command keeps the repository function's parameters after `db`, and its result.
 * A hook that reads several keys or derives from what it read, and a command that leaves out
 * parameters screens do not pass (a clock `now`, an `api` client for tests) or fills them in,
 * stays written out in its hook file.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import type { TequioDb } from './db';
import { useDeviceRead } from './use-device-read';

/** A hook reading `read` live: of the whole device, or for one key (a record's id, a process's id). */
export function liveRead<T>(read: (db: TequioDb) => Promise<T>): () => T | undefined;
export function liveRead<K, T>(read: (db: TequioDb, key: K) => Promise<T>): (key: K) => T | undefined;
export function liveRead<K, T>(read: (db: TequioDb, key?: K) => Promise<T>): (key?: K) => T | undefined {
  return (key) => useDeviceRead(read, key);
}

/**
 * A hook reading `read` live, of the whole device, that answers `whileLoading` (a count's 0, an empty
 * list, null) instead of undefined until the device database answered: for the app frame's badges and
 * lists that have nothing to wait for.
 */
export function liveReadOr<T>(read: (db: TequioDb) => Promise<T>, whileLoading: T): () => T {
  return () => useLiveQuery(() => read(getDb()), [], whileLoading);
}

/** `command` on the current database. */
export function boundCommand<A extends unknown[], R>(
  command: (db: TequioDb, ...args: A) => R,
): (...args: A) => R {
  return (...args) => command(getDb(), ...args);
}
