/**
 * Tour notes for screens (tour-notes.repository.ts): live reads of a tour's
 * or a process's notes and the writes (create, edit, delete), all on the device.
 */
import { boundCommand, liveRead } from './device-bindings';
import * as notes from './tour-notes.repository';

export type { TourNoteInput, TourNotePatch, TourNoteView } from './tour-notes.repository';

/** The notes of one tour, newest first. */
export const useSessionTourNotes = liveRead(notes.listSessionTourNotes);

/** The process's tour notes, newest first. */
export const useTourNotes = liveRead(notes.listProcessTourNotes);

/** One note; null when this device does not hold it (or it was deleted). */
export const useTourNote = liveRead(notes.getTourNote);

/** A note on tour `sessionId` (a territorial_tour session); resolves to the new note's id. */
export const createTourNote = boundCommand(notes.createTourNote);
/** A form passes what it changed (`changedFields`) with `{ diffed: true }`; see `EditOptions`. */
export const updateTourNote = boundCommand(notes.updateTourNote);
export const deleteTourNote = boundCommand(notes.deleteTourNote);
