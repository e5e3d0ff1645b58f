/**
 * What the sync engine does to the device database, kept apart from the
 * engine's scheduling. Each function is one Dexie transaction, so a crash
 * or a closed tab at any point leaves the database as before or after the
 * step, never in between: acknowledged mutations leave the outbox together
 * with the server epoch they were acknowledged under; a pulled page and its
 * cursor land together, so a cut pull resumes from the last whole page.
 * Conflicts are settled by the field merge; a delete that crossed an edit is
 * also noted for the user while the page merges (conflicts.repository.ts).
 */
import {
  createHlcClock,
  isEntityName,
  maxHlc,
  mergeFields,
  newId,
  nodeIdFromUuid,
  stateAsWrites,
  type Change,
  type EntityName,
  type Mutation,
  type PushResponse,
} from '../../domain';
import { detectDeleteEditConflict, noteMergeConflict } from '../data/conflicts.repository';
import { ENTITY_TABLES, type OutboxEntry, type StoredRecord, type TequioDb } from '../data/db';

export async function readOutboxBatch(db: TequioDb, maxCount: number, maxBytes: number): Promise<Mutation[]> {
  const rows = await db.outbox.orderBy('id').limit(maxCount).toArray();
  const batch: Mutation[] = [];
  let bytes = 1024;
  for (const row of rows) {
    const { createdAt: _createdAt, ...mutation } = row;
    const size = JSON.stringify(mutation).length * 3; // worst case UTF-8
    if (batch.length > 0 && bytes + size > maxBytes) break;
    batch.push(mutation as Mutation);
    bytes += size;
  }
  return batch;
}

/** Records the server's answer to a push: acknowledged mutations leave the outbox, rejected ones are kept for the user. */
export async function acknowledgePush(
  db: TequioDb,
  sent: Mutation[],
  response: PushResponse,
): Promise<number> {
  const byId = new Map(sent.map((m) => [m.id, m]));
  let rejected = 0;
  await db.transaction('rw', [db.outbox, db.rejected, db.meta], async () => {
    const awaitingEcho = (await db.getMeta('awaitingEcho')) ?? {};
    for (const result of response.results) {
      const m = byId.get(result.id);
      if (!m) continue;
      // An edit of ours the server took: until a pull shows the record again, a delete that
      // pull brings was made without knowing of it (conflicts.repository.ts). Re-queued
      // records (original stamps in `hlcs`) are not edits.
      if (result.status !== 'rejected' && m.op === 'put' && !m.hlcs) {
        const key = `${m.entity}:${m.recordId}`;
        awaitingEcho[key] = [...new Set([...(awaitingEcho[key] ?? []), ...Object.keys(m.fields)])];
      }
      if (result.status === 'rejected') {
        rejected++;
        await db.rejected.add({
          mutationId: m.id,
          entity: m.entity,
          recordId: m.recordId,
          op: m.op,
          code: result.code ?? 'rejected',
          message: result.message ?? '',
          at: new Date().toISOString(),
          ...(m.op === 'put' ? { fields: m.fields } : {}),
        });
      }
      await db.outbox.delete(m.id);
    }
    await db.setMeta('awaitingEcho', awaitingEcho);
    if ((await db.getMeta('serverEpoch')) === null) await db.setMeta('serverEpoch', response.serverEpoch);
  });
  return rejected;
}

/**
 * Merges one pulled page field by field and stores its cursor, atomically, noting any
 * delete/edit crossing it reveals. `complete`: the last page (nothing more to pull).
 */
export async function applyPulledPage(
  db: TequioDb,
  changes: Change[],
  cursor: string,
  serverEpoch: string,
  complete = false,
): Promise<number> {
  let applied = 0;
  await db.transaction('rw', [...db.entityTables(), db.meta, db.outbox, db.conflicts], async () => {
    const clientId = (await db.getMeta('clientId'))!;
    const clock = createHlcClock(nodeIdFromUuid(clientId), { last: await db.getMeta('hlc') });
    const awaitingEcho = (await db.getMeta('awaitingEcho')) ?? {};
    // One read per table for the whole page, merged in memory (a record may come twice in a page),
    // one write per table: a page of 500 is a handful of IndexedDB requests, not a thousand.
    const idsByEntity = new Map<EntityName, string[]>();
    for (const change of changes) {
      if (!isEntityName(change.entity)) continue; // an entity this version does not know yet
      const ids = idsByEntity.get(change.entity) ?? [];
      ids.push(change.id);
      idsByEntity.set(change.entity, ids);
    }
    const current = new Map<string, StoredRecord | undefined>();
    for (const [entity, ids] of idsByEntity) {
      const rows = await db.tableFor(entity).bulkGet(ids);
      ids.forEach((id, i) => current.set(`${entity}:${id}`, rows[i]));
    }
    const toWrite = new Map<EntityName, Map<string, StoredRecord>>();
    for (const change of changes) {
      if (!isEntityName(change.entity)) continue;
      const key = `${change.entity}:${change.id}`;
      const stored = current.get(key);
      const fields = { ...change.fields, deleted: change.deleted };
      const { state, changed } = mergeFields(stored, { fields, hlcs: change.hlcs });
      if (changed.length > 0) {
        const record: StoredRecord = { id: change.id, ...state };
        current.set(key, record);
        const writes = toWrite.get(change.entity) ?? new Map<string, StoredRecord>();
        writes.set(change.id, record);
        toWrite.set(change.entity, writes);
        applied++;
        // Only a tombstone over a record held here can reveal a delete/edit crossing. Awaiting
        // anything but an IndexedDB request inside the transaction would let it commit early,
        // so the check is synchronous and only a found conflict is written.
        if (stored && state.deleted) {
          const editedHere = stored.deleted
            ? []
            : [...(awaitingEcho[key] ?? []), ...(await pendingEditFields(db, change.entity, change.id))];
          const seen = { before: stored, after: state, changed, editedHere };
          if (detectDeleteEditConflict(seen)) await noteMergeConflict(db, change.entity, change.id, seen);
        }
      }
      delete awaitingEcho[key];
      const newest = maxHlc(change.hlcs);
      if (newest) clock.receive(newest);
    }
    for (const [entity, records] of toWrite) await db.tableFor(entity).bulkPut([...records.values()]);
    // After a complete pull every change the server made is here: what was not echoed changed nothing there.
    await db.setMeta('awaitingEcho', complete ? null : awaitingEcho);
    await db.setMeta('hlc', clock.last());
    await db.setMeta('cursor', cursor);
    await db.setMeta('serverEpoch', serverEpoch);
  });
  return applied;
}

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

/** Fields of the record that local edits still waiting in the outbox change. */
async function pendingEditFields(db: TequioDb, entity: string, id: string): Promise<string[]> {
  const pending = await db.outbox.where('[entity+recordId]').equals([entity, id]).toArray();
  return pending.flatMap((m) => (m.op === 'put' && !m.hlcs ? Object.keys(m.fields) : []));
}
