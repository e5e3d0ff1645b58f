/**
 * Local writes. Every change to a synced record is validated against the
 * entity's shared zod schema, merged into the stored record and queued as
 * an outbox mutation in ONE Dexie transaction: either both happen or
 * neither does, so a crash can never leave a record that will not sync, or
 * a mutation for a record that was never saved.
 *
 * Several tabs may write at once: the clock and the mutation counter are
 * read and advanced inside the transaction, which IndexedDB serialises.
 *
 * The clock is the bounded, server-corrected device clock (device-clock.ts).
 * A field stamped far in the future (by this device before it knew its date
 * was wrong, or pulled before the server refused such stamps) would make every
 * later edit of it lose here; the edit being written replaces such a stamp,
 * as the server's re-stamp and repair do on their side.
 *
 * Repositories read through the helpers at the end (`getLive`, `requireLive`,
 * `liveViews`): screens get plain views (`{ id, ...fields }`), never hlcs,
 * tombstones or Dexie.
 */
import {
  changedFields,
  DELETED_FIELD,
  deleteWrites,
  getEntity,
  hlcMillis,
  mergeFields,
  newId,
  PROTOCOL_LIMITS,
  putWrites,
  type EntityFields,
  type EntityName,
  type Fields,
  type HlcClock,
  type Mutation,
} from '../../domain';
import type { LiveRecord, StoredRecord, TequioDb } from './db';
import { openDeviceClock } from './device-clock';
import { NotFoundError, ValidationError } from './errors';

export type LocalOp = { op: 'put'; fields: Fields } | { op: 'delete' };

/** Writes a new record of `entity` and queues its mutation; returns its new id. Throws `ValidationError` (nothing written). */
export async function createLocal<N extends EntityName>(
  db: TequioDb,
  entity: N,
  fields: EntityFields<N>,
): Promise<string> {
  const id = newId();
  await writeLocal(db, entity, id, { op: 'put', fields });
  return id;
}

/** Deletes record `id` of `entity`: a tombstone that syncs like any edit. Throws `NotFoundError`. */
export async function deleteLocal(db: TequioDb, entity: EntityName, id: string): Promise<void> {
  await writeLocal(db, entity, id, { op: 'delete' }, { mustExist: true });
}

/**
 * Writes `change` to record `id` of `entity` and queues its mutation.
 * Throws `ValidationError` (nothing written) when the merged record breaks the schema.
 */
export async function writeLocal(
  db: TequioDb,
  entity: EntityName,
  id: string,
  change: LocalOp,
  options: { mustExist?: boolean } = {},
): Promise<StoredRecord> {
  const table = db.tableFor(entity);
  return db.transaction('rw', [table, db.outbox, db.meta], async () => {
    // The reads and then the writes are each asked together: IndexedDB runs them in order within
    // the transaction, and the write costs two round trips to it instead of one per request.
    const [stored, { clock, now }, nextMutationId] = await Promise.all([
      table.get(id),
      openDeviceClock(db),
      db.getMeta('nextMutationId'),
    ]);
    if (options.mustExist && (!stored || stored.deleted)) throw new NotFoundError(entity, id);

    const fields = change.op === 'put' ? definedFields(change.fields) : { [DELETED_FIELD]: true };
    const base = settleStoredStamps(stored, Object.keys(fields), clock, now());
    const hlc = clock.tick();
    const writes = change.op === 'put' ? putWrites(fields, hlc) : deleteWrites(hlc);
    const { state } = mergeFields(base, writes);

    if (!state.deleted) {
      const parsed = getEntity(entity).schema.safeParse(state.fields);
      if (!parsed.success) throw new ValidationError(parsed.error.issues);
    }

    const mutationId = nextMutationId ?? 1;
    const mutation: Mutation =
      change.op === 'put'
        ? { id: mutationId, entity, recordId: id, op: 'put', fields, hlc }
        : { id: mutationId, entity, recordId: id, op: 'delete', hlc };
    const record: StoredRecord = { id, ...state };
    await Promise.all([
      table.put(record),
      db.outbox.add({ ...mutation, createdAt: new Date().toISOString() }),
      db.setMeta('nextMutationId', mutationId + 1),
      db.setMeta('hlc', hlc),
    ]);
    return record;
  });
}

