/**
 * Starting again after the server was restored (new epoch) or lost track of
 * this client (mutation gap): one Dexie transaction, like every step in
 * local-store.ts.
 */
import { maxHlc, newId, stateAsWrites } from '../../domain';
import { ENTITY_TABLES, type OutboxEntry, type TequioDb } from '../data/db';

/**
 * After the server was restored from a backup (new epoch) or lost track of
 * this client (mutation gap): take a new clientId and queue every record the
 * device holds, each field with its original hlc, then pull from the start.
 * Re-sending is harmless under the merge rule, so nothing is lost or doubled.
 */
export async function resetForNewEpoch(db: TequioDb): Promise<number> {
  let queued = 0;
  await db.transaction('rw', [...db.entityTables(), db.outbox, db.meta], async () => {
    await db.outbox.clear();
    const createdAt = new Date().toISOString();
    let id = 1;
    const entries: OutboxEntry[] = [];
    for (const [entity, tableName] of Object.entries(ENTITY_TABLES)) {
      for (const record of await db[tableName].toArray()) {
        const writes = stateAsWrites(record);
        const hlc = maxHlc(writes.hlcs);
        if (!hlc) continue;
        entries.push({
          id: id++,
          entity,
          recordId: record.id,
          op: 'put',
          fields: writes.fields,
          hlc,
          hlcs: writes.hlcs,
          createdAt,
        });
      }
    }
    await db.outbox.bulkAdd(entries);
    queued = entries.length;
    await db.setMeta('clientId', newId());
    await db.setMeta('nextMutationId', id);
    await db.setMeta('cursor', null);
    await db.setMeta('serverEpoch', null);
    await db.setMeta('awaitingEcho', null);
  });
  return queued;
}
