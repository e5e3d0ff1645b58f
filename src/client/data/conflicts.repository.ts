/**
 * Delete/edit conflicts. The field-level merge settles a delete that crosses an
 * edit on its own — the tombstone wins until a put of `deleted: false` restores
 * the record — so every replica converges without help. What the merge cannot
 * do is tell anyone: notes typed at an assembly must not vanish silently because
 * the office deleted the session meanwhile. This module spots such crossings
 * while a pull merges records, keeps them in `conflicts` for the sync page, and
 * offers the two ways out: restore the record (an ordinary edit that syncs, so
 * the restore wins everywhere) or dismiss the notice.
 *
 * A crossing is recognised, from what this device knows, when a record it
 * already held is merged into a deleted one and
 * - a field was written after the tombstone (`edited_after_delete`): nobody can
 *   edit a record they hold as deleted, so that edit never saw the delete — every
 *   device sees this one the same way;
 * - a pull brings a field change to a record this device already held as deleted
 *   (`edit_of_deleted`): the delete, made here or seen here, did not know of it;
 * - a pull brings the tombstone for a record this device edited since its last
 *   complete pull (`deleted_while_edited`): the edit had not come back yet, so the
 *   delete was made without it.
 *
 * Offline: detection runs on pulled pages, the entries live on the device.
 * Plain TypeScript (no React): the sync engine uses it while it merges.
 */
import { DELETED_FIELD, isEntityName, type EntityName, type RecordState } from '../../domain';
import type { ConflictEntry, StoredRecord, TequioDb } from './db';
import { writeLocal } from './records.repository';

export type ConflictKind = ConflictEntry['kind'];

export interface ConflictView {
  key: number;
  entity: string;
  recordId: string;
  kind: ConflictKind;
  fields: string[];
  detectedAt: string;
  /** The record's title or name, to recognise it. */
  label: string | null;
}

export interface MergeSeen {
  before: StoredRecord | undefined;
  after: RecordState;
  /** Fields the merge changed (tombstone included). */
  changed: string[];
  /** Fields this device edited and the server has not echoed back yet. */
  editedHere: string[];
}

const dataFields = (names: string[]) => names.filter((n) => n !== DELETED_FIELD);

/** The conflict a merge reveals, if any (pure). */
export function detectDeleteEditConflict(seen: MergeSeen): Pick<ConflictEntry, 'kind' | 'fields'> | null {
  const { before, after, changed } = seen;
  const tombstone = after.hlcs[DELETED_FIELD];
  // A record met for the first time is just history here: the crossing happened elsewhere.
  if (!before || !after.deleted || !tombstone || changed.length === 0) return null;
  const newer = dataFields(Object.keys(after.hlcs)).filter((n) => after.hlcs[n]! > tombstone);
  if (newer.length > 0) return { kind: 'edited_after_delete', fields: newer.sort() };
  if (before?.deleted) {
    const learned = dataFields(changed);
    return learned.length > 0 ? { kind: 'edit_of_deleted', fields: learned.sort() } : null;
  }
  if (changed.includes(DELETED_FIELD) && seen.editedHere.length > 0) {
    return { kind: 'deleted_while_edited', fields: dataFields([...new Set(seen.editedHere)]).sort() };
  }
  return null;
}

/**
 * Stores the conflict a merge reveals (call inside the pull's transaction, which must
 * include `conflicts`). One entry per record, kind and tombstone: seeing it again adds nothing.
 */
export async function noteMergeConflict(db: TequioDb, entity: string, recordId: string, seen: MergeSeen) {
  const found = detectDeleteEditConflict(seen);
  if (!found) return;
  const deletedHlc = seen.after.hlcs[DELETED_FIELD]!;
  const known = await db.conflicts
    .where('[entity+recordId]')
    .equals([entity, recordId])
    .filter((c) => c.kind === found.kind && c.deletedHlc === deletedHlc)
    .count();
  if (known > 0) return;
  await db.conflicts.add({ entity, recordId, ...found, deletedHlc, detectedAt: new Date().toISOString() });
}

/** Conflicts not dismissed whose record is still deleted (a restore anywhere closes them), newest first. */
export async function listOpenConflicts(db: TequioDb): Promise<ConflictView[]> {
  const open = await db.conflicts.filter((c) => !c.dismissedAt).toArray();
  const views: ConflictView[] = [];
  for (const c of open) {
    const record = await tableOf(db, c.entity)?.get(c.recordId);
    if (!record?.deleted) continue;
    const label = record.fields.title ?? record.fields.name;
    views.push({
      key: c.key!,
      entity: c.entity,
      recordId: c.recordId,
      kind: c.kind,
      fields: c.fields,
      detectedAt: c.detectedAt,
      label: typeof label === 'string' ? label : null,
    });
  }
  return views.sort((a, b) => b.detectedAt.localeCompare(a.detectedAt) || b.key - a.key);
}

export async function dismissConflict(db: TequioDb, key: number): Promise<void> {
  await db.conflicts.update(key, { dismissedAt: new Date().toISOString() });
}

/**
 * Undoes the delete: a put of `deleted: false` with a new stamp, queued like any edit, so
 * the record comes back on every device with the edits the tombstone was hiding.
 */
export async function restoreDeletedRecord(
  db: TequioDb,
  entity: EntityName,
  recordId: string,
): Promise<void> {
  await writeLocal(db, entity, recordId, { op: 'put', fields: { [DELETED_FIELD]: false } });
  const now = new Date().toISOString();
  await db.conflicts
    .where('[entity+recordId]')
    .equals([entity, recordId])
    .modify((c) => {
      c.dismissedAt ??= now;
    });
}

function tableOf(db: TequioDb, entity: string) {
  return isEntityName(entity) ? db.tableFor(entity) : undefined;
}
