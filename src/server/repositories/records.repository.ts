/**
 * Synced records (current state per record, with per-field hlcs) and the
 * commit sequence; the indexes used for scope are in scope-index.repository.ts.
 *
 * Ordering guarantee: a writing transaction first locks the one-row commit
 * sequence (`lockSequence`), gives every record it writes the next value,
 * and stores the new value before committing. Writers are therefore
 * serialized and seq order equals commit order, across connections and
 * server instances, so a pull by "seq > cursor" can never skip a change
 * that commits later with a smaller seq.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { FieldHlcs, Fields, RecordState } from '../../domain';
import type { Db, Storage } from '../db/database';
import type { RecordsTable, Tables } from '../db/schema';
import { createScopeIndexRepository } from './scope-index.repository';

export interface StoredRecord {
  entity: string;
  id: string;
  processId: string | null;
  state: RecordState;
  seq: number;
}

export interface RecordKey {
  entity: string;
  id: string;
}

/** Rows per multi-row statement: far under the parameter caps of both dialects (SQLite 32,766). */
const ROWS_PER_STATEMENT = 500;

/** Which records a reader may see: everything, or reference entities plus the listed processes. */
export type RecordFilter = { all: true } | { all: false; referenceEntities: string[]; processIds: string[] };

/**
 * Narrows a query over `records` to what `filter` lets the reader see (never called with an
 * empty filter). Reference records never have a process (apply-mutation.ts), so they are asked
 * for as `process_id is null`: then every branch is a range of the (process_id, seq) index
 * (migration 0007) instead of a walk over every record after the cursor.
 */
function visibleOnly<O>(
  query: SelectQueryBuilder<Tables, 'records', O>,
  filter: RecordFilter,
): SelectQueryBuilder<Tables, 'records', O> {
  if (filter.all) return query;
  const { referenceEntities, processIds } = filter;
  return query.where((eb) => {
    const visible = [];
    if (referenceEntities.length > 0)
      visible.push(eb.and([eb('process_id', 'is', null), eb('entity', 'in', referenceEntities)]));
    if (processIds.length > 0) visible.push(eb('process_id', 'in', processIds));
    return eb.or(visible);
  });
}

/** Whether `filter` lets the reader see nothing at all. */
function seesNothing(filter: RecordFilter): boolean {
  return !filter.all && filter.referenceEntities.length === 0 && filter.processIds.length === 0;
}

/** The row that stores a record's state. */
function toRow(record: StoredRecord, now: string): RecordsTable {
  return {
    entity: record.entity,
    id: record.id,
    process_id: record.processId,
    fields: JSON.stringify(record.state.fields),
    hlcs: JSON.stringify(record.state.hlcs),
    deleted: record.state.deleted ? 1 : 0,
    seq: record.seq,
    updated_at: now,
  };
}

function toStoredRecord(row: RecordsTable): StoredRecord {
  return {
    entity: row.entity,
    id: row.id,
    processId: row.process_id,
    state: {
      fields: JSON.parse(row.fields) as Fields,
      hlcs: JSON.parse(row.hlcs) as FieldHlcs,
      deleted: Number(row.deleted) === 1,
    },
    seq: Number(row.seq),
  };
}

/**
 * The records, the commit sequence and, with them, the scope indexes that
 * mirror fields of the records (scope-index.repository.ts): written in the
 * same transaction as the records they mirror.
 */
