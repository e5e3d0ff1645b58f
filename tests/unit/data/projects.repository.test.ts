import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, projectOutline, type Project } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { ValidationError } from '../../../src/client/data/errors';
import { createProcess } from '../../../src/client/data/processes.repository';
import {
  createProject,
  deleteProject,
  getProject,
  listProjectChildren,
  listProjects,
  moveProject,
  ProjectParentError,
  updateProject,
} from '../../../src/client/data/projects.repository';
import { aProcess } from '../../fixtures/sessions';

let db: TequioDb;
let processId: string;
beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
  processId = await createProcess(db, aProcess());
});
afterEach(async () => {
  await db.delete();
});

function aProject(overrides: Partial<Project> = {}): Project {
  return {
    processId,
    title: 'Luminarias en la calle 5',
    kind: 'project',
    theme: 'safety',
    problemIds: [],
    visionIds: [],
    managementMode: 'self_managed',
    governmentAreaIds: [],
    term: 'short',
    commitments: [],
    ...overrides,
  };
}

const lastMutationId = async () => (await db.outbox.orderBy('id').last())?.id ?? 0;
const outboxAfter = async (id: number) => (await db.outbox.orderBy('id').toArray()).filter((m) => m.id > id);
const outline = async () =>
  projectOutline(await listProjects(db, processId)).map((e) => `${e.outline} ${e.project.title}`);

describe('projects repository', () => {
  it('records a project (record + outbox) at the next place among its siblings', async () => {
    const before = await lastMutationId();
    const a = await createProject(db, aProject({ title: 'Primero' }));
    const b = await createProject(db, aProject({ title: 'Segundo' }));
    const child = await createProject(db, aProject({ title: 'Acción', kind: 'action', parentId: a }));
    expect(await getProject(db, a)).toEqual({ id: a, ...aProject({ title: 'Primero' }), communityOrder: 1 });
    expect((await getProject(db, b))?.communityOrder).toBe(2);
    expect((await getProject(db, child))?.communityOrder).toBe(1);
    expect(await outboxAfter(before)).toHaveLength(3);
    expect(await outline()).toEqual(['1 Primero', '1.1 Acción', '2 Segundo']);
    expect((await listProjectChildren(db, a)).map((p) => p.id)).toEqual([child]);
  });

  it('refuses what breaks the schema and writes nothing', async () => {
    const before = await db.outbox.count();
    await expect(createProject(db, aProject({ managementMode: 'co_managed' }))).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.projects.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);
  });

  it('refuses a parent that is an action, of another process, missing or would close a loop', async () => {
    const a = await createProject(db, aProject({ title: 'Proyecto A' }));
    const action = await createProject(db, aProject({ title: 'Acción', kind: 'action', parentId: a }));
    const otherProcess = await createProcess(db, aProcess({ name: 'Otro' }));
    const foreign = await createProject(db, aProject({ processId: otherProcess }));
    const before = await db.outbox.count();

    const reasons = async (p: Promise<unknown>) => {
      const error = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ProjectParentError);
      return (error as ProjectParentError).problems;
    };
    expect(await reasons(createProject(db, aProject({ parentId: action })))).toEqual(['parent_not_project']);
    expect(await reasons(createProject(db, aProject({ parentId: foreign })))).toEqual([
      'parent_other_process',
    ]);
    expect(await reasons(createProject(db, aProject({ parentId: newId() })))).toEqual(['parent_not_found']);
    const b = await createProject(db, aProject({ title: 'Proyecto B', parentId: a }));
    const afterB = await db.outbox.count();
    expect(await reasons(updateProject(db, a, { parentId: b }))).toEqual(['parent_loop']);
    expect(await reasons(updateProject(db, a, { parentId: a }))).toEqual(['parent_is_self']);
    expect(await db.outbox.count()).toBe(afterB);
    expect(afterB).toBe(before + 1);
  });

  it('a new parent puts the project at the end of its new siblings; only what changed travels', async () => {
    const a = await createProject(db, aProject({ title: 'Tarea A' }));
    await createProject(db, aProject({ title: 'Tarea A1', kind: 'action', parentId: a }));
    await createProject(db, aProject({ title: 'Tarea C' }));
    const b = await createProject(db, aProject({ title: 'Tarea B', kind: 'action' }));
    expect((await getProject(db, b))?.communityOrder).toBe(3);
    const before = await lastMutationId();
    await updateProject(db, b, { ...aProject({ title: 'Tarea B', kind: 'action' }), parentId: a });
    const [move, ...rest] = await outboxAfter(before);
    expect(rest).toEqual([]);
    expect(move!.op === 'put' && move!.fields).toEqual({ parentId: a, communityOrder: 2 });
    expect(await outline()).toEqual(['1 Tarea A', '1.1 Tarea A1', '1.2 Tarea B', '2 Tarea C']);
  });

  it('moves a project up and down among its siblings and not past either end', async () => {
    const a = await createProject(db, aProject({ title: 'Tarea A' }));
    const b = await createProject(db, aProject({ title: 'Tarea B' }));
    const c = await createProject(db, aProject({ title: 'Tarea C' }));
    await createProject(db, aProject({ title: 'Tarea B1', kind: 'action', parentId: b }));
    expect(await moveProject(db, a, -1)).toBe(false);
    const before = await lastMutationId();
    expect(await moveProject(db, c, -1)).toBe(true);
    expect(await outboxAfter(before)).toHaveLength(2);
    expect(await outline()).toEqual(['1 Tarea A', '2 Tarea C', '3 Tarea B', '3.1 Tarea B1']);
    expect(await moveProject(db, a, 1)).toBe(true);
    expect(await outline()).toEqual(['1 Tarea C', '2 Tarea A', '3 Tarea B', '3.1 Tarea B1']);
    expect(await moveProject(db, b, 1)).toBe(false);
  });

  it('deletes a project; its actions then show at the top level', async () => {
    const a = await createProject(db, aProject({ title: 'Tarea A' }));
    await createProject(db, aProject({ title: 'Tarea A1', kind: 'action', parentId: a }));
    await deleteProject(db, a);
    expect(await getProject(db, a)).toBeNull();
    expect(await outline()).toEqual(['1 Tarea A1']);
  });
});
