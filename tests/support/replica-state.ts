/**
 * What a replica holds, in one comparable shape (`entity:id` → fields, per-field hlcs,
 * tombstone), for the server and for a device; and what the replicas SHOULD hold given every
 * write that was made: for each field, the value of the write with the greatest hlc — the
 * merge rule spelled out independently of domain/merge.ts.
 */
import { DELETED_FIELD, ENTITY_NAMES, type Mutation, type RecordState } from '../../src/domain';
import { ENTITY_TABLES, type TequioDb } from '../../src/client/data/db';
import type { TestServer } from '../integration/harness';

export type ReplicaState = Map<string, RecordState>;

const keyOf = (entity: string, id: string) => `${entity}:${id}`;

export async function serverState(server: TestServer): Promise<ReplicaState> {
  const rows = await server.db.db
    .selectFrom('records')
    .select(['entity', 'id', 'fields', 'hlcs', 'deleted'])
    .execute();
  const state: ReplicaState = new Map();
  for (const row of rows) {
    state.set(keyOf(row.entity, row.id), {
      fields: JSON.parse(row.fields) as RecordState['fields'],
      hlcs: JSON.parse(row.hlcs) as RecordState['hlcs'],
      deleted: Number(row.deleted) === 1,
    });
  }
  return state;
}

export async function deviceState(db: TequioDb): Promise<ReplicaState> {
  const state: ReplicaState = new Map();
  for (const entity of ENTITY_NAMES) {
    for (const record of await db[ENTITY_TABLES[entity]].toArray()) {
      state.set(keyOf(entity, record.id), {
        fields: record.fields,
        hlcs: record.hlcs,
        deleted: record.deleted,
      });
    }
  }
  return state;
}

/** The state every replica must converge to, from the log of every local write on every device. */
export function expectedState(writes: Mutation[]): ReplicaState {
  const winners = new Map<string, Map<string, { hlc: string; value: unknown }>>();
  for (const m of writes) {
    const key = keyOf(m.entity, m.recordId);
    const fields = winners.get(key) ?? new Map<string, { hlc: string; value: unknown }>();
    winners.set(key, fields);
    const written: [string, unknown][] = m.op === 'put' ? Object.entries(m.fields) : [[DELETED_FIELD, true]];
    for (const [name, value] of written) {
      const current = fields.get(name);
      // Stamps are unique per device (node id), so no two different writes share one.
      if (!current || m.hlc > current.hlc) fields.set(name, { hlc: m.hlc, value });
    }
  }
  const state: ReplicaState = new Map();
  for (const [key, fields] of winners) {
    const record: RecordState = { fields: {}, hlcs: {}, deleted: false };
    for (const [name, { hlc, value }] of fields) {
      record.hlcs[name] = hlc;
      if (name === DELETED_FIELD) record.deleted = value === true;
      else record.fields[name] = value;
    }
    state.set(key, record);
  }
  return state;
}

/** Differences between two replicas, as readable lines (empty when identical). */
export function diffStates(expected: ReplicaState, actual: ReplicaState, limit = 10): string[] {
  const lines: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
  for (const [key, want] of expected) {
    const got = actual.get(key);
    if (!got) lines.push(`${key}: missing`);
    else if (!same(want, got)) lines.push(`${key}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
  }
  for (const key of actual.keys()) if (!expected.has(key)) lines.push(`${key}: unexpected`);
  return lines.slice(0, limit);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
