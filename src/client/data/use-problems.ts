/**
 * Self-diagnosis for screens (problems.repository.ts): live reads of a
 * process's problems and the writes (create, edit, merge), all on the device.
 */
import type { Problem } from '../../domain';
import { getDb } from './current-db';
import * as problems from './problems.repository';
import type { EditOptions } from './records.repository';
import { useDeviceRead } from './use-device-read';

export type { MergeRefusal, ProblemInput, ProblemView } from './problems.repository';
export { ProblemMergeError } from './problems.repository';

/** The process's problems by title, merged ones included (they carry `mergedIntoId`). */
export function useProblems(processId: string): problems.ProblemView[] | undefined {
  return useDeviceRead(problems.listProblems, processId);
}

/** One problem; null when it does not exist on this device (or was deleted). */
export function useProblem(id: string): problems.ProblemView | null | undefined {
  return useDeviceRead(problems.getProblem, id);
}

export const createProblem = (input: problems.ProblemInput) => problems.createProblem(getDb(), input);
/** A form passes what it changed (`changedFields`) with `{ diffed: true }`; see `EditOptions`. */
export const updateProblem = (id: string, patch: Partial<Problem>, options?: EditOptions) =>
  problems.updateProblem(getDb(), id, patch, options);
/** `survivorId` absorbs `absorbedId` (both records in one transaction). */
export const mergeProblem = (survivorId: string, absorbedId: string) =>
  problems.mergeProblem(getDb(), survivorId, absorbedId);
