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
  agendaRoundChoices,
  isAgendaFrozen,
  isAgendaRound,
  newId,
  validatedVersionPatch,
  validationOf,
  validationProblems,
  validationRecord,
  validationStagePatch,
  votesFromRound,
  type AgendaValidation,
  type AgendaVotes,
  type ValidationProblem,
  RefusedError,
} from '../../domain';
import { getRoundResult } from './ballots.repository';
import type { TequioDb } from './db';
import { createRound, type RoundView } from './prioritisation.repository';
import { updateProcess } from './processes.repository';
import { getLive, liveViews, requireLive, writeLocal, type View } from './records.repository';
import { listSessions } from './sessions.repository';

export type AgendaValidationView = View<AgendaValidation>;

/** The vote cannot be recorded as asked (the domain's `validationProblems`); nothing was written. */
export class ValidationRefusedError extends RefusedError<ValidationProblem> {
  constructor(problems: ValidationProblem[]) {
    super('ValidationRefusedError', 'Validation', problems);
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
  return db.transaction('rw', validationTables(db), async () => {
    return await writeValidation(db, { ...input, method: 'show_of_hands' }, now);
  });
}

/**
 * Opens the pass-the-tablet vote on a version in the assembly's session: a
 * round whose three options are for, against and abstain, one dot per
 * person. Returns the round's id.
 */
export async function startAgendaBallot(
  db: TequioDb,
  input: { sessionId: string; versionId: string; title?: string },
): Promise<string> {
  const version = await requireLive(db, 'agendaVersion', input.versionId);
  const session = await requireLive(db, 'session', input.sessionId);
  const problems = validationProblems(version.processId, version, session, {
    for: 1,
    against: 0,
    abstain: 0,
  });
  if (problems.length > 0) throw new ValidationRefusedError(problems);
  return createRound(db, input.sessionId, {
    title: input.title ?? `Validación de la Agenda Local, versión ${version.number}`,
    problemIds: [],
    method: 'dots',
    dotsPerPerson: 1,
    allowStacking: false,
    agendaVersionId: version.id,
  });
}

/** The round is not a closed Agenda vote; nothing was written. */
export class BallotNotReadyError extends Error {
  constructor(readonly reason: 'not_agenda_round' | 'round_open') {
    super(`Ballot not ready: ${reason}`);
    this.name = 'BallotNotReadyError';
  }
}

/**
 * Records the result of a closed Agenda vote (pass the tablet), like the show
 * of hands and in one transaction: the validation with method `ballot` and the
 * round, the votes counted from its ballots, and on approval the version
 * validated and the process moved to stage 9.
 */
export async function recordBallotValidation(
  db: TequioDb,
  input: { roundId: string },
  now: Date = new Date(),
): Promise<{ validationId: string; approved: boolean }> {
  return db.transaction('rw', [...validationTables(db), db.rounds, db.ballots, db.roundTallies], async () => {
    const result = await getRoundResult(db, input.roundId);
    if (!result?.round.agendaVersionId) throw new BallotNotReadyError('not_agenda_round');
    if (result.round.status !== 'closed') throw new BallotNotReadyError('round_open');
    const votes = votesFromRound(result.result, agendaRoundChoices(result.round));
    return writeValidation(
      db,
      {
        versionId: result.round.agendaVersionId,
        sessionId: result.round.sessionId,
        votes,
        method: 'ballot',
        roundId: result.round.id,
      },
      now,
    );
  });
}

/** An Agenda vote held in a session, with its count so far and whether its result is recorded. */
export interface AgendaBallotSummary {
  round: RoundView;
  votes: AgendaVotes;
  recorded: boolean;
}

/** The session's Agenda votes (pass the tablet), newest first. */
export async function listSessionAgendaBallots(
  db: TequioDb,
  sessionId: string,
): Promise<AgendaBallotSummary[]> {
  const rows = await db.rounds.where('fields.sessionId').equals(sessionId).toArray();
  const rounds = liveViews(rows)
    .filter(isAgendaRound)
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  const validations = await listSessionValidations(db, sessionId);
  const summaries: AgendaBallotSummary[] = [];
  for (const round of rounds) {
    const result = await getRoundResult(db, round.id);
    if (!result) continue;
    summaries.push({
      round,
      votes: votesFromRound(result.result, agendaRoundChoices(round)),
      recorded: validations.some((v) => v.roundId === round.id),
    });
  }
  return summaries;
}

function validationTables(db: TequioDb) {
  return [db.agendaVersions, db.agendaValidations, db.sessions, db.processes, db.outbox, db.meta];
}

/** The writes of a validation; the caller holds the transaction. */
async function writeValidation(
  db: TequioDb,
  input: ValidationInput & { method: AgendaValidation['method']; roundId?: string },
  now: Date,
): Promise<{ validationId: string; approved: boolean }> {
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
    method: input.method,
    roundId: input.roundId ?? null,
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
