/**
 * Tour notes: what a promoter saw at a point of a territorial tour, and the
 * evidence a problem of the process links to. Written on the device (record +
 * outbox in one transaction), synced like any edit; photos are blob
 * references whose bytes upload on the next sync.
 *
 * Under conflict: an edit writes only the fields it changed, so two people
 * fixing different fields of the same note both keep their change.
 */
import type { TourNote } from '../../domain';
import type { TequioDb } from './db';
import * as records from './records.repository';

export type TourNoteView = records.View<TourNote>;
/** What the form gives: the note without its process, tour and time (filled in here). */
export type TourNoteInput = Omit<TourNote, 'processId' | 'sessionId' | 'takenAt'> & { takenAt?: string };
/** What an edit may change: everything but the process and tour it belongs to. */
export type TourNotePatch = Partial<Omit<TourNote, 'processId' | 'sessionId'>>;

/** A note on tour `sessionId` (its process comes from the session), taken now unless said otherwise. */
export async function createTourNote(db: TequioDb, sessionId: string, input: TourNoteInput): Promise<string> {
  const session = await records.requireLive(db, 'session', sessionId);
  const takenAt = input.takenAt ?? new Date().toISOString();
  return records.createLocal(db, 'tourNote', { ...input, processId: session.processId, sessionId, takenAt });
}

/** Edits a note; only the fields that changed are written (and synced), see `EditOptions`. */
export function updateTourNote(
  db: TequioDb,
  id: string,
  patch: TourNotePatch,
  options?: records.EditOptions,
) {
  return records.editLocal(db, 'tourNote', id, patch, options);
}

/** Deletes a note (a tombstone that syncs). Its photos stay on the device until cleaned up as usual. */
export function deleteTourNote(db: TequioDb, id: string): Promise<void> {
  return records.deleteLocal(db, 'tourNote', id);
}

/** The notes of one tour, newest first. */
export async function listSessionTourNotes(db: TequioDb, sessionId: string): Promise<TourNoteView[]> {
  const rows = await db.tourNotes.where('fields.sessionId').equals(sessionId).toArray();
  return records
    .liveViews(rows)
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.id.localeCompare(a.id));
}

/** The process's tour notes, newest first: the evidence a problem can link to. */
export async function listProcessTourNotes(db: TequioDb, processId: string): Promise<TourNoteView[]> {
  const rows = await db.tourNotes.where('fields.processId').equals(processId).toArray();
  return records
    .liveViews(rows)
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || a.id.localeCompare(b.id));
}

/** One note; null when this device does not hold it (or it was deleted). */
export function getTourNote(db: TequioDb, id: string): Promise<TourNoteView | null> {
  return records.getLive(db, 'tourNote', id);
}
