import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type TourNote } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { createProcess } from '../../../src/client/data/processes.repository';
import { NotFoundError, ValidationError } from '../../../src/client/data/errors';
import {
  createProblem,
  getProblem,
  listProblems,
  mergeProblem,
  ProblemMergeError,
  updateProblem,
  type ProblemInput,
} from '../../../src/client/data/problems.repository';
import { listProcessTourNotes } from '../../../src/client/data/tour-notes.repository';
import { writeLocal } from '../../../src/client/data/records.repository';
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

function aProblem(overrides: Partial<ProblemInput> = {}): ProblemInput {
  return {
    processId,
    title: 'Calles sin alumbrado',
    theme: 'safety',
    causes: ['Luminarias fundidas'],
    effects: ['Asaltos de noche'],
    ...overrides,
  };
}

async function outboxAfter(id: number) {
  return (await db.outbox.orderBy('id').toArray()).filter((m) => m.id > id);
}

async function lastMutationId(): Promise<number> {
  return (await db.outbox.orderBy('id').last())?.id ?? 0;
}

describe('problems repository', () => {
  it('creates a problem (record + outbox) and reads it back as a view', async () => {
    const before = await lastMutationId();
    const id = await createProblem(db, aProblem({ description: 'Toda la calle 5' }));
    expect(await getProblem(db, id)).toEqual({ id, ...aProblem({ description: 'Toda la calle 5' }) });
    const [mutation, ...rest] = await outboxAfter(before);
    expect(rest).toEqual([]);
    expect(mutation).toMatchObject({ entity: 'problem', recordId: id, op: 'put' });
  });

  it('refuses an invalid problem and writes nothing', async () => {
    const before = await db.outbox.count();
    await expect(createProblem(db, aProblem({ title: 'No' }))).rejects.toBeInstanceOf(ValidationError);
    expect(await db.problems.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);
  });

  it('an edit sends only the fields that changed', async () => {
    const id = await createProblem(db, aProblem());
    const before = await lastMutationId();
    await updateProblem(db, id, { ...aProblem(), causes: ['Luminarias fundidas', 'Árboles sin poda'] });
    const mutations = await outboxAfter(before);
    expect(mutations).toHaveLength(1);
    expect(mutations[0]!.op === 'put' && mutations[0]!.fields).toEqual({
      causes: ['Luminarias fundidas', 'Árboles sin poda'],
    });
    await updateProblem(db, id, aProblem({ causes: ['Luminarias fundidas', 'Árboles sin poda'] }));
    expect(await outboxAfter(before)).toHaveLength(1);
  });

  it('lists the process problems by title and the process tour notes newest first', async () => {
    const other = await createProcess(db, aProcess({ name: 'Otro proceso' }));
    await createProblem(db, aProblem({ title: 'Fugas de agua', theme: 'water' }));
    await createProblem(db, aProblem({ title: 'Basura en el canal', theme: 'environment' }));
    await createProblem(db, aProblem({ processId: other, title: 'De otro proceso' }));
    expect((await listProblems(db, processId)).map((p) => p.title)).toEqual([
      'Basura en el canal',
      'Fugas de agua',
    ]);

    const note = (takenAt: string, description: string): TourNote => ({
      processId,
      sessionId: newId(),
      theme: 'environment',
      description,
      severity: 'high',
      takenAt,
    });
    await writeLocal(db, 'tourNote', newId(), {
      op: 'put',
      fields: note('2026-11-01T10:00:00.000Z', 'Tiradero'),
    });
    await writeLocal(db, 'tourNote', newId(), {
      op: 'put',
      fields: note('2026-11-02T10:00:00.000Z', 'Poste caído'),
    });
    await writeLocal(db, 'tourNote', newId(), {
      op: 'put',
      fields: { ...note('2026-11-03T10:00:00.000Z', 'Ajena'), processId: other },
    });
    expect((await listProcessTourNotes(db, processId)).map((n) => n.description)).toEqual([
      'Poste caído',
      'Tiradero',
    ]);
  });

  it('a merge writes both records and two outbox mutations', async () => {
    const noteA = newId();
    const noteB = newId();
    const survivor = await createProblem(db, aProblem({ noteIds: [noteA] }));
    const absorbed = await createProblem(
      db,
      aProblem({
        title: 'Falta de luz en el parque',
        causes: ['luminarias fundidas', 'Cables robados'],
        effects: ['Nadie usa el parque de noche'],
        noteIds: [noteA, noteB],
        description: 'Parque Cuitláhuac',
      }),
    );
    const before = await lastMutationId();
    await mergeProblem(db, survivor, absorbed);

    expect(await getProblem(db, survivor)).toMatchObject({
      causes: ['Luminarias fundidas', 'Cables robados'],
      effects: ['Asaltos de noche', 'Nadie usa el parque de noche'],
      noteIds: [noteA, noteB],
      description: 'Parque Cuitláhuac',
    });
    expect(await getProblem(db, absorbed)).toMatchObject({
      title: 'Falta de luz en el parque',
      mergedIntoId: survivor,
    });
    const mutations = await outboxAfter(before);
    expect(mutations.map((m) => [m.recordId, m.op])).toEqual([
      [survivor, 'put'],
      [absorbed, 'put'],
    ]);
    expect(mutations[1]!.op === 'put' && mutations[1]!.fields).toEqual({ mergedIntoId: survivor });
    expect(mutations[0]!.hlc < mutations[1]!.hlc).toBe(true);
  });

  it('a merge is all or nothing: when the second write fails, the first is undone', async () => {
    const survivor = await createProblem(db, aProblem());
    const absorbed = await createProblem(db, aProblem({ title: 'Falta de luz', causes: ['Cables robados'] }));
    // A stored record that no longer satisfies the schema: its write is refused.
    await db.table('problems').update(absorbed, { 'fields.theme': 'weather' });
    const before = await lastMutationId();
    const nextMutationId = await db.getMeta('nextMutationId');

    await expect(mergeProblem(db, survivor, absorbed)).rejects.toBeInstanceOf(ValidationError);
    expect(await getProblem(db, survivor)).toMatchObject({ causes: ['Luminarias fundidas'] });
    expect((await getProblem(db, absorbed))?.mergedIntoId).toBeUndefined();
    expect(await outboxAfter(before)).toEqual([]);
    expect(await db.getMeta('nextMutationId')).toBe(nextMutationId);
  });

  it('refuses merging a problem into itself, across processes, or an already merged one', async () => {
    const other = await createProcess(db, aProcess({ name: 'Otro proceso' }));
    const a = await createProblem(db, aProblem());
    const b = await createProblem(db, aProblem({ title: 'Falta de luz' }));
    const c = await createProblem(db, aProblem({ title: 'Parque a oscuras' }));
    const elsewhere = await createProblem(db, aProblem({ processId: other, title: 'De otro proceso' }));
    await mergeProblem(db, a, b);
    const before = await lastMutationId();

    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e,
      );
    expect(await refusal(mergeProblem(db, a, a))).toMatchObject({ reason: 'same_problem' });
    expect(await refusal(mergeProblem(db, a, elsewhere))).toMatchObject({ reason: 'different_process' });
    expect(await refusal(mergeProblem(db, c, b))).toMatchObject({ reason: 'already_merged' });
    expect(await refusal(mergeProblem(db, b, c))).toMatchObject({ reason: 'already_merged' });
    expect(await refusal(mergeProblem(db, a, newId()))).toBeInstanceOf(NotFoundError);
    expect(await refusal(mergeProblem(db, a, a))).toBeInstanceOf(ProblemMergeError);
    expect(await refusal(updateProblem(db, b, { title: 'Otro título' }))).toBeInstanceOf(ProblemMergeError);
    expect(await outboxAfter(before)).toEqual([]);
    expect((await getProblem(db, c))?.mergedIntoId).toBeUndefined();
  });
});
