/**
 * Strategies, projects and actions of a process (stage 7). An action hangs
 * from its project by `parentId`; siblings are kept in the community's order
 * (`communityOrder`, 1 = first).
 *
 * Offline: every function writes the device's own database (record + outbox
 * entry in one transaction, through `writeLocal`). A new parent is checked
 * (domain `parentProblems`) against the projects this device holds, in the
 * write's own transaction: it must be a project of the same process and must
 * not close a loop. Two tablets that did not know of each other can still
 * make a loop between them; the domain's outline and roll-up tolerate it.
 * Under conflict: an edit sends only the fields that changed; the same field
 * is settled last-writer-wins. A move writes the new places of the siblings
 * that changed place, in one transaction.
 */
import {
  compareCommunityOrder,
  effectiveParents,
  newId,
  nextCommunityOrder,
  parentProblems,
  type ParentProblem,
  type Project,
  RefusedError,
} from '../../domain';
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

export type ProjectView = View<Project>;
export type ProjectInput = Project;

/** A parent the rules refuse (domain `parentProblems`); nothing was written. */
export class ProjectParentError extends RefusedError<ParentProblem> {
  constructor(problems: ParentProblem[]) {
    super('ProjectParentError', 'Parent', problems);
  }
}

async function processProjects(db: TequioDb, processId: string): Promise<ProjectView[]> {
  return liveViews(await db.projects.where('fields.processId').equals(processId).toArray());
}

async function checkParent(
  db: TequioDb,
  project: { id: string; processId: string },
  parentId: string | null | undefined,
): Promise<void> {
  if (!parentId) return;
  const parent = await getLive(db, 'project', parentId);
  const known = await processProjects(db, project.processId);
  if (parent && parent.processId !== project.processId) known.push(parent);
  const problems = parentProblems(project, parentId, known);
  if (problems.length > 0) throw new ProjectParentError(problems);
}

/**
 * Records a project or action; returns its id. Without a `communityOrder` it
 * takes the next free place among its siblings. Throws ProjectParentError or
 * ValidationError (nothing written).
 */
export async function createProject(db: TequioDb, input: ProjectInput): Promise<string> {
  const id = newId();
  await db.transaction('rw', [db.projects, db.outbox, db.meta], async () => {
    await checkParent(db, { id, processId: input.processId }, input.parentId);
    const siblings = await processProjects(db, input.processId);
    const communityOrder = input.communityOrder ?? nextCommunityOrder(siblings, input.parentId ?? null);
    await writeLocal(db, 'project', id, { op: 'put', fields: { ...input, communityOrder } });
  });
  return id;
}

/**
 * Edits a project; only the fields that changed are written (see
 * `EditOptions`). A new parent is checked like on create, and the project
 * then takes the next free place among its new siblings (unless the patch
 * sets `communityOrder`). Throws ProjectParentError, NotFoundError or
 * ValidationError (nothing written).
 */
export async function updateProject(
  db: TequioDb,
  id: string,
  patch: Partial<Project>,
  options?: EditOptions,
): Promise<void> {
  await db.transaction('rw', [db.projects, db.outbox, db.meta], async () => {
    const current = await requireLive(db, 'project', id);
    let fields = patch;
    const newParent = 'parentId' in patch ? (patch.parentId ?? null) : undefined;
    if (newParent !== undefined && newParent !== (current.parentId ?? null)) {
      await checkParent(db, current, newParent);
      if (!('communityOrder' in patch)) {
        const others = (await processProjects(db, current.processId)).filter((p) => p.id !== id);
        fields = { ...patch, communityOrder: nextCommunityOrder(others, newParent) };
      }
    }
    await editLocal(db, 'project', id, fields, options);
  });
}

/** Deletes a project (a tombstone that syncs); its actions then show at the top level. */
export async function deleteProject(db: TequioDb, id: string): Promise<void> {
  await writeLocal(db, 'project', id, { op: 'delete' }, { mustExist: true });
}

/** The process's projects and actions (flat; `projectOutline` in the domain orders them). */
export async function listProjects(db: TequioDb, processId: string): Promise<ProjectView[]> {
  return (await processProjects(db, processId)).sort(compareCommunityOrder);
}

export function getProject(db: TequioDb, id: string): Promise<ProjectView | null> {
  return getLive(db, 'project', id);
}

/** The actions of a project, in the community's order. */
export async function listProjectChildren(db: TequioDb, id: string): Promise<ProjectView[]> {
  const rows = await db.projects.where('fields.parentId').equals(id).toArray();
  return liveViews(rows).sort(compareCommunityOrder);
}

/**
 * Moves a project one place up (-1) or down (+1) among its siblings, and
 * numbers the siblings 1, 2, 3… in their new order; only those whose number
 * changes are written. Returns whether it moved (not past either end).
 */
export async function moveProject(db: TequioDb, id: string, step: -1 | 1): Promise<boolean> {
  return db.transaction('rw', [db.projects, db.outbox, db.meta], async () => {
    const current = await requireLive(db, 'project', id);
    const all = await processProjects(db, current.processId);
    const parents = effectiveParents(all);
    const parentId = parents.get(id) ?? null;
    const siblings = all.filter((p) => (parents.get(p.id) ?? null) === parentId).sort(compareCommunityOrder);
    const at = siblings.findIndex((p) => p.id === id);
    const to = at + step;
    if (to < 0 || to >= siblings.length) return false;
    [siblings[at], siblings[to]] = [siblings[to]!, siblings[at]!];
    for (const [i, p] of siblings.entries()) {
      if (p.communityOrder !== i + 1) await editLocal(db, 'project', p.id, { communityOrder: i + 1 });
    }
    return true;
  });
}
