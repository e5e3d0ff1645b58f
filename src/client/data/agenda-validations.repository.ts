/**
 * The validation of a Local Agenda version in a Community Assembly (stage 9,
 * ADR 0006), on the device.
 *
 * A validation is a fact, append-only like a ballot: a correction is a new
 * record that supersedes the wrong one, with its reason, and which one stands
 * is computed (`validationOf`). Offline: everything is a local write.
 * Recording an approval writes the validation, the version's `validated`
 * status (with the content the assembly saw) and the process's move to stage
 * 9 with the session as evidence in ONE transaction: all of it or none.
 */
import {
  isAgendaFrozen,
  newId,
  validatedVersionPatch,
  validationOf,
  validationProblems,
  validationRecord,
  validationStagePatch,
  type AgendaValidation,
  type AgendaVotes,
  type ValidationProblem,
} from '../../domain';
import type { TequioDb } from './db';
import { updateProcess } from './processes.repository';
import { getLive, liveViews, requireLive, writeLocal, type View } from './records.repository';
import { listSessions } from './sessions.repository';

export type AgendaValidationView = View<AgendaValidation>;

/** The vote cannot be recorded as asked (the domain's `validationProblems`); nothing was written. */
export class ValidationRefusedError extends Error {
  constructor(readonly problems: ValidationProblem[]) {
    super(`Validation refused: ${problems.join(', ')}`);
    this.name = 'ValidationRefusedError';
  }
}

/** Every validation record of the process (corrections and corrected ones included). */
export async function listAgendaValidations(
  db: TequioDb,
  processId: string,
): Promise<AgendaValidationView[]> {
  const rows = await db.agendaValidations.where('fields.processId').equals(processId).toArray();
  return liveViews(rows);
}

/** The standing validation of a version (a correction replaces what it supersedes), or null. */
export async function getVersionValidation(
  db: TequioDb,
  versionId: string,
): Promise<AgendaValidationView | null> {
  const rows = await db.agendaValidations.where('fields.agendaVersionId').equals(versionId).toArray();
  const standing = validationOf(versionId, liveViews(rows));
  if (!standing) return null;
  const { at: _at, ...record } = standing;
  return record;
}

/** What the facilitator records in the assembly. */
export interface ValidationInput {
  versionId: string;
  sessionId: string;
  votes: AgendaVotes;
  /** The validation this one corrects, and why. */
  supersedes?: string | null;
  reason?: string | null;
}

/**
 * Records the assembly's show of hands on a version, in one transaction: the
 * validation (append-only, the session's attendance as quorum context) and,
 * when approved by the rule, the version marked validated with the content the
 * assembly saw and the process moved to stage 9 with the session as evidence.
 * A correction (`supersedes`) may be recorded on a version already validated.
 * Throws ValidationRefusedError when the domain refuses it; nothing is written.
 */
export async function recordAgendaValidation(
  db: TequioDb,
  input: ValidationInput,
  now: Date = new Date(),
): Promise<{ validationId: string; approved: boolean }> {
  const tables = [db.agendaVersions, db.agendaValidations, db.sessions, db.processes, db.outbox, db.meta];
  return db.transaction('rw', tables, async () => {
    const version = await requireLive(db, 'agendaVersion', input.versionId);
    const session = await requireLive(db, 'session', input.sessionId);
    const process = await requireLive(db, 'process', version.processId);
    const correcting = Boolean(input.supersedes);
    const problems = validationProblems(process.id, version, session, input.votes).filter(
      (p) => !(correcting && p === 'version_already_validated'),
    );
    if (problems.length > 0) throw new ValidationRefusedError(problems);

    const validationId = newId();
    const record = validationRecord({
      processId: process.id,
      agendaVersionId: version.id,
      session,
      method: 'show_of_hands',
      votes: input.votes,
      recordedAt: now.toISOString(),
      supersedes: input.supersedes ?? null,
      reason: input.reason?.trim() ?? null,
    });
    await writeLocal(db, 'agendaValidation', validationId, { op: 'put', fields: record });

    if (record.approved && !isAgendaFrozen(version)) {
      await writeLocal(
        db,
        'agendaVersion',
        version.id,
        { op: 'put', fields: validatedVersionPatch(version, validationId) },
        { mustExist: true },
      );
    }
    const sessionIds = (await listSessions(db, process.id)).map((s) => s.id);
    const stage = validationStagePatch(process, record, localIsoDate(now), sessionIds);
    if (stage) await updateProcess(db, process.id, stage);
    return { validationId, approved: record.approved };
  });
}

/** The validations recorded in one session (for its minutes), oldest first. */
export async function listSessionValidations(
  db: TequioDb,
  sessionId: string,
): Promise<AgendaValidationView[]> {
  const session = await getLive(db, 'session', sessionId);
  if (!session) return [];
  const all = await listAgendaValidations(db, session.processId);
  return all
    .filter((v) => v.sessionId === sessionId)
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
}

function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
