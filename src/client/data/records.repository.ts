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
 */
import {
  DELETED_FIELD,
  deleteWrites,
  getEntity,
  hlcMillis,
  mergeFields,
  PROTOCOL_LIMITS,
  putWrites,
  type EntityName,
  type Fields,
  type HlcClock,
  type Mutation,
} from '../../domain';
import type { StoredRecord, TequioDb } from './db';
import { openDeviceClock } from './device-clock';
import { NotFoundError, ValidationError } from './errors';

export type LocalOp = { op: 'put'; fields: Fields } | { op: 'delete' };

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
    const stored = await table.get(id);
    if (options.mustExist && (!stored || stored.deleted)) throw new NotFoundError(entity, id);

    const { clock, now } = await openDeviceClock(db);
    const fields = change.op === 'put' ? definedFields(change.fields) : { [DELETED_FIELD]: true };
    const base = settleStoredStamps(stored, Object.keys(fields), clock, now());
    const hlc = clock.tick();
    const writes = change.op === 'put' ? putWrites(fields, hlc) : deleteWrites(hlc);
    const { state } = mergeFields(base, writes);

    if (!state.deleted) {
      const parsed = getEntity(entity).schema.safeParse(state.fields);
      if (!parsed.success) throw new ValidationError(parsed.error.issues);
    }

    const mutationId = (await db.getMeta('nextMutationId')) ?? 1;
    const mutation: Mutation =
      change.op === 'put'
        ? { id: mutationId, entity, recordId: id, op: 'put', fields, hlc }
        : { id: mutationId, entity, recordId: id, op: 'delete', hlc };
    const record: StoredRecord = { id, ...state };
    await table.put(record);
    await db.outbox.add({ ...mutation, createdAt: new Date().toISOString() });
    await db.setMeta('nextMutationId', mutationId + 1);
    await db.setMeta('hlc', hlc);
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

/** The fields of `next` that differ from `current` (deep, by JSON): what an edit needs to send. */
export function changedFields(current: Fields, next: Fields): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(next)) {
    const value = v === undefined ? null : v; // a cleared optional field travels as null
    if (value === null && (current[k] === undefined || current[k] === null)) continue;
    if (JSON.stringify(value) !== JSON.stringify(current[k])) out[k] = value;
  }
  return out;
}

/** Drops `undefined` values, which JSON cannot carry. */
export function definedFields(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
