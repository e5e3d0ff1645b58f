/** Deletes and edits that crossed each other, for the sync page (conflicts.repository.ts). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { EntityName } from '../../domain';
import * as conflicts from './conflicts.repository';
import { getDb } from './current-db';

export type { ConflictKind, ConflictView } from './conflicts.repository';

/** Open delete/edit conflicts, live (empty while loading). */
export function useConflicts(): conflicts.ConflictView[] {
  return useLiveQuery(() => conflicts.listOpenConflicts(getDb()), [], []);
}

export const dismissConflict = (key: number) => conflicts.dismissConflict(getDb(), key);
/** Brings a deleted record back (an edit that syncs), with the edits its tombstone was hiding. */
export const restoreDeletedRecord = (entity: EntityName, id: string) =>
  conflicts.restoreDeletedRecord(getDb(), entity, id);
