/**
 * Which records a pull must read before merging a page. Reading a record costs one IndexedDB
 * request per id, and on a first download nearly every pulled record is new here: asking for
 * each would cost about as much as writing them. So a pull notes, once when it starts, every
 * record this device holds (one key listing per table), adds each record its pages write, and
 * reads only the ids it may hold: noted ones, and any with a change waiting in the outbox. Only a
 * long pull lists them (sync-transfer.ts): a short one reads its page's few ids directly.
 *
 * Why that is enough: a record reaches the device's tables from the server only through the
 * pull (one at a time, under the sync lock), and the device's own writes (writeLocal) queue an
 * outbox mutation in the same transaction, which stays there until a push after this pull.
 */
import type { EntityName } from '../../domain';
import { ENTITY_TABLES, type TequioDb } from '../data/db';

/** `entity:id` of the records the device may hold. */
export type HeldRecords = Set<string>;

export const recordKey = (entity: string, id: string) => `${entity}:${id}`;

/** Every record the device holds now: one key listing per entity table. */
export async function heldRecords(db: TequioDb): Promise<HeldRecords> {
  const held: HeldRecords = new Set();
  const entities = Object.keys(ENTITY_TABLES) as EntityName[];
  const keys = await Promise.all(entities.map((entity) => db.tableFor(entity).toCollection().primaryKeys()));
  entities.forEach((entity, i) => {
    for (const id of keys[i]!) held.add(recordKey(entity, id));
  });
  return held;
}

/**
 * Inside a page's transaction: `idsByEntity` reduced to the ids the device may hold (noted in
 * `held`, or with a change in the outbox). Without `held`, every id.
 */
export async function idsToRead(
  db: TequioDb,
  idsByEntity: Map<EntityName, string[]>,
  held: HeldRecords | undefined,
): Promise<Map<EntityName, string[]>> {
  if (!held) return idsByEntity;
  const pending = new Set(
    (await db.outbox.orderBy('[entity+recordId]').uniqueKeys()).map((key) => {
      const [entity, id] = key as unknown as [string, string];
      return recordKey(entity, id);
    }),
  );
  const toRead = new Map<EntityName, string[]>();
  for (const [entity, ids] of idsByEntity) {
    const some = ids.filter((id) => held.has(recordKey(entity, id)) || pending.has(recordKey(entity, id)));
    if (some.length > 0) toRead.set(entity, some);
  }
  return toRead;
}
