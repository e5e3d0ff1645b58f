/**
 * Processes on the device: creating one, editing it and recording the stages
 * it reaches. Every write is a local write (record + outbox in one
 * transaction, records.repository.ts) that syncs like any edit.
 *
 * Under conflict: an edit writes only the fields it changes; a stage
 * transition writes `stage` and `stageHistory` in one edit. Both merge
 * last-writer-wins per field.
 */
import { newId, type Process, type StageEntry } from '../../domain';
import { applyStageEntry } from '../../domain/process-stages';
import type { TequioDb } from './db';
import {
  editLocal,
  getLive,
  liveViews,
  requireLive,
  writeLocal,
  type EditOptions,
  type View,
} from './records.repository';
import { listSessions } from './sessions.repository';

export type ProcessView = View<Process>;
export type ProcessInput = Omit<Process, 'teamUserIds'> & { teamUserIds?: string[] };

/** Creates a process; the signed-in user joins its team so their device keeps receiving it. */
export async function createProcess(db: TequioDb, input: ProcessInput): Promise<string> {
  const account = await db.getMeta('account');
  const team = new Set(input.teamUserIds ?? []);
  if (account && (account.user.role === 'facilitator' || account.user.role === 'promoter'))
    team.add(account.user.id);
  const id = newId();
  await writeLocal(db, 'process', id, { op: 'put', fields: { ...input, teamUserIds: [...team] } });
  return id;
}

/** Edits a process; only the fields that changed are written (and synced), see `EditOptions`. */
export async function updateProcess(
  db: TequioDb,
  id: string,
  patch: Partial<Process>,
  options?: EditOptions,
): Promise<void> {
  await editLocal(db, 'process', id, patch, options);
}

/** Every process on the device, by name. */
export async function listProcesses(db: TequioDb): Promise<ProcessView[]> {
  return liveViews(await db.processes.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'es'));
}

export function getProcess(db: TequioDb, id: string): Promise<ProcessView | null> {
  return getLive(db, 'process', id);
}

/**
 * Records that the process reached `entry.stage` (forward, or back with a
 * note), checked by the domain's stage rules against this device's sessions
 * of the process. Throws StageTransitionError when refused.
 */
export async function recordStageEntry(db: TequioDb, processId: string, entry: StageEntry): Promise<void> {
  const process = await requireLive(db, 'process', processId);
  const sessionIds = (await listSessions(db, processId)).map((s) => s.id);
  await updateProcess(db, processId, applyStageEntry(process, entry, sessionIds));
}
