/**
 * Processes on the device: creating one, editing it and recording the stages
 * it reaches (and, for stages passed over, the evidence recorded later: the facts the stage
 * rules of domain/process-stages.ts read). Every write is a local write (record + outbox in one
 * transaction, records.repository.ts) that syncs like any edit.
 *
 * Under conflict: an edit writes only the fields it changes; a stage
 * transition writes `stage` and `stageHistory` in one edit. Both merge
 * last-writer-wins per field.
 */
import { isAgendaRound, type Process, type StageEntry } from '../../domain';
import { applyLateStageEvidence, applyStageEntry, type StageFacts } from '../../domain/process-stages';
import type { TequioDb } from './db';
import { NotFoundError } from './errors';
import * as records from './records.repository';
import { listSessions } from './sessions.repository';

export type ProcessView = records.View<Process>;
export type ProcessInput = Omit<Process, 'teamUserIds'> & { teamUserIds?: string[] };

/** Creates a process; the signed-in user joins its team so their device keeps receiving it. */
export async function createProcess(db: TequioDb, input: ProcessInput): Promise<string> {
  const account = await db.getMeta('account');
  const team = new Set(input.teamUserIds ?? []);
  if (account && (account.user.role === 'facilitator' || account.user.role === 'promoter'))
    team.add(account.user.id);
  return records.createLocal(db, 'process', { ...input, teamUserIds: [...team] });
}

/** Edits a process; only the fields that changed are written (and synced), see `EditOptions`. */
export function updateProcess(
  db: TequioDb,
  id: string,
  patch: Partial<Process>,
  options?: records.EditOptions,
) {
  return records.editLocal(db, 'process', id, patch, options);
}

/**
 * Puts a person on exactly the teams of `processIds` among the processes this device holds
 * (adding or removing them elsewhere): one local write per process whose team changes, each
 * syncing like any team edit. Returns how many teams changed.
 */
export async function setTeamMemberships(
  db: TequioDb,
  userId: string,
  processIds: readonly string[],
): Promise<number> {
  const wanted = new Set(processIds);
  let changed = 0;
  for (const process of await listProcesses(db)) {
    const member = process.teamUserIds.includes(userId);
    if (member === wanted.has(process.id)) continue;
    const teamUserIds = member
      ? process.teamUserIds.filter((id) => id !== userId)
      : [...process.teamUserIds, userId];
    await records.editLocal(db, 'process', process.id, { teamUserIds });
    changed++;
  }
  return changed;
}

/** Every process on the device, by name. */
export async function listProcesses(db: TequioDb): Promise<ProcessView[]> {
  return records.liveViews(await db.processes.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'es'));
}

export function getProcess(db: TequioDb, id: string): Promise<ProcessView | null> {
  return records.getLive(db, 'process', id);
}

/**
 * Records that the process reached `entry.stage` (forward, or back with a
 * note), checked by the domain's stage rules against this device's sessions
 * of the process. Throws StageTransitionError when refused.
 */
export async function recordStageEntry(db: TequioDb, processId: string, entry: StageEntry): Promise<void> {
  const process = await records.requireLive(db, 'process', processId);
  const sessionIds = (await listSessions(db, processId)).map((s) => s.id);
  await updateProcess(db, processId, applyStageEntry(process, entry, sessionIds));
}

/** What this device holds of the process's work; null when it holds no such process. */
export async function readStageFacts(db: TequioDb, processId: string): Promise<StageFacts | null> {
  return db.transaction('r', [db.processes, db.sessions, db.problems, db.rounds], async () => {
    const row = await db.processes.get(processId);
    if (!row || row.deleted) return null;
    const collective = row.fields.collective;
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
      .filter((r) => !r.deleted && r.fields.status === 'closed' && !isAgendaRound(r.fields))
      .count();
    return {
      collectiveMembers: collective?.memberCount ?? 0,
      sessionTypes: sessions.map((s) => s.fields.type),
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
  await updateProcess(db, processId, applyLateStageEvidence(row.fields, entry, sessionIds));
}
