/**
 * Self-diagnosis for screens (problems.repository.ts): live reads of a
 * process's problems and the writes (create, edit, merge), all on the device.
 */
import { boundCommand, liveRead } from './device-bindings';
import * as problems from './problems.repository';

export type { MergeRefusal, ProblemInput, ProblemView } from './problems.repository';
export { ProblemMergeError } from './problems.repository';

/** The process's problems by title, merged ones included (they carry `mergedIntoId`). */
export const useProblems = liveRead(problems.listProblems);

/** One problem; null when it does not exist on this device (or was deleted). */
export const useProblem = liveRead(problems.getProblem);

export const createProblem = boundCommand(problems.createProblem);
/** A form passes what it changed (`changedFields`) with `{ diffed: true }`; see `EditOptions`. */
export const updateProblem = boundCommand(problems.updateProblem);
/** `survivorId` absorbs `absorbedId` (both records in one transaction). */
export const mergeProblem = boundCommand(problems.mergeProblem);
