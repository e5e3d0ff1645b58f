/**
 * The evidence of a process's stages on this device (domain/process-stages.ts
 * says what counts): the facts the stage rules read, and evidence recorded
 * later for a stage the process passed over. Plain functions over the device
 * database; offline like every write (the patch syncs as a process edit,
 * `stageHistory` merged last-writer-wins like any field).
 */
import type { Process, StageEntry } from '../../domain';
import { applyLateStageEvidence, type StageFacts } from '../../domain/process-stages';
import type { TequioDb } from './db';
import { listSessions, updateProcess } from './entities.repository';
import { NotFoundError } from './errors';

/** What this device holds of the process's work; null when it holds no such process. */
export async function readStageFacts(db: TequioDb, processId: string): Promise<StageFacts | null> {
  return db.transaction('r', [db.processes, db.sessions, db.problems, db.rounds], async () => {
    const row = await db.processes.get(processId);
    if (!row || row.deleted) return null;
    const collective = (row.fields as Partial<Process>).collective;
    const sessions = await db.sessions
      .where('fields.processId')
      .equals(processId)
      .filter((r) => !r.deleted)
      .toArray();
    const problems = await db.problems
      .where('fields.processId')
      .equals(processId)
      .filter((r) => !r.deleted)
      .count();
    const closedRounds = await db.rounds
      .where('fields.processId')
      .equals(processId)
      .filter((r) => !r.deleted && r.fields.status === 'closed')
      .count();
    return {
      collectiveMembers: collective?.memberCount ?? 0,
      sessionTypes: sessions.map((s) => s.fields.type as StageFacts['sessionTypes'][number]),
      problems,
      closedRounds,
    };
  });
}

/**
 * Records sessions as the evidence of a stage the process passed over,
 * without changing its current stage. Throws StageTransitionError when the
 * domain refuses it (not a stage passed over, no sessions, another process's).
 */
export async function recordLateStageEvidence(
  db: TequioDb,
  processId: string,
  entry: StageEntry,
): Promise<void> {
  const row = await db.processes.get(processId);
  if (!row || row.deleted) throw new NotFoundError('process', processId);
  const sessionIds = (await listSessions(db, processId)).map((s) => s.id);
  await updateProcess(db, processId, applyLateStageEvidence(row.fields as Process, entry, sessionIds));
}
