/**
 * What the sync engine does to the device database, kept apart from the
 * engine's scheduling. Each function is one Dexie transaction, so a crash
 * or a closed tab at any point leaves the database as before or after the
 * step, never in between: acknowledged mutations leave the outbox together
 * with the server epoch they were acknowledged under; a pulled page and its
 * cursor land together, so a cut pull resumes from the last whole page.
 * Conflicts are settled by the field merge; a delete that crossed an edit is
 * also noted for the user while the page merges (conflicts.repository.ts).
 *
 * Far-future stamps (a device with a wrong date, or a forged stamp) must not
 * outlive the server's refusal of them, or this device would ignore everyone
 * else's later edits of those fields: when the server stored one of our
 * changes with its own stamp instead (`clock_ahead`), acknowledging the push
 * puts that stamp on our copy too; and a pulled field replaces a local stamp
 * more than `maxClockAheadMs` ahead of the page's `serverTime` whatever their
 * order (the server re-stamps and repairs such stamps; push runs before pull,
 * so edits made here have reached it by then).
 */
import {
  DELETED_FIELD,
  hlcMillis,
  isEntityName,
  maxHlc,
  mergeFields,
  PROTOCOL_LIMITS,
  rejectionOf,
  type Change,
  type EntityName,
  type FieldHlcs,
  type Mutation,
  type MutationResult,
  type PushResponse,
} from '../../domain';
import { detectDeleteEditConflict, noteMergeConflict } from '../data/conflicts.repository';
import type { StoredRecord, TequioDb } from '../data/db';
import { openDeviceClock } from '../data/device-clock';
import { noteNovedades, projectNovedades, rejectedNovedad, type Novedad } from '../data/novedades.repository';
import { idsToRead, recordKey, type HeldRecords } from './held-records';

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

export interface PushAcknowledgement {
  /** Mutations the server refused (kept for the user). */
  rejected: number;
  /** Mutations the server stored with its own stamp (`clock_ahead`). */
  restamped: number;
}

/** A result saying the server stored the mutation with its own stamp `hlc` instead of ours. */
function isRestamp(result: MutationResult): result is MutationResult & { hlc: string } {
  return result.status === 'applied' && result.code === 'clock_ahead' && typeof result.hlc === 'string';
}

/**
 * Records the server's answer to a push: acknowledged mutations leave the outbox, rejected ones
 * are kept for the user, and fields the server re-stamped get its stamp here too (counted in
 * meta `restamped` for the sync page).
 */
export async function acknowledgePush(
  db: TequioDb,
  sent: Mutation[],
  response: PushResponse,
): Promise<PushAcknowledgement> {
  const byId = new Map(sent.map((m) => [m.id, m]));
  const restamps = response.results.filter(isRestamp);
  const restampTables = new Set(
    restamps.flatMap((r) => {
      const entity = byId.get(r.id)?.entity;
      return entity && isEntityName(entity) ? [db.tableFor(entity)] : [];
    }),
  );
  let rejected = 0;
  await db.transaction('rw', [db.outbox, db.rejected, db.meta, db.novedades, ...restampTables], async () => {
    const awaitingEcho = (await db.getMeta('awaitingEcho')) ?? {};
    const refused: Novedad[] = [];
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
        const change = {
          ...rejectionOf(m, result),
          op: m.op,
          at: new Date().toISOString(),
          ...(m.op === 'put' ? { fields: m.fields } : {}),
        };
        await db.rejected.add(change);
        refused.push(rejectedNovedad((await db.getMeta('clientId'))!, change));
      }
      await db.outbox.delete(m.id);
    }
    await db.setMeta('awaitingEcho', awaitingEcho);
    await noteNovedades(db, refused);
    if ((await db.getMeta('serverEpoch')) === null) await db.setMeta('serverEpoch', response.serverEpoch);
    if (restamps.length > 0) await adoptServerStamps(db, restamps, byId, response.serverTime);
  });
  return { rejected, restamped: restamps.length };
}

/** The stamp each field of a mutation was sent with. */
function sentStamps(m: Mutation): FieldHlcs {
  if (m.op === 'delete') return { [DELETED_FIELD]: m.hlc };
  return Object.fromEntries(Object.keys(m.fields).map((name) => [name, m.hlcs?.[name] ?? m.hlc]));
}

/**
 * Inside acknowledgePush's transaction: every field a re-stamped mutation sent with a stamp
 * more than `maxClockAheadMs` ahead of `serverTime` (the ones the server replaced) takes the
 * server's stamp, if it still holds the one sent (a later edit here keeps its own). The clock
 * takes the server's stamps in, and the count for the sync page grows.
 */
