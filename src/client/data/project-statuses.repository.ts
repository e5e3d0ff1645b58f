/**
 * The follow-up's project statuses on this device: reference data kept by
 * the Planning Unit's coordinators (every device pulls all of it), like the
 * government areas. Edits are ordinary local writes (`writeLocal`): offline,
 * queued in the outbox, refused by the server from other roles. Only the
 * fields that change are written; a status is never deleted, only made
 * inactive, so the projects and timeline entries that name it keep it.
 */
import { newId, sortStatuses, type ProjectStatus } from '../../domain';
import type { TequioDb } from './db';
import { editLocal, getLive, liveViews, writeLocal, type EditOptions, type View } from './records.repository';

export type ProjectStatusView = View<ProjectStatus>;
/** A new status starts active, last in the order. */
export type ProjectStatusInput = Omit<ProjectStatus, 'active' | 'order'>;

/** Every status, active or not, in its order. */
export async function listProjectStatuses(db: TequioDb): Promise<ProjectStatusView[]> {
  return sortStatuses(liveViews(await db.projectStatuses.toArray()));
}

export function getProjectStatus(db: TequioDb, id: string): Promise<ProjectStatusView | null> {
  return getLive(db, 'projectStatus', id);
}

/** Adds an active status at the end of the order; returns its id. Throws ValidationError. */
export async function createProjectStatus(db: TequioDb, input: ProjectStatusInput): Promise<string> {
  const id = newId();
  await db.transaction('rw', [db.projectStatuses, db.outbox, db.meta], async () => {
    const all = await listProjectStatuses(db);
    const order = Math.max(0, ...all.map((s) => s.order)) + 1;
    await writeLocal(db, 'projectStatus', id, { op: 'put', fields: { ...input, order, active: true } });
  });
  return id;
}

/** Renames a status or changes its default progress (only the changed fields travel). */
export async function updateProjectStatus(
  db: TequioDb,
  id: string,
  patch: Partial<ProjectStatus>,
  options?: EditOptions,
): Promise<void> {
  await editLocal(db, 'projectStatus', id, patch, options);
}

/** Retires a status (`active: false`) or brings it back. */
export async function setProjectStatusActive(db: TequioDb, id: string, active: boolean): Promise<void> {
  await editLocal(db, 'projectStatus', id, { active });
}

/**
 * Moves a status one place up (-1) or down (+1) and numbers all of them
 * 1, 2, 3… in the new order (only those whose number changes are written).
 * Returns whether it moved.
 */
export async function moveProjectStatus(db: TequioDb, id: string, step: -1 | 1): Promise<boolean> {
  return db.transaction('rw', [db.projectStatuses, db.outbox, db.meta], async () => {
    const all = await listProjectStatuses(db);
    const at = all.findIndex((s) => s.id === id);
    const to = at + step;
    if (at < 0 || to < 0 || to >= all.length) return false;
    [all[at], all[to]] = [all[to]!, all[at]!];
    for (const [i, s] of all.entries()) {
      if (s.order !== i + 1) await editLocal(db, 'projectStatus', s.id, { order: i + 1 });
    }
    return true;
  });
}
