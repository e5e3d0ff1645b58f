/**
 * Local writes. Every change to a synced record is validated against the
 * entity's shared zod schema, merged into the stored record and queued as
 * an outbox mutation in ONE Dexie transaction: either both happen or
 * neither does, so a crash can never leave a record that will not sync, or
 * a mutation for a record that was never saved.
 *
 * Several tabs may write at once: the clock and the mutation counter are
 * read and advanced inside the transaction, which IndexedDB serialises.
 */
import {
  createHlcClock,
  deleteWrites,
  getEntity,
  mergeFields,
  nodeIdFromUuid,
  putWrites,
  type EntityName,
  type Fields,
  type Mutation,
} from '../../domain';
import type { StoredRecord, TequioDb } from './db';
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

    const clientId = (await db.getMeta('clientId'))!;
    const clock = createHlcClock(nodeIdFromUuid(clientId), { last: await db.getMeta('hlc') });
    const hlc = clock.tick();
    const writes = change.op === 'put' ? putWrites(definedFields(change.fields), hlc) : deleteWrites(hlc);
    const { state } = mergeFields(stored, writes);

    if (!state.deleted) {
      const parsed = getEntity(entity).schema.safeParse(state.fields);
      if (!parsed.success) throw new ValidationError(parsed.error.issues);
    }

    const mutationId = (await db.getMeta('nextMutationId')) ?? 1;
    const mutation: Mutation =
      change.op === 'put'
        ? { id: mutationId, entity, recordId: id, op: 'put', fields: definedFields(change.fields), hlc }
        : { id: mutationId, entity, recordId: id, op: 'delete', hlc };
    const record: StoredRecord = { id, ...state };
    await table.put(record);
    await db.outbox.add({ ...mutation, createdAt: new Date().toISOString() });
    await db.setMeta('nextMutationId', mutationId + 1);
    await db.setMeta('hlc', hlc);
    return record;
  });
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
