/**
 * The delete/edit crossings the server sees while it applies a push. The
 * field merge settles them on its own (the tombstone wins, the edited fields
 * are kept under it), so nothing is refused; but the office must hear of
 * them, because typed work is hidden under a tombstone. Pure: the write path
 * notes what this finds and the push stores it for the review queue.
 *
 * - `edit_of_deleted`: an edit arrives for a record the server holds as
 *   deleted (the device did not know of the delete);
 * - `deleted_while_edited`: a delete arrives for a record holding edits
 *   stamped after the delete (the delete did not know of them).
 */
import { DELETED_FIELD, type Mutation, type RecordState } from '../../domain';

export type CrossingKind = 'edit_of_deleted' | 'deleted_while_edited';

export interface Crossing {
  kind: CrossingKind;
  fields: string[];
}

/** The crossing a write reveals (`changedValues`: fields whose value it changed), or null. */
export function crossingOf(
  before: RecordState | undefined,
  mutation: Mutation,
  after: RecordState,
  changedValues: string[],
): Crossing | null {
  if (!before) return null;
  const data = changedValues.filter((f) => f !== DELETED_FIELD);
  if (before.deleted && after.deleted && data.length > 0) {
    return { kind: 'edit_of_deleted', fields: [...data].sort() };
  }
  if (mutation.op === 'delete' && !before.deleted && after.deleted) {
    const newer = Object.entries(before.hlcs)
      .filter(([name, stamp]) => name !== DELETED_FIELD && stamp > mutation.hlc)
      .map(([name]) => name)
      .sort();
    return newer.length > 0 ? { kind: 'deleted_while_edited', fields: newer } : null;
  }
  return null;
}
