/**
 * Self-diagnosis: the problems of a process (the tour notes they link to as
 * evidence are in tour-notes.repository.ts).
 *
 * Offline: every function writes the device's own database (record + outbox
 * entry in one transaction, through `writeLocal`). Under conflict: an edit
 * sends only the fields that changed, so two devices editing different
 * fields of a problem both keep their edit; the same field is settled
 * last-writer-wins like any record. A merge writes the survivor's gained
 * causes, effects and evidence and the absorbed one's `mergedIntoId` in ONE
 * transaction: either both records (and both mutations) are written or
 * neither is.
 */
import { mergeProblems, type Problem } from '../../domain';
import type { TequioDb } from './db';
import * as records from './records.repository';

export type ProblemView = records.View<Problem>;
/** A new problem: a merge, not a form, sets `mergedIntoId`. */
export type ProblemInput = Omit<Problem, 'mergedIntoId'>;

export type MergeRefusal = 'same_problem' | 'different_process' | 'already_merged';

/** A merge (or an edit of a merged problem) the rules refuse; nothing was written. */
export class ProblemMergeError extends Error {
  constructor(readonly reason: MergeRefusal) {
    super(`Merge refused: ${reason}`);
    this.name = 'ProblemMergeError';
  }
}

/** Records a problem of a process; returns its id. Throws ValidationError (nothing written). */
export function createProblem(db: TequioDb, input: ProblemInput): Promise<string> {
  return records.createLocal(db, 'problem', input);
}

/**
 * Edits a problem; only the fields that changed are written (see
 * `EditOptions`). A merged problem lives on as part of another and is not
 * edited: that throws ProblemMergeError('already_merged').
 */
export async function updateProblem(
  db: TequioDb,
  id: string,
  patch: Partial<Problem>,
  options?: records.EditOptions,
): Promise<void> {
  await db.transaction('rw', [db.problems, db.outbox, db.meta], async () => {
    const current = await records.requireLive(db, 'problem', id);
    if (current.mergedIntoId) throw new ProblemMergeError('already_merged');
    await records.editLocal(db, 'problem', id, patch, options);
  });
}

/**
 * `survivorId` absorbs `absorbedId` (the domain's `mergeProblems`): the
 * survivor gains the other's causes, effects, evidence and description; the
 * absorbed one points at the survivor. Refused (ProblemMergeError) for a
 * problem and itself, problems of different processes, or either one
 * already merged; NotFoundError when either is missing.
 */
export async function mergeProblem(db: TequioDb, survivorId: string, absorbedId: string): Promise<void> {
  if (survivorId === absorbedId) throw new ProblemMergeError('same_problem');
  await db.transaction('rw', [db.problems, db.outbox, db.meta], async () => {
    const survivor = await records.requireLive(db, 'problem', survivorId);
    const absorbed = await records.requireLive(db, 'problem', absorbedId);
    if (survivor.mergedIntoId || absorbed.mergedIntoId) throw new ProblemMergeError('already_merged');
    if (survivor.processId !== absorbed.processId) throw new ProblemMergeError('different_process');

    const patches = mergeProblems(survivor, absorbed, survivorId);
    await records.editLocal(db, 'problem', survivorId, patches.survivor);
    await records.writeLocal(
      db,
      'problem',
      absorbedId,
      { op: 'put', fields: patches.absorbed },
      { mustExist: true },
    );
  });
}

/** The process's problems (merged ones included, marked by `mergedIntoId`), by title. */
export async function listProblems(db: TequioDb, processId: string): Promise<ProblemView[]> {
  const rows = await db.problems.where('fields.processId').equals(processId).toArray();
  return records
    .liveViews(rows)
    .sort((a, b) => a.title.localeCompare(b.title, 'es') || a.id.localeCompare(b.id));
}

export function getProblem(db: TequioDb, id: string): Promise<ProblemView | null> {
  return records.getLive(db, 'problem', id);
}
