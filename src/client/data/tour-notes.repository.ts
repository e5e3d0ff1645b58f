/**
 * Tour notes: what a promoter saw at a point of a territorial tour. Written
 * on the device (record + outbox in one transaction), synced like any edit;
 * photos are blob references whose bytes upload on the next sync.
 *
 * Under conflict: an edit writes only the fields it changed, so two people
 * fixing different fields of the same note both keep their change.
 */
import { newId, type Session, type TourNote } from '../../domain';
import type { StoredRecord, TequioDb } from './db';
import { toView } from './entities.repository';
import { NotFoundError } from './errors';
import type { TourNoteView } from './problems.repository';
import { changedFields, writeLocal } from './records.repository';

/** What the form gives: the note without its process, tour and time (filled in here). */
export type TourNoteInput = Omit<TourNote, 'processId' | 'sessionId' | 'takenAt'> & { takenAt?: string };
/** What an edit may change: everything but the process and tour it belongs to. */
export type TourNotePatch = Partial<Omit<TourNote, 'processId' | 'sessionId'>>;

const live = (row: StoredRecord | undefined): row is StoredRecord => Boolean(row && !row.deleted);

/** A note on tour `sessionId` (its process comes from the session), taken now unless said otherwise. */
export async function createTourNote(db: TequioDb, sessionId: string, input: TourNoteInput): Promise<string> {
  const session = await db.sessions.get(sessionId);
  if (!live(session)) throw new NotFoundError('session', sessionId);
  const id = newId();
  const fields: TourNote = {
    ...input,
    processId: (session.fields as Session).processId,
    sessionId,
    takenAt: input.takenAt ?? new Date().toISOString(),
  };
  await writeLocal(db, 'tourNote', id, { op: 'put', fields });
  return id;
}

/** Edits a note; only the fields that differ are written (and synced). */
export async function updateTourNote(db: TequioDb, id: string, patch: TourNotePatch): Promise<void> {
  const current = await db.tourNotes.get(id);
  if (!live(current)) throw new NotFoundError('tourNote', id);
  const fields = changedFields(current.fields, patch);
  if (Object.keys(fields).length === 0) return;
  await writeLocal(db, 'tourNote', id, { op: 'put', fields }, { mustExist: true });
}

/** Deletes a note (a tombstone that syncs). Its photos stay on the device until cleaned up as usual. */
export async function deleteTourNote(db: TequioDb, id: string): Promise<void> {
  await writeLocal(db, 'tourNote', id, { op: 'delete' }, { mustExist: true });
}

/** The notes of one tour, newest first. */
export async function listSessionTourNotes(db: TequioDb, sessionId: string): Promise<TourNoteView[]> {
  const rows = await db.tourNotes.where('fields.sessionId').equals(sessionId).filter(live).toArray();
  return rows
    .map((r) => toView<TourNote>(r))
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.id.localeCompare(a.id));
}

/** One note; null when this device does not hold it (or it was deleted). */
export async function getTourNote(db: TequioDb, id: string): Promise<TourNoteView | null> {
  const row = await db.tourNotes.get(id);
  return live(row) ? toView<TourNote>(row) : null;
}
