/**
 * A project's follow-up on this device (stage 10): its timeline
 * (`projectUpdate` records) and the writes that add to it — progress recorded
 * from the field (a milestone with text, photos and a map point; a change of
 * status with its reason, which sets the project's status and progress) and a
 * commitment marked done (the project's commitment gets `done`/`doneAt` and
 * the timeline a `commitment_done` entry).
 *
 * Offline: each write is one Dexie transaction over the project and its
 * timeline (records + outbox entries through `writeLocal`), so the project and
 * its entries never disagree on the device. The status rules
 * (domain/follow-up.ts) are checked inside it against the statuses this
 * device holds. Under conflict: timeline entries are new records (two tablets
 * never collide); the project's `statusId`, `statusReason`, `progress` and
 * `commitments` are settled per field, last writer wins.
 */
import {
  newId,
  progressAfterStatus,
  statusChangeProblems,
  statusOf,
  type AuthorRole,
  type BlobRef,
  type GeoPoint,
  type ProjectUpdate,
  type StatusChangeProblem,
  RefusedError,
} from '../../domain';
import type { TequioDb } from './db';
import { listProjectStatuses } from './project-statuses.repository';
import {
  createLocal,
  editLocal,
  isLive,
  requireLive,
  toView,
  writeLocal,
  type View,
} from './records.repository';

export type ProjectUpdateView = View<ProjectUpdate>;

/** A status change the rules refuse (domain `statusChangeProblems`); nothing was written. */
export class StatusChangeError extends RefusedError<StatusChangeProblem> {
  constructor(problems: StatusChangeProblem[]) {
    super('StatusChangeError', 'Status change', problems);
  }
}

export interface ProgressInput {
  projectId: string;
  date: string;
  text: string;
  photos: BlobRef[];
  point?: GeoPoint | null;
  public: boolean;
  /** Hashes of `photos` chosen for the public page. */
  publicPhotos?: string[];
  authorRole: AuthorRole;
  /** A new status (absent or the current one: no change). */
  statusId?: string;
  statusReason?: string | null;
  /** Progress set by hand (absent: unchanged, or the new status's default). */
  progress?: number | null;
}

export interface CommitmentDoneInput {
  projectId: string;
  commitmentId: string;
  date: string;
  note: string;
  photos: BlobRef[];
  authorRole: AuthorRole;
  public: boolean;
}

const TABLES = (db: TequioDb) => [db.projects, db.projectUpdates, db.projectStatuses, db.outbox, db.meta];

/**
 * Records progress on a project; returns the ids of the timeline entries
 * written (a `status_change` when the status changes, a `milestone` when
 * there is text or a photo). Throws StatusChangeError, NotFoundError or
 * ValidationError (nothing written).
 */
export async function recordProgress(db: TequioDb, input: ProgressInput): Promise<string[]> {
  return db.transaction('rw', TABLES(db), async () => {
    const project = await requireLive(db, 'project', input.projectId);
    const statuses = await listProjectStatuses(db);
    const current = statusOf(project, statuses);
    const patch: { statusId?: string; statusReason?: string | null; progress?: number | null } = {};
    let progress = input.progress;
    const changes = input.statusId !== undefined && input.statusId !== current?.id;
    const reason = input.statusReason?.trim() || null;
    if (changes) {
      const problems = statusChangeProblems(current, input.statusId!, reason, statuses);
      if (problems.length > 0) throw new StatusChangeError(problems);
      const next = statuses.find((s) => s.id === input.statusId)!;
      patch.statusId = next.id;
      patch.statusReason = next.requiresReason ? reason : null;
      if (progress === undefined) progress = progressAfterStatus(next, project.progress);
    }
    if (progress !== undefined && progress !== (project.progress ?? null)) patch.progress = progress;
    const common = {
      processId: project.processId,
      projectId: project.id,
      date: input.date,
      authorRole: input.authorRole,
      public: input.public,
      ...(typeof progress === 'number' ? { progress } : {}),
    };
    const ids: string[] = [];
    if (changes) {
      const id = newId();
      await writeLocal(db, 'projectUpdate', id, {
        op: 'put',
        fields: {
          ...common,
          kind: 'status_change',
          statusId: patch.statusId,
          text: reason ?? '',
          photos: [],
        },
      });
      ids.push(id);
    }
    if (input.text.trim() || input.photos.length > 0 || !changes) {
      const id = newId();
      const hashes = new Set(input.photos.map((p) => p.sha256));
      await writeLocal(db, 'projectUpdate', id, {
        op: 'put',
        fields: {
          ...common,
          kind: 'milestone',
          text: input.text.trim(),
          photos: input.photos,
          ...(input.point ? { point: input.point } : {}),
          publicPhotos: (input.publicPhotos ?? []).filter((h) => hashes.has(h)),
        },
      });
      ids.push(id);
    }
    if (Object.keys(patch).length > 0) await editLocal(db, 'project', project.id, patch);
    return ids;
  });
}

/**
 * Marks a project's commitment done on `date` and adds a `commitment_done`
 * entry (with the note and photos) to its timeline; returns the entry's id.
 * Throws NotFoundError (the project or the commitment) or ValidationError.
 */
export async function markCommitmentDone(db: TequioDb, input: CommitmentDoneInput): Promise<string> {
  return db.transaction('rw', TABLES(db), async () => {
    const project = await requireLive(db, 'project', input.projectId);
    if (!project.commitments.some((c) => c.id === input.commitmentId)) {
      throw new Error(`commitment ${input.commitmentId} not found`);
    }
    const commitments = project.commitments.map((c) =>
      c.id === input.commitmentId ? { ...c, done: true, doneAt: input.date } : c,
    );
    await editLocal(db, 'project', project.id, { commitments });
    return createLocal(db, 'projectUpdate', {
      processId: project.processId,
      projectId: project.id,
      date: input.date,
      kind: 'commitment_done',
      commitmentId: input.commitmentId,
      text: input.note.trim(),
      photos: input.photos,
      authorRole: input.authorRole,
      public: input.public,
      publicPhotos: [],
    });
  });
}

/** A project's timeline, newest first (by date, then by when each entry was written). */
export async function listProjectUpdates(db: TequioDb, projectId: string): Promise<ProjectUpdateView[]> {
  const rows = (await db.projectUpdates.where('fields.projectId').equals(projectId).toArray()).filter(isLive);
  return rows
    .sort((a, b) =>
      a.fields.date !== b.fields.date
        ? b.fields.date.localeCompare(a.fields.date)
        : (b.hlcs.kind ?? '').localeCompare(a.hlcs.kind ?? ''),
    )
    .map(toView);
}
