/**
 * Typed repositories of the synced entities, over `writeLocal`. Reads
 * return plain view objects (`{ id, ...fields }`): components never see
 * hlcs, tombstones or Dexie.
 */
import { newId, type Process, type Session } from '../../domain';
import type { StoredRecord, TequioDb } from './db';
import { changedFields, writeLocal } from './records.repository';

export type ProcessView = Process & { id: string };
export type SessionView = Session & { id: string };
export type ProcessInput = Omit<Process, 'teamUserIds'> & { teamUserIds?: string[] };

export function toView<T>(record: StoredRecord): T & { id: string } {
  return { ...(record.fields as T), id: record.id };
}

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

/** Edits a process; only the fields that differ are written (and synced). */
export async function updateProcess(db: TequioDb, id: string, patch: Partial<Process>): Promise<void> {
  const current = await db.processes.get(id);
  const fields = changedFields(current?.fields ?? {}, patch);
  if (Object.keys(fields).length === 0) return;
  await writeLocal(db, 'process', id, { op: 'put', fields }, { mustExist: true });
}

export async function createSession(db: TequioDb, input: Session): Promise<string> {
  const id = newId();
  await writeLocal(db, 'session', id, { op: 'put', fields: input });
  return id;
}

/** Edits a session; only the fields that differ are written, so concurrent edits of other fields survive. */
export async function updateSession(db: TequioDb, id: string, patch: Partial<Session>): Promise<void> {
  const current = await db.sessions.get(id);
  const fields = changedFields(current?.fields ?? {}, patch);
  if (Object.keys(fields).length === 0) return;
  await writeLocal(db, 'session', id, { op: 'put', fields }, { mustExist: true });
}

/** Deletes a session (a tombstone that syncs like any edit). */
export async function deleteSession(db: TequioDb, id: string): Promise<void> {
  await writeLocal(db, 'session', id, { op: 'delete' }, { mustExist: true });
}

export async function listProcesses(db: TequioDb): Promise<ProcessView[]> {
  const rows = await db.processes.filter((r) => !r.deleted).toArray();
  return rows.map((r) => toView<Process>(r)).sort((a, b) => a.name.localeCompare(b.name, 'es'));
}

export async function listSessions(db: TequioDb, processId: string): Promise<SessionView[]> {
  const rows = await db.sessions
    .where('fields.processId')
    .equals(processId)
    .filter((r) => !r.deleted)
    .toArray();
  return rows
    .map((r) => toView<Session>(r))
    .sort((a, b) => (a.date === b.date ? b.id.localeCompare(a.id) : b.date.localeCompare(a.date)));
}

export async function getLive<T>(db: TequioDb, table: 'processes' | 'sessions', id: string) {
  const row = await db[table].get(id);
  return row && !row.deleted ? toView<T>(row) : null;
}