async function adoptServerStamps(
  db: TequioDb,
  restamps: (MutationResult & { hlc: string })[],
  byId: Map<number, Mutation>,
  serverTime: string,
): Promise<void> {
  const bound = Date.parse(serverTime) + PROTOCOL_LIMITS.maxClockAheadMs;
  const { clock } = await openDeviceClock(db);
  for (const result of restamps) {
    clock.receive(result.hlc);
    const m = byId.get(result.id);
    if (!m || !isEntityName(m.entity)) continue;
    const table = db.tableFor(m.entity);
    const record = await table.get(m.recordId);
    if (!record) continue;
    const hlcs = { ...record.hlcs };
    let changed = false;
    for (const [name, stamp] of Object.entries(sentStamps(m))) {
      // (An unreadable serverTime makes `bound` NaN: every field still holding the sent stamp takes the server's.)
      if (hlcMillis(stamp) <= bound || hlcs[name] !== stamp) continue;
      hlcs[name] = result.hlc;
      changed = true;
    }
    if (changed) await table.put({ ...record, hlcs });
  }
  await db.setMeta('hlc', clock.last());
  const before = await db.getMeta('restamped');
  await db.setMeta('restamped', { count: (before?.count ?? 0) + restamps.length, lastAt: serverTime });
}

/**
 * Merges one pulled page field by field and stores its cursor, atomically, noting any
 * delete/edit crossing it reveals. `complete`: the last page (nothing more to pull). `held`:
 * the records the device may hold (held-records.ts), to read only those; the page's records
 * are added to it.
 */
export async function applyPulledPage(
  db: TequioDb,
  changes: Change[],
  cursor: string,
  serverEpoch: string,
  complete = false,
  serverTime?: string,
  held?: HeldRecords,
): Promise<number> {
  let applied = 0;
  // Local stamps beyond this are poisoned: the pulled field replaces them whatever their order.
  const poisonedAfter = serverTime ? Date.parse(serverTime) + PROTOCOL_LIMITS.maxClockAheadMs : NaN;
  await db.transaction(
    'rw',
    [...db.entityTables(), db.meta, db.outbox, db.conflicts, db.novedades],
    async () => {
      const { clock } = await openDeviceClock(db);
      const noticed: Novedad[] = []; // what the field cares about (novedades.repository.ts)
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
      for (const [entity, ids] of await idsToRead(db, idsByEntity, held)) {
        const rows = await db.tableFor(entity).bulkGet(ids);
        ids.forEach((id, i) => current.set(recordKey(entity, id), rows[i]));
      }
      const toWrite = new Map<EntityName, Map<string, StoredRecord>>();
      for (const change of changes) {
        if (!isEntityName(change.entity)) continue;
        const key = `${change.entity}:${change.id}`;
        const stored = current.get(key);
        const fields = { ...change.fields, deleted: change.deleted };
        const base = withoutPoisonedStamps(stored, change.hlcs, poisonedAfter);
        const { state, changed } = mergeFields(base, { fields, hlcs: change.hlcs });
        if (changed.length > 0) {
          const record: StoredRecord = { id: change.id, ...state };
          current.set(key, record);
          const writes = toWrite.get(change.entity) ?? new Map<string, StoredRecord>();
          writes.set(change.id, record);
          toWrite.set(change.entity, writes);
          applied++;
          if (change.entity === 'project')
            noticed.push(
              ...projectNovedades(stored, state, changed, change.id, serverTime ?? new Date().toISOString()),
            );
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
      for (const [entity, records] of toWrite)
        for (const id of records.keys()) held?.add(recordKey(entity, id));
      await noteNovedades(db, noticed);
      // After a complete pull every change the server made is here: what was not echoed changed nothing there.
      await db.setMeta('awaitingEcho', complete ? null : awaitingEcho);
      await db.setMeta('hlc', clock.last());
      await db.setMeta('cursor', cursor);
      await db.setMeta('serverEpoch', serverEpoch);
    },
  );
  return applied;
}

/**
 * `stored` without its stamps later than `limit` (ms) for the fields `incoming` writes, so the
 * merge takes the incoming ones. No limit (NaN): `stored` as it is.
 */
function withoutPoisonedStamps(
  stored: StoredRecord | undefined,
  incoming: FieldHlcs,
  limit: number,
): StoredRecord | undefined {
  if (!stored || Number.isNaN(limit)) return stored;
  const poisoned = Object.keys(incoming).filter((name) => {
    const local = stored.hlcs[name];
    return local !== undefined && hlcMillis(local) > limit;
  });
  if (poisoned.length === 0) return stored;
  const hlcs = { ...stored.hlcs };
  for (const name of poisoned) delete hlcs[name];
  return { ...stored, hlcs };
}

/** Fields of the record that local edits still waiting in the outbox change. */
async function pendingEditFields(db: TequioDb, entity: string, id: string): Promise<string[]> {
  const pending = await db.outbox.where('[entity+recordId]').equals([entity, id]).toArray();
  return pending.flatMap((m) => (m.op === 'put' && !m.hlcs ? Object.keys(m.fields) : []));
}
