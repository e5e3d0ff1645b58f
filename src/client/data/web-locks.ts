/**
 * The browser's Web Locks, which keep one tab at a time syncing or freeing
 * photos. `given` wins when passed (tests; null for an in-process lock only);
 * without it, `navigator.locks`, or null where there is none (Node, old
 * browsers).
 */
export function webLocks(given?: LockManager | null): LockManager | null {
  if (given !== undefined) return given;
  return typeof navigator !== 'undefined' ? (navigator.locks ?? null) : null;
}