/**
 * Makes sure the write wins over what `stored` holds for the fields it writes:
 * the clock takes in their stamps (so the tick comes after them), except the
 * stamps at or beyond `maxClockAheadMs` past `now`, which the clock would
 * ignore; those are dropped from the returned copy, so the write replaces them.
 */
function settleStoredStamps(
  stored: StoredRecord | undefined,
  names: string[],
  clock: HlcClock,
  now: number,
): StoredRecord | undefined {
  if (!stored) return stored;
  const hlcs = { ...stored.hlcs };
  let dropped = false;
  for (const name of names) {
    const current = hlcs[name];
    if (!current) continue;
    if (hlcMillis(current) >= now + PROTOCOL_LIMITS.maxClockAheadMs) {
      delete hlcs[name];
      dropped = true;
    } else {
      clock.receive(current);
    }
  }
  return dropped ? { ...stored, hlcs } : stored;
}

/**
 * How an edit says which of its fields to write. Only changed fields are
 * written (so an edit never overwrites, with a newer stamp, a field someone
 * else changed meanwhile), and the diff (`changedFields`,
 * domain/changed-fields.ts) runs once per save, in one of two places:
 * - a form diffs what it saves against the values it opened with — only it
 *   knows them, and only that diff keeps a field synced in while the form was
 *   open from being overwritten by the form's stale copy — and passes the
 *   patch with `diffed: true`: it is written as it is;
 * - code that edits a stored record (a stage entry, an agreement's status, a
 *   unit's directorate, a merge) passes the new values, and `editLocal` keeps
 *   those that differ from the record, read in the write's own transaction.
 */
export interface EditOptions {
  /** `patch` holds only what changed (the caller already diffed it): write it as it is. */
  diffed?: boolean;
}

/**
 * Edits record `id` of `entity` with `patch` (which fields are written: see
 * `EditOptions`). Returns whether anything was written; an edit that changes
 * nothing queues nothing. Throws `NotFoundError` (missing or deleted record)
 * and `ValidationError`.
 */
export async function editLocal(
  db: TequioDb,
  entity: EntityName,
  id: string,
  patch: Fields,
  options: EditOptions = {},
): Promise<boolean> {
  const table = db.tableFor(entity);
  return db.transaction('rw', [table, db.outbox, db.meta], async () => {
    let fields = patch;
    if (!options.diffed) {
      const stored = await table.get(id);
      if (!stored || stored.deleted) throw new NotFoundError(entity, id);
      fields = changedFields(stored.fields, patch);
    }
    if (Object.keys(fields).length === 0) return false;
    await writeLocal(db, entity, id, { op: 'put', fields }, { mustExist: true });
    return true;
  });
}

/** Drops `undefined` values, which JSON cannot carry. */
export function definedFields(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** A record as screens see it: its fields and its id. */
export type View<F> = F & { id: string };
export type EntityView<N extends EntityName> = View<EntityFields<N>>;

export function isLive<F extends Fields>(row: StoredRecord<F> | undefined): row is LiveRecord<F> {
  return row !== undefined && !row.deleted;
}

export function toView<F extends Fields>(row: LiveRecord<F>): View<F> {
  return { ...row.fields, id: row.id };
}

/** The rows that are not deleted, as views. */
export function liveViews<F extends Fields>(rows: readonly StoredRecord<F>[]): View<F>[] {
  return rows.filter(isLive).map(toView);
}

/** Record `id` of `entity`; null when this device does not hold it or it was deleted. */
export async function getLive<N extends EntityName>(
  db: TequioDb,
  entity: N,
  id: string,
): Promise<EntityView<N> | null> {
  const row = await db.entityTable(entity).get(id);
  return isLive(row) ? toView(row) : null;
}

/** Record `id` of `entity`; throws `NotFoundError` when this device does not hold it or it was deleted. */
export async function requireLive<N extends EntityName>(
  db: TequioDb,
  entity: N,
  id: string,
): Promise<EntityView<N>> {
  const view = await getLive(db, entity, id);
  if (!view) throw new NotFoundError(entity, id);
  return view;
}
