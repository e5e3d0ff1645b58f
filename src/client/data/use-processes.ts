/** Processes for screens (processes.repository.ts): live reads and the writes, all on the device. */
import { boundCommand, liveRead } from './device-bindings';
import * as processes from './processes.repository';

export type { ProcessInput, ProcessView } from './processes.repository';
export { StageTransitionError, type StageProblem } from '../../domain/process-stages';

/** Every process on the device, by name (undefined while loading). */
export const useProcesses = liveRead(processes.listProcesses);

/** One process; null when this device does not hold it (or it was deleted). */
export const useProcess = liveRead(processes.getProcess);

export const createProcess = boundCommand(processes.createProcess);
export const updateProcess = boundCommand(processes.updateProcess);
/** Puts a person on exactly these processes' teams (local writes that sync). */
export const setTeamMemberships = boundCommand(processes.setTeamMemberships);
/** Moves the process to a stage (throws StageTransitionError when the stage rules refuse). */
export const recordStageEntry = boundCommand(processes.recordStageEntry);

/** The process's stage facts, re-read as its sessions, problems, votes or Collective change (undefined while reading). */
export const useStageFacts = liveRead(processes.readStageFacts);

/** Records sessions as the evidence of a stage the process passed over (the current stage stays). */
export const recordLateStageEvidence = boundCommand(processes.recordLateStageEvidence);
