/**
 * Tour notes data API: live hooks over the device's notes of a tour and the
 * writes (create, edit, delete), all on the device's own database.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import type { TourNoteView } from './problems.repository';
import * as notes from './tour-notes.repository';

export type { TourNoteInput, TourNotePatch } from './tour-notes.repository';

/** A note on tour `sessionId` (a territorial_tour session); resolves to the new note's id. */
export const createTourNote = (sessionId: string, input: notes.TourNoteInput) =>
  notes.createTourNote(getDb(), sessionId, input);
/** Writes only the fields of `patch` that differ from the stored note. */
export const updateTourNote = (id: string, patch: notes.TourNotePatch) =>
  notes.updateTourNote(getDb(), id, patch);
export const deleteTourNote = (id: string) => notes.deleteTourNote(getDb(), id);

/** The notes of one tour, newest first. */
export function useSessionTourNotes(sessionId: string): TourNoteView[] | undefined {
  return useLiveQuery(() => notes.listSessionTourNotes(getDb(), sessionId), [sessionId]);
}

/** One note; null when this device does not hold it (or it was deleted). */
export function useTourNote(id: string): TourNoteView | null | undefined {
  return useLiveQuery(() => notes.getTourNote(getDb(), id), [id]);
}
