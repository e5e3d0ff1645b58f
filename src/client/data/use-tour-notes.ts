/**
 * Tour notes for screens (tour-notes.repository.ts): live reads of a tour's
 * or a process's notes and the writes (create, edit, delete), all on the device.
 */
import { getDb } from './current-db';
import type { EditOptions } from './records.repository';
import * as notes from './tour-notes.repository';
import { useDeviceRead } from './use-device-read';

export type { TourNoteInput, TourNotePatch, TourNoteView } from './tour-notes.repository';

/** The notes of one tour, newest first. */
export function useSessionTourNotes(sessionId: string): notes.TourNoteView[] | undefined {
  return useDeviceRead(notes.listSessionTourNotes, sessionId);
}

/** The process's tour notes, newest first. */
export function useTourNotes(processId: string): notes.TourNoteView[] | undefined {
  return useDeviceRead(notes.listProcessTourNotes, processId);
}

/** One note; null when this device does not hold it (or it was deleted). */
export function useTourNote(id: string): notes.TourNoteView | null | undefined {
  return useDeviceRead(notes.getTourNote, id);
}

/** A note on tour `sessionId` (a territorial_tour session); resolves to the new note's id. */
export const createTourNote = (sessionId: string, input: notes.TourNoteInput) =>
  notes.createTourNote(getDb(), sessionId, input);
/** A form passes what it changed (`changedFields`) with `{ diffed: true }`; see `EditOptions`. */
export const updateTourNote = (id: string, patch: notes.TourNotePatch, options?: EditOptions) =>
  notes.updateTourNote(getDb(), id, patch, options);
export const deleteTourNote = (id: string) => notes.deleteTourNote(getDb(), id);
