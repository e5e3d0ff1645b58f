/**
 * Field-level last-writer-wins merge, the one rule both client and server use.
 *
 * Every field of a record carries the hlc that last wrote it. An incoming
 * value replaces the stored one iff its hlc is greater; on an equal hlc (the
 * same write delivered twice, or a forged duplicate) the greater JSON
 * encoding wins so that every replica picks the same value whatever the
 * delivery order. The tombstone is the field `deleted`, merged like any other.
 *
 * Pure: no I/O, no clock, no mutation of the inputs.
 */
import type { Hlc } from './hlc';

export type Fields = Record<string, unknown>;
export type FieldHlcs = Record<string, Hlc>;

export interface RecordState {
  fields: Fields;
  hlcs: FieldHlcs;
  deleted: boolean;
}

/** A set of field writes, each with its own stamp. */
export interface FieldWrites {
  fields: Fields;
  hlcs: FieldHlcs;
}

export const DELETED_FIELD = 'deleted';

export const EMPTY_RECORD: RecordState = Object.freeze({
  fields: Object.freeze({}) as Fields,
  hlcs: Object.freeze({}) as FieldHlcs,
  deleted: false,
}) as RecordState;

function wins(incomingHlc: Hlc, incomingValue: unknown, storedHlc: Hlc | undefined, storedValue: unknown) {
  if (storedHlc === undefined || incomingHlc > storedHlc) return true;
  if (incomingHlc < storedHlc) return false;
  return JSON.stringify(incomingValue) > JSON.stringify(storedValue);
}

/**
 * Applies `writes` to `stored`. Returns the merged state and the names of
 * the fields that changed (empty when the writes were all stale).
 */
export function mergeFields(
  stored: RecordState | undefined,
  writes: FieldWrites,
): { state: RecordState; changed: string[] } {
  const base = stored ?? EMPTY_RECORD;
  const fields: Fields = { ...base.fields };
  const hlcs: FieldHlcs = { ...base.hlcs };
  let deleted = base.deleted;
  const changed: string[] = [];

  for (const name of Object.keys(writes.hlcs).sort()) {
    const hlc = writes.hlcs[name];
    if (hlc === undefined) continue;
    const isTombstone = name === DELETED_FIELD;
    const value = isTombstone ? Boolean(writes.fields[name]) : writes.fields[name];
    const current = isTombstone ? deleted : fields[name];
    if (!wins(hlc, value, hlcs[name], current)) continue;
    hlcs[name] = hlc;
    if (isTombstone) deleted = value as boolean;
    else fields[name] = value;
    changed.push(name);
  }
  return { state: { fields, hlcs, deleted }, changed };
}

/** The writes of a `put` mutation: every field stamped with the one hlc, unless `hlcs` says otherwise. */
export function putWrites(fields: Fields, hlc: Hlc, hlcs?: FieldHlcs): FieldWrites {
  const stamps: FieldHlcs = {};
  for (const name of Object.keys(fields)) stamps[name] = hlcs?.[name] ?? hlc;
  return { fields, hlcs: stamps };
}

/** The writes of a `delete` mutation: the tombstone. */
export function deleteWrites(hlc: Hlc): FieldWrites {
  return { fields: { [DELETED_FIELD]: true }, hlcs: { [DELETED_FIELD]: hlc } };
}

/** Every field of a record as writes with their original stamps (used to re-push after an epoch change). */
export function stateAsWrites(state: RecordState): FieldWrites {
  const fields: Fields = { ...state.fields };
  if (state.hlcs[DELETED_FIELD]) fields[DELETED_FIELD] = state.deleted;
  return { fields, hlcs: { ...state.hlcs } };
}

/** The greatest hlc in a record, or null for an empty one. */
export function maxHlc(hlcs: FieldHlcs): Hlc | null {
  let max: Hlc | null = null;
  for (const h of Object.values(hlcs)) if (max === null || h > max) max = h;
  return max;
}
