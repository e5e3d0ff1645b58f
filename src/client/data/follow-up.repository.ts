/**
 * What the follow-up reads across records on this device (read-only, like
 * traceability.repository.ts): the "pendientes" — project commitments and
 * session agreements with their due state — of one process or of every
 * process this device holds (the user's scope), and, per government area,
 * the projects naming it and the commitments it holds. Due states are
 * computed at read time in America/Mexico_City (domain/follow-up.ts).
 */
import {
  areaFollowUp,
  overdueByArea,
  pendingItems,
  type AreaFollowUp,
  type PendingItem,
  type Project,
} from '../../domain';
import type { TequioDb } from './db';
import { liveViews, type View } from './records.repository';

export type PendingEntry = PendingItem & { processName: string };

async function projectsOf(db: TequioDb, processId?: string): Promise<View<Project>[]> {
  const rows = processId
    ? await db.projects.where('fields.processId').equals(processId).toArray()
    : await db.projects.toArray();
  return liveViews(rows);
}

/** The pendientes of `processId`, or of every process on the device; in the list's order. */
export async function listPending(
  db: TequioDb,
  processId?: string,
  now = new Date(),
): Promise<PendingEntry[]> {
  const [projects, sessionRows, processRows] = await Promise.all([
    projectsOf(db, processId),
    processId ? db.sessions.where('fields.processId').equals(processId).toArray() : db.sessions.toArray(),
    db.processes.toArray(),
  ]);
  const processes = new Map(liveViews(processRows).map((p) => [p.id, p.name]));
  return pendingItems(projects, liveViews(sessionRows), now)
    .filter((item) => processes.has(item.processId))
    .map((item) => ({ ...item, processName: processes.get(item.processId)! }));
}

/** What one government area holds across the processes on the device. */
export async function getAreaFollowUp(
  db: TequioDb,
  areaId: string,
  now = new Date(),
): Promise<AreaFollowUp<View<Project>>> {
  return areaFollowUp(areaId, await projectsOf(db), now);
}

/** Overdue commitments per government area (areas with none absent). */
export async function countOverdueByArea(db: TequioDb, now = new Date()): Promise<Map<string, number>> {
  return overdueByArea(await projectsOf(db), now);
}