export function createRecordsRepository(db: Db, storage: Storage) {
  return {
    ...createScopeIndexRepository(db),
    /**
     * Takes the commit-sequence lock for the rest of the transaction and
     * returns the current value. Must be the transaction's first statement:
     * on SQLite the dummy UPDATE takes the write lock before any read (so no
     * stale snapshot can be upgraded), on PostgreSQL the row lock queues
     * other writers until this transaction ends.
     */
    async lockSequence(): Promise<number> {
      if (storage === 'sqlite') {
        await db
          .updateTable('commit_sequence')
          .set((eb) => ({ value: eb.ref('value') }))
          .where('id', '=', 1)
          .execute();
        const row = await db
          .selectFrom('commit_sequence')
          .select('value')
          .where('id', '=', 1)
          .executeTakeFirstOrThrow();
        return Number(row.value);
      }
      const row = await db
        .selectFrom('commit_sequence')
        .select('value')
        .where('id', '=', 1)
        .forUpdate()
        .executeTakeFirstOrThrow();
      return Number(row.value);
    },

    async setSequence(value: number): Promise<void> {
      await db.updateTable('commit_sequence').set({ value }).where('id', '=', 1).execute();
    },

    async get(entity: string, id: string): Promise<StoredRecord | undefined> {
      const row = await db
        .selectFrom('records')
        .selectAll()
        .where('entity', '=', entity)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toStoredRecord(row);
    },

    /** The stored records among `keys` (absent ones are left out), in as few queries as the size allows. */
    async getMany(keys: RecordKey[]): Promise<StoredRecord[]> {
      const byEntity = new Map<string, Set<string>>();
      for (const { entity, id } of keys) {
        let ids = byEntity.get(entity);
        if (!ids) byEntity.set(entity, (ids = new Set()));
        ids.add(id);
      }
      // Chunks of at most ROWS_PER_STATEMENT ids, each "entity = ? and id in (…)" on the primary key.
      const groups: { entity: string; ids: string[] }[] = [];
      for (const [entity, ids] of byEntity) {
        const list = [...ids];
        for (let start = 0; start < list.length; start += ROWS_PER_STATEMENT) {
          groups.push({ entity, ids: list.slice(start, start + ROWS_PER_STATEMENT) });
        }
      }
      const found: StoredRecord[] = [];
      let chunk: typeof groups = [];
      let size = 0;
      const flush = async () => {
        if (chunk.length === 0) return;
        const selected = chunk;
        const rows = await db
          .selectFrom('records')
          .selectAll()
          .where((eb) =>
            eb.or(selected.map((g) => eb.and([eb('entity', '=', g.entity), eb('id', 'in', g.ids)]))),
          )
          .execute();
        found.push(...rows.map(toStoredRecord));
        chunk = [];
        size = 0;
      };
      for (const group of groups) {
        if (size + group.ids.length > ROWS_PER_STATEMENT) await flush();
        chunk.push(group);
        size += group.ids.length;
      }
      await flush();
      return found;
    },

    /** Every stored record (deleted ones too) of one process among `entities` (a public page's read). */
    async listOfProcess(processId: string, entities: string[]): Promise<StoredRecord[]> {
      if (entities.length === 0) return [];
      const rows = await db
        .selectFrom('records')
        .selectAll()
        .where('process_id', '=', processId)
        .where('entity', 'in', entities)
        .execute();
      return rows.map(toStoredRecord);
    },

    /** The processes whose id ends with `suffix` (hex digits only: a public page's short address). */
    async processesEndingWith(suffix: string): Promise<StoredRecord[]> {
      if (!/^[0-9a-f]{1,32}$/.test(suffix)) return [];
      const rows = await db
        .selectFrom('records')
        .selectAll()
        .where('entity', '=', 'process')
        .where('id', 'like', `%${suffix}`)
        .execute();
      return rows.map(toStoredRecord);
    },

    /** Every stored record of one entity (for small reference data, e.g. project statuses). */
    async listOfEntity(entity: string): Promise<StoredRecord[]> {
      const rows = await db.selectFrom('records').selectAll().where('entity', '=', entity).execute();
      return rows.map(toStoredRecord);
    },

    /** Creates or replaces a record's state under a new seq (call only when something changed). */
    async put(record: StoredRecord, now: string): Promise<void> {
      const { entity, id, ...values } = toRow(record, now);
      await db
        .insertInto('records')
        .values({ entity, id, ...values })
        .onConflict((oc) => oc.columns(['entity', 'id']).doUpdateSet(values))
        .execute();
    },

    /**
     * `put` for many records at once (one multi-row upsert per ROWS_PER_STATEMENT records).
     * Each record at most once: a statement may not touch the same row twice.
     */
    async putMany(records: StoredRecord[], now: string): Promise<void> {
      for (let start = 0; start < records.length; start += ROWS_PER_STATEMENT) {
        const rows = records.slice(start, start + ROWS_PER_STATEMENT).map((record) => toRow(record, now));
        await db
          .insertInto('records')
          .values(rows)
          .onConflict((oc) =>
            oc.columns(['entity', 'id']).doUpdateSet({
              process_id: sql`excluded.process_id`,
              fields: sql`excluded.fields`,
              hlcs: sql`excluded.hlcs`,
              deleted: sql`excluded.deleted`,
              seq: sql`excluded.seq`,
              updated_at: sql`excluded.updated_at`,
            }),
          )
          .execute();
      }
    },

    /** Current state of the visible records with seq > `after`, in seq order, at most `limit`. */
    async listSince(after: number, limit: number, filter: RecordFilter): Promise<StoredRecord[]> {
      return (await this.listSinceRows(after, limit, filter)).map(toStoredRecord);
    },

    /** `listSince` as stored: `fields` and `hlcs` are the JSON text (a pull sends them as they are). */
    async listSinceRows(after: number, limit: number, filter: RecordFilter): Promise<RecordsTable[]> {
      if (seesNothing(filter)) return [];
      const query = db.selectFrom('records').selectAll().where('seq', '>', after).orderBy('seq').limit(limit);
      return visibleOnly(query, filter).execute();
    },

    /** How many visible records have seq > `after` (what a pull from there still has to send). */
    async countSince(after: number, filter: RecordFilter): Promise<number> {
      if (seesNothing(filter)) return 0;
      const query = db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('seq', '>', after);
      const row = await visibleOnly(query, filter).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type RecordsRepository = ReturnType<typeof createRecordsRepository>;
