/** Deletes and edits that crossed each other, for the sync page (conflicts.repository.ts). */
import * as conflicts from './conflicts.repository';
import { boundCommand, liveReadOr } from './device-bindings';

export type { ConflictKind, ConflictView } from './conflicts.repository';

/** Open delete/edit conflicts, live (empty while loading). */
export const useConflicts = liveReadOr(conflicts.listOpenConflicts, []);

export const dismissConflict = boundCommand(conflicts.dismissConflict);
/** Brings a deleted record back (an edit that syncs), with the edits its tombstone was hiding. */
export const restoreDeletedRecord = boundCommand(conflicts.restoreDeletedRecord);
