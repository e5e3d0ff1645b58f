/** Processes for screens (processes.repository.ts): live reads and the writes, all on the device. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Process, StageEntry } from '../../domain';
import type { StageFacts } from '../../domain/process-stages';
import { getDb } from './current-db';
import * as processes from './processes.repository';
import type { EditOptions } from './records.repository';
import { useDeviceRead } from './use-device-read';

export type { ProcessInput, ProcessView } from './processes.repository';
export { StageTransitionError, type StageProblem } from '../../domain/process-stages';

/** Every process on the device, by name (undefined while loading). */
export function useProcesses(): processes.ProcessView[] | undefined {
  return useLiveQuery(() => processes.listProcesses(getDb()), []);
}

/** One process; null when this device does not hold it (or it was deleted). */
export function useProcess(id: string): processes.ProcessView | null | undefined {
  return useDeviceRead(processes.getProcess, id);
}

export const createProcess = (input: processes.ProcessInput) => processes.createProcess(getDb(), input);
export const updateProcess = (id: string, patch: Partial<Process>, options?: EditOptions) =>
  processes.updateProcess(getDb(), id, patch, options);
/** Puts a person on exactly these processes' teams (local writes that sync). */
export const setTeamMemberships = (userId: string, processIds: readonly string[]) =>
  processes.setTeamMemberships(getDb(), userId, processIds);
/** Moves the process to a stage (throws StageTransitionError when the stage rules refuse). */
export const recordStageEntry = (processId: string, entry: StageEntry) =>
  processes.recordStageEntry(getDb(), processId, entry);

/** The process's stage facts, re-read as its sessions, problems, votes or Collective change (undefined while reading). */
export function useStageFacts(processId: string): StageFacts | null | undefined {
  return useDeviceRead(processes.readStageFacts, processId);
}

/** Records sessions as the evidence of a stage the process passed over (the current stage stays). */
export const recordLateStageEvidence = (processId: string, entry: StageEntry) =>
  processes.recordLateStageEvidence(getDb(), processId, entry);
