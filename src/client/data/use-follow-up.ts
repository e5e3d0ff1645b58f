/**
 * The follow-up for screens: a project's timeline and the writes that add to
 * it (project-updates.repository.ts), the pendientes and what each
 * government area holds (follow-up.repository.ts), and marking a session's
 * agreement done. All on the device; due states are read in Mexico City time.
 */
import { getDb } from './current-db';
import { boundCommand, liveRead } from './device-bindings';
import * as followUp from './follow-up.repository';
import * as updates from './project-updates.repository';
import { setAgreementStatus } from './sessions.repository';
import { useDeviceRead } from './use-device-read';

export type { PendingEntry } from './follow-up.repository';
export type { CommitmentDoneInput, ProgressInput, ProjectUpdateView } from './project-updates.repository';
export { StatusChangeError } from './project-updates.repository';

/** A project's timeline, newest first (undefined while loading). */
export const useProjectUpdates = liveRead(updates.listProjectUpdates);

/** The pendientes of one process, or (no id) of every process on the device. */
export function usePending(processId?: string): followUp.PendingEntry[] | undefined {
  return useDeviceRead(followUp.listPending, processId);
}

export const useAreaFollowUp = liveRead(followUp.getAreaFollowUp);

export const useOverdueByArea = liveRead(followUp.countOverdueByArea);

export const recordProgress = boundCommand(updates.recordProgress);
export const markCommitmentDone = boundCommand(updates.markCommitmentDone);
/** A session's agreement is done (its status in the session). */
export const markAgreementDone = (sessionId: string, agreementId: string) =>
  setAgreementStatus(getDb(), sessionId, agreementId, 'done');
