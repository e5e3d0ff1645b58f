/**
 * Prioritisation rounds on the device: opening a round with the problems on
 * its ballot, closing it (the agreement goes to its session and the process
 * moves to the prioritisation stage), and the problems that may go on a
 * ballot. A round is an ordinary record, opened and then closed once. The
 * ballots cast in a round and the results computed from them are in
 * `ballots.repository.ts`.
 *
 * Offline and under sync: every function writes the device's own database; a
 * round merges field by field like any record.
 */
import {
  AGENDA_ROUND_CHOICES,
  PROCESS_STAGES,
  newId,
  type Agreement,
  type InvalidReason,
  type Round,
  type ThematicArea,
} from '../../domain';
import { applyStageEntry } from '../../domain/process-stages';
import type { TequioDb } from './db';
import { updateProcess } from './processes.repository';
import { createLocal, getLive, isLive, requireLive, writeLocal, type View } from './records.repository';
import { listSessions, updateSession } from './sessions.repository';

export type RoundView = View<Round>;

/** A problem that may go on a ballot. */
export interface BallotProblem {
  id: string;
  title: string;
  theme: ThematicArea;
}

export interface RoundInput {
  title: string;
  /** The problems on the ballot, in the order chosen. */
  problemIds: string[];
  method: Round['method'];
  dotsPerPerson?: number | undefined;
  allowStacking?: boolean | undefined;
  criteria?: Round['criteria'];
  /**
   * Puts this Agenda version to the assembly instead of problems: the options
   * are for, against and abstain (`problemIds` is ignored), one dot each.
   */
  agendaVersionId?: string | undefined;
}

export type RoundRefusal =
  | InvalidReason
  | 'round_closed'
  | 'not_dots'
  | 'already_annulled'
  | 'cannot_annul_annulment'
  | 'problem_not_in_process';

/** A vote, tally, annulment or closing the round refused before anything was written. */
export class RoundRefusedError extends Error {
  constructor(readonly reason: RoundRefusal) {
    super(`Refused: ${reason}`);
    this.name = 'RoundRefusedError';
  }
}

/** Today on this device's calendar (`YYYY-MM-DD`). */
function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Opens a round in the session; the options carry the problems' titles as they are now. */
export async function createRound(db: TequioDb, sessionId: string, input: RoundInput): Promise<string> {
  const session = await requireLive(db, 'session', sessionId);
  if (input.agendaVersionId) return createAgendaRound(db, sessionId, session.processId, input);
  const options = [];
  for (const problemId of input.problemIds) {
    const problem = await getLive(db, 'problem', problemId);
    if (!problem || problem.processId !== session.processId)
      throw new RoundRefusedError('problem_not_in_process');
    options.push({ problemId, title: problem.title });
  }
  const round: Round = {
    processId: session.processId,
    sessionId,
    title: input.title,
    options,
    method: input.method,
    status: 'open',
    openedAt: new Date().toISOString(),
  };
  if (input.method === 'dots') {
    round.dotsPerPerson = input.dotsPerPerson ?? 3;
    round.allowStacking = input.allowStacking ?? false;
  }
  if (input.method === 'scoring') round.criteria = input.criteria ?? [];
  return createLocal(db, 'round', round);
}

async function createAgendaRound(
  db: TequioDb,
  sessionId: string,
  processId: string,
  input: RoundInput,
): Promise<string> {
  const round: Round = {
    processId,
    sessionId,
    title: input.title,
    options: AGENDA_ROUND_CHOICES.map((title) => ({ problemId: newId(), title })),
    method: 'dots',
    dotsPerPerson: 1,
    allowStacking: false,
    status: 'open',
    openedAt: new Date().toISOString(),
    agendaVersionId: input.agendaVersionId ?? null,
  };
  return createLocal(db, 'round', round);
}

/**
 * Closes the round: its status and closing time; the agreement (made by the
 * assembly, done) appended to the round's session; and the process moved to
 * the prioritisation stage with the session as evidence, only when it is at
 * an earlier stage. All or nothing.
 */
export async function closeRound(db: TequioDb, roundId: string, agreementText: string): Promise<void> {
  await db.transaction('rw', [db.rounds, db.sessions, db.processes, db.outbox, db.meta], async () => {
    const round = await requireLive(db, 'round', roundId);
    if (round.status === 'closed') throw new RoundRefusedError('round_closed');
    const session = await requireLive(db, 'session', round.sessionId);
    const process = await requireLive(db, 'process', round.processId);
    const now = new Date();

    await writeLocal(
      db,
      'round',
      roundId,
      { op: 'put', fields: { status: 'closed', closedAt: now.toISOString() } },
      { mustExist: true },
    );

    const agreement: Agreement = {
      id: newId(),
      text: agreementText.trim().slice(0, 1000),
      responsible: 'Asamblea',
      status: 'done',
    };
    await updateSession(db, round.sessionId, { agreements: [...session.agreements, agreement] });

    if (PROCESS_STAGES.indexOf(process.stage) < PROCESS_STAGES.indexOf('prioritisation')) {
      const today = localIsoDate(now);
      const last = process.stageHistory?.at(-1)?.reachedAt;
      const sessionIds = (await listSessions(db, round.processId)).map((s) => s.id);
      const patch = applyStageEntry(
        process,
        {
          stage: 'prioritisation',
          reachedAt: last && last > today ? last : today,
          sessionIds: [round.sessionId],
        },
        sessionIds,
      );
      await updateProcess(db, round.processId, patch);
    }
  });
}

export function getRound(db: TequioDb, id: string): Promise<RoundView | null> {
  return getLive(db, 'round', id);
}

/** The process's problems that may go on a ballot (merged ones live on in their survivor), by title. */
export async function listBallotProblems(db: TequioDb, processId: string): Promise<BallotProblem[]> {
  const rows = await db.problems.where('fields.processId').equals(processId).toArray();
  return rows
    .filter(isLive)
    .filter((r) => !r.fields.mergedIntoId)
    .map((r) => ({ id: r.id, title: r.fields.title, theme: r.fields.theme }))
    .sort((a, b) => a.title.localeCompare(b.title, 'es-MX'));
}
