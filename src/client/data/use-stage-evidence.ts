/** Stage evidence for screens (stage-evidence.repository.ts): the facts, read live, and recording a skipped stage later. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { StageEntry } from '../../domain';
import type { StageFacts } from '../../domain/process-stages';
import { getDb } from './current-db';
import * as stageEvidence from './stage-evidence.repository';

/** The process's stage facts, re-read as its sessions, problems, votes or Collective change (undefined while reading). */
export function useStageFacts(processId: string): StageFacts | null | undefined {
  return useLiveQuery(() => stageEvidence.readStageFacts(getDb(), processId), [processId]);
}

/** Records sessions as the evidence of a stage the process passed over (the current stage stays). */
export const recordLateStageEvidence = (processId: string, entry: StageEntry) =>
  stageEvidence.recordLateStageEvidence(getDb(), processId, entry);
