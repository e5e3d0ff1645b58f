/**
 * Group commit for pushes: pushes that arrive while one commit is under way wait and then run
 * together, one after another, in one transaction that takes the commit-sequence lock and
 * syncs to disk once for all of them. Every push is answered only after the commit that holds
 * it, so an acknowledged push is durable as before, and seq order stays commit order (one
 * transaction numbers its pushes in the order it runs them).
 *
 * A push that throws (a gap, another epoch, a clientId of someone else, a database error) rolls
 * its whole group back; the group then runs again one push per transaction, as without
 * grouping, so only the push that throws fails. Refusals are rare (a gap follows a lost
 * answer), so this costs nothing in the common case and needs no savepoint per push.
 *
 * Why: every push used to be its own transaction holding the sequence lock until its commit
 * had reached the disk, so pushes could never commit faster than one disk sync each, and on
 * PostgreSQL each also waited for the lock holding a connection of its own.
 */
import type { Db } from '../db/database';

/**
 * What the pushes of one group share besides the transaction: the write path keeps the
 * sequence it locked and the clock it loaded here (write-path.ts), and writes them back once,
 * in a step run after the last push and before the commit.
 */
export interface SharedTransaction {
  /** State kept for the rest of the transaction, under its owner's key. */
  readonly state: Map<symbol, unknown>;
  /** Runs `fn` after the group's last push, before its commit (in the order registered). */
  beforeCommit(fn: () => Promise<void>): void;
}

/** Most pushes in one commit (bounds how long the first of them waits for the last). */
const MAX_GROUP = 32;

interface Waiting<R, T> {
  fn: (repos: R) => Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function createGroupCommit<R>(db: Db, bind: (trx: Db, shared?: SharedTransaction) => R) {
  const queue: Waiting<R, unknown>[] = [];
  let running = false;

  const alone = (item: Waiting<R, unknown>) =>
    db
      .transaction()
      .execute((trx) => item.fn(bind(trx)))
      .then(item.resolve, item.reject);

  async function runGroup(group: Waiting<R, unknown>[]) {
    if (group.length === 1) return alone(group[0]!);
    let values: unknown[];
    try {
      values = await db.transaction().execute(async (trx) => {
        const steps: (() => Promise<void>)[] = [];
        const shared: SharedTransaction = { state: new Map(), beforeCommit: (fn) => steps.push(fn) };
        const repos = bind(trx, shared);
        const results: unknown[] = [];
        for (const item of group) results.push(await item.fn(repos));
        for (const step of steps) await step();
        return results;
      });
    } catch {
      for (const item of group) await alone(item);
      return;
    }
    group.forEach((item, i) => item.resolve(values[i]));
  }

  async function drain() {
    running = true;
    try {
      while (queue.length > 0) await runGroup(queue.splice(0, MAX_GROUP));
    } finally {
      running = false;
    }
  }

  return function groupTransaction<T>(fn: (repos: R) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve, reject } as Waiting<R, unknown>);
      if (!running) void drain();
    });
  };
}
