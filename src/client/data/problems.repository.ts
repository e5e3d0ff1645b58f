/**
 * Self-diagnosis: the problems of a process and the tour notes they link to
 * as evidence.
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
import { mergeProblems, newId, type Problem, type TourNote } from '../../domain';
import type { StoredRecord, TequioDb } from './db';
import { toView } from './entities.repository';
import { NotFoundError } from './errors';
import { changedFields, writeLocal } from './records.repository';

export type ProblemView = Problem & { id: string };
export type TourNoteView = TourNote & { id: string };
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

function live(row: StoredRecord | undefined): row is StoredRecord {
  return row !== undefined && !row.deleted;
}

/** Records a problem of a process; returns its id. Throws ValidationError (nothing written). */
export async function createProblem(db: TequioDb, input: ProblemInput): Promise<string> {
  const id = newId();
  await writeLocal(db, 'problem', id, { op: 'put', fields: input });
  return id;
}

/**
 * Edits a problem; only the fields that differ from the stored record are
 * written. A merged problem lives on as part of another and is not edited:
 * that throws ProblemMergeError('already_merged').
 */
export async function updateProblem(db: TequioDb, id: string, patch: Partial<Problem>): Promise<void> {
  const current = await db.problems.get(id);
  if (!live(current)) throw new NotFoundError('problem', id);
  if ((current.fields as Problem).mergedIntoId) throw new ProblemMergeError('already_merged');
  const fields = changedFields(current.fields, patch);
  if (Object.keys(fields).length === 0) return;
  await writeLocal(db, 'problem', id, { op: 'put', fields }, { mustExist: true });
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
    const [survivorRow, absorbedRow] = await Promise.all([
      db.problems.get(survivorId),
      db.problems.get(absorbedId),
    ]);
    if (!live(survivorRow)) throw new NotFoundError('problem', survivorId);
    if (!live(absorbedRow)) throw new NotFoundError('problem', absorbedId);
    const survivor = survivorRow.fields as Problem;
    const absorbed = absorbedRow.fields as Problem;
    if (survivor.mergedIntoId || absorbed.mergedIntoId) throw new ProblemMergeError('already_merged');
    if (survivor.processId !== absorbed.processId) throw new ProblemMergeError('different_process');

    const patches = mergeProblems(survivor, absorbed, survivorId);
    const survivorFields = changedFields(survivorRow.fields, patches.survivor);
    if (Object.keys(survivorFields).length > 0)
      await writeLocal(db, 'problem', survivorId, { op: 'put', fields: survivorFields }, { mustExist: true });
    await writeLocal(db, 'problem', absorbedId, { op: 'put', fields: patches.absorbed }, { mustExist: true });
  });
}

/** The process's problems (merged ones included, marked by `mergedIntoId`), by title. */
export async function listProblems(db: TequioDb, processId: string): Promise<ProblemView[]> {
  const rows = await db.problems.where('fields.processId').equals(processId).filter(live).toArray();
  return rows
    .map((r) => toView<Problem>(r))
    .sort((a, b) => a.title.localeCompare(b.title, 'es') || a.id.localeCompare(b.id));
}

export async function getProblem(db: TequioDb, id: string): Promise<ProblemView | null> {
  const row = await db.problems.get(id);
  return live(row) ? toView<Problem>(row) : null;
}

/** The process's tour notes, newest first: the evidence a problem can link to. */
export async function listTourNotes(db: TequioDb, processId: string): Promise<TourNoteView[]> {
  const rows = await db.tourNotes.where('fields.processId').equals(processId).filter(live).toArray();
  return rows
    .map((r) => toView<TourNote>(r))
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || a.id.localeCompare(b.id));
}
