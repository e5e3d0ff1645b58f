/**
 * The self-diagnosis data API the UI builds on: live hooks over the
 * device's problems and tour notes, and the writes (create, edit, merge),
 * all on the device's own database, never waiting on the network.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Problem } from '../../domain';
import { getDb } from './current-db';
import * as problems from './problems.repository';

export type { ProblemView, TourNoteView, ProblemInput, MergeRefusal } from './problems.repository';
export { ProblemMergeError } from './problems.repository';

export const createProblem = (input: problems.ProblemInput) => problems.createProblem(getDb(), input);
export const updateProblem = (id: string, patch: Partial<Problem>) =>
  problems.updateProblem(getDb(), id, patch);
/** `survivorId` absorbs `absorbedId` (both records in one transaction). */
export const mergeProblem = (survivorId: string, absorbedId: string) =>
  problems.mergeProblem(getDb(), survivorId, absorbedId);

/** The process's problems by title, merged ones included (they carry `mergedIntoId`). */
export function useProblems(processId: string): problems.ProblemView[] | undefined {
  return useLiveQuery(() => problems.listProblems(getDb(), processId), [processId]);
}

/** One problem; null when it does not exist on this device (or was deleted). */
export function useProblem(id: string): problems.ProblemView | null | undefined {
  return useLiveQuery(() => problems.getProblem(getDb(), id), [id]);
}

/** The process's tour notes, newest first. */
export function useTourNotes(processId: string): problems.TourNoteView[] | undefined {
  return useLiveQuery(() => problems.listTourNotes(getDb(), processId), [processId]);
}
