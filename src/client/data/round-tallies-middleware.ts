/**
 * The Dexie DBCore middleware that keeps `roundTallies` (round-tallies.ts) in step with `ballots`
 * in the same transaction as every change to them, whoever makes it.
 *
 * It chains DBCore's (Dexie's) promises with `then`, never a native await: the layers underneath
 * (hooks, the live queries' cache) read the Dexie transaction of the zone, which it would lose.
 * Requests that do not depend on each other are issued together (IndexedDB runs a transaction's
 * requests in the order they are made), so one local ballot costs two round trips: the row
 * before with its round's summary, then the write with the summary put.
 */
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import {
  applyChanges,
  BALLOTS,
  emptySummary,
  ROUND_TALLIES,
  roundOf,
  targetsOf,
  type BallotRow,
  type Change,
  type RoundTallyRow,
} from './round-tallies';

function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): Promise<string[]> | string[] | 'all' {
  if (req.type === 'delete') return req.keys as string[];
  if (req.type !== 'deleteRange')
    return req.keys
      ? (req.keys as string[])
      : req.values.map((v) => table.schema.primaryKey.extractKey!(v) as string);
  if (req.range.type === 3 /* DBCoreRangeType.Any: the table is cleared */) return 'all';
  return table
    .query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })
    .then((answer) => answer.result as string[]);
}

function track(
  down: DBCoreTable,
  tallies: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const keys = keysOf(down, req);
  if (keys === 'all') {
    // Every ballot goes: so does every summary.
    const all = {
      type: 'deleteRange',
      trans: req.trans,
      range: (req as { range: DBCoreKeyRange }).range,
    } as const;
    return down.mutate(req).then((result) => tallies.mutate(all).then(() => result));
  }
  if (Array.isArray(keys)) return trackKeys(down, tallies, req, [...new Set(keys)]);
  return keys.then((k) => trackKeys(down, tallies, req, [...new Set(k)]));
}

/**
 * The rows as they are after a put or add, from the request itself (its values are what is
 * stored), or null when the table must be read again (a key the database makes up).
 */
function plannedRows(
  table: DBCoreTable,
  req: DBCoreMutateRequest,
): Map<string, BallotRow | undefined> | null {
  if (req.type === 'delete' || req.type === 'deleteRange') return new Map();
  const key = table.schema.primaryKey;
  if (key.autoIncrement || key.outbound || !key.extractKey) return null;
  return new Map(req.values.map((value) => [key.extractKey!(value) as string, value as BallotRow]));
}

const roundsOf = (rows: Iterable<BallotRow | undefined>) =>
  [...new Set([...rows].map(roundOf))].filter((id): id is string => id !== null);

/** `first`'s value once every other request (already issued) is answered too: `then` only, no native await. */
function joined<T>(first: Promise<T>, rest: (Promise<unknown> | null)[]): Promise<T> {
  return rest.reduce<Promise<T>>((chain, p) => (p ? chain.then((v) => p.then(() => v)) : chain), first);
}

/**
 * One write to `ballots` and its summaries, in two steps of requests: the rows before, with the
 * summaries of the rounds the new rows belong to and the rows they point at; then the write and
 * the summaries it makes, put together. Should the write report a failed value (a row left as it
 * was), the summaries are made again from the rows as they are and put over the first ones.
 */
function trackKeys(
  down: DBCoreTable,
  tallies: DBCoreTable,
  req: DBCoreMutateRequest,
  keys: string[],
): Promise<DBCoreMutateResponse> {
  const trans: DBCoreTransaction = req.trans;
  const inBatch = new Set(keys);
  const planned = plannedRows(down, req);
  const stored = new Map<string, RoundTallyRow | undefined>();
  const targetRows = new Map<string, BallotRow | undefined>();
  // The rows a correction points at outside this write read the same before and after it.
  const readTargets = (ids: string[]) => {
    const wanted = ids.filter((id) => !targetRows.has(id) && !inBatch.has(id));
    if (!wanted.length) return null;
    return down
      .getMany({ trans, keys: wanted })
      .then((rows) => wanted.forEach((id, i) => targetRows.set(id, rows[i] as BallotRow | undefined)));
  };
  const readSummaries = (ids: string[]) => {
    const wanted = ids.filter((id) => !stored.has(id));
    if (!wanted.length) return null;
    wanted.forEach((id) => stored.set(id, undefined));
    return tallies
      .getMany({ trans, keys: wanted })
      .then((rows) => wanted.forEach((id, i) => stored.set(id, rows[i] as RoundTallyRow | undefined)));
  };
  let before: (BallotRow | undefined)[] = [];
  const changesTo = (after: (BallotRow | undefined)[]) => {
    const changes = keys.map((key, i) => ({ key, before: before[i], after: after[i] }));
    for (const c of changes) targetRows.set(c.key, c.after);
    return changes;
  };
  /** Reads what `changes` need that is not read yet (null: nothing). */
  const readFor = (changes: Change[]) => {
    const rows = changes.flatMap((c) => [c.before, c.after]);
    const more = [readSummaries(roundsOf(rows)), readTargets(targetsOf(changes))].filter((p) => p !== null);
    return more.length ? joined(more[0]!, more.slice(1)) : null;
  };
  /** Puts the summaries `changes` make from the stored ones (copies: they may be made twice); null: none. */
  const putSummaries = (changes: Change[]) => {
    const roundIds = roundsOf(changes.flatMap((c) => [c.before, c.after]));
    if (roundIds.length === 0) return null;
    const summaries = new Map(
      roundIds.map((id) => {
        const row = stored.get(id);
        return [id, row ? structuredClone(row) : emptySummary(id)];
      }),
    );
    applyChanges(
      (roundId) => summaries.get(roundId)!,
      changes,
      (id) => targetRows.get(id),
    );
    return tallies.mutate({ type: 'put', trans, values: [...summaries.values()] });
  };
  /** After the write: the rows as they are read back, their summaries put. */
  const settle = (result: DBCoreMutateResponse) =>
    down.getMany({ trans, keys }).then((after) => {
      const changes = changesTo(after as (BallotRow | undefined)[]);
      const read = readFor(changes);
      const put = () => putSummaries(changes)?.then(() => result) ?? result;
      return read ? read.then(put) : put();
    });

  const newRows = [...(planned?.values() ?? [])];
  return joined(down.getMany({ trans, keys }), [
    readSummaries(roundsOf(newRows)),
    readTargets(targetsOf(newRows.map((after) => ({ key: '', before: undefined, after })))),
  ]).then((rows) => {
    before = rows as (BallotRow | undefined)[];
    if (!planned) return down.mutate(req).then(settle);
    const changes = changesTo(keys.map((k) => planned.get(k)));
    const write = () => {
      const mutated = down.mutate(req);
      const summaries = putSummaries(changes);
      return joined(mutated, [summaries]).then((result) =>
        // A failed value left its row as it was: settle on the rows as they are (rare).
        result.numFailures === 0 ? result : settle(result),
      );
    };
    const read = readFor(changes);
    return read ? read.then(write) : write();
  });
}

/** Keeps `roundTallies` in step with `ballots`, in the same transaction (see the file's comment). */
export const roundTalliesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'RoundTallies',
  level: 10,
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const extended =
          mode === 'readwrite' && stores.includes(BALLOTS) && !stores.includes(ROUND_TALLIES)
            ? [...stores, ROUND_TALLIES]
            : stores;
        return down.transaction(extended, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== BALLOTS) return table;
        return {
          ...table,
          mutate: (req) => track(table, down.table(ROUND_TALLIES), req),
        };
      },
    };
  },
};
