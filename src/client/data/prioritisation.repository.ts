/**
 * Prioritisation rounds and their ballots on the device. A round is an
 * ordinary record (opened, then closed once); ballots are append-only: a
 * ballot id is written once and never again. A recount is a new tally that
 * supersedes the previous one; an annulment is a new record of kind
 * `annulment` pointing at the annulled ballot, with its reason.
 *
 * Offline and under sync: every function writes the device's own database.
 * Ballots cast on several tablets for the same round never conflict (each is
 * its own record), so the result is the same on every device once they all
 * hold the same ballots (`tallyRound` is order-independent).
 *
 * Performance: casting a vote reads the round and writes one record; it never
 * reads the round's other ballots. Only the results view tallies (from the
 * ballots this device holds).
 */
import {
  PROCESS_STAGES,
  attendanceTotal,
  newId,
  resolveSupersession,
  tallyRound,
  voteProblem,
  type Agreement,
  type Ballot,
  type InvalidReason,
  type Round,
  type RoundResult,
  type ThematicArea,
} from '../../domain';
import { applyStageEntry } from '../../domain/process-stages';
import type { TequioDb } from './db';
import { NotFoundError } from './errors';
import { updateProcess } from './processes.repository';
import { getLive, isLive, liveViews, requireLive, writeLocal, type View } from './records.repository';
import { listSessions, updateSession } from './sessions.repository';

export type RoundView = View<Round>;
export type BallotView = View<Ballot>;

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
}

export type VoteInput = Pick<Ballot, 'dots' | 'ranking' | 'scores'>;

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

/** One vote or tally as listed for the facilitator (annulments show as the state of what they annul). */
export interface BallotListItem {
  id: string;
  /** Order in the round (by time cast), from 1. */
  number: number;
  kind: 'vote' | 'tally';
  castAt: string;
  /** `current` counts; `annulled` and `corrected` were replaced by a later record. */
  state: 'current' | 'annulled' | 'corrected';
  reason?: string | null | undefined;
  participants?: number | undefined;
}

export interface RoundResultView {
  round: RoundView;
  result: RoundResult;
  /** The session's total attendance (0 when not recorded). */
  attendance: number;
}

export interface SessionRoundSummary {
  round: RoundView;
  participants: number;
}

/** Local key of the tallies this device recorded, by round (to supersede its own previous count). */
const OWN_TALLIES_KEY = 'prioritisation.ownTallies';

/** Today on this device's calendar (`YYYY-MM-DD`). */
function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Opens a round in the session; the options carry the problems' titles as they are now. */
export async function createRound(db: TequioDb, sessionId: string, input: RoundInput): Promise<string> {
  const session = await requireLive(db, 'session', sessionId);
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
  const id = newId();
  await writeLocal(db, 'round', id, { op: 'put', fields: round });
  return id;
}

/**
 * Stores one person's private ballot. Refuses (RoundRefusedError) a ballot the
 * tally would not count, or a vote in a closed round. Returns the ballot's id
 * and its number in the round (an index count: the other ballots are not read).
 */
export async function castVote(
  db: TequioDb,
  roundId: string,
  vote: VoteInput,
): Promise<{ id: string; number: number }> {
  return db.transaction('rw', [db.rounds, db.ballots, db.outbox, db.meta], async () => {
    const round = await requireLive(db, 'round', roundId);
    if (round.status === 'closed') throw new RoundRefusedError('round_closed');
    const problem = voteProblem(round, vote);
    if (problem) throw new RoundRefusedError(problem);
    const ballot: Ballot = {
      processId: round.processId,
      roundId,
      kind: 'vote',
      castAt: new Date().toISOString(),
    };
    if (vote.dots) ballot.dots = Object.fromEntries(Object.entries(vote.dots).filter(([, n]) => n > 0));
    if (vote.ranking) ballot.ranking = vote.ranking;
    if (vote.scores) ballot.scores = vote.scores;
    const id = newId();
    await writeLocal(db, 'ballot', id, { op: 'put', fields: ballot });
    const number = await db.ballots.where('fields.roundId').equals(roundId).count();
    return { id, number };
  });
}

/**
 * Records the dots counted on the board (dot voting only). A recount passes
 * the previous tally in `supersedes`: it replaces it, it does not add to it.
 */
export async function recordTally(
  db: TequioDb,
  roundId: string,
  input: { dots: Record<string, number>; participants: number; supersedes?: string | null | undefined },
): Promise<string> {
  return db.transaction('rw', [db.rounds, db.ballots, db.outbox, db.meta], async () => {
    const round = await requireLive(db, 'round', roundId);
    if (round.method !== 'dots') throw new RoundRefusedError('not_dots');
    if (round.status === 'closed') throw new RoundRefusedError('round_closed');
    const options = new Set(round.options.map((o) => o.problemId));
    const dots = Object.fromEntries(Object.entries(input.dots).filter(([, n]) => n > 0));
    if (Object.keys(dots).some((id) => !options.has(id))) throw new RoundRefusedError('unknown_problem');
    const perPerson = round.allowStacking
      ? (round.dotsPerPerson ?? 1)
      : Math.min(round.dotsPerPerson ?? 1, options.size);
    const total = Object.values(dots).reduce((a, b) => a + b, 0);
    if (total > input.participants * perPerson) throw new RoundRefusedError('tally_exceeds_participants');
    if (input.supersedes) {
      const previous = await getLive(db, 'ballot', input.supersedes);
      if (!previous || previous.roundId !== roundId || previous.kind !== 'tally')
        throw new NotFoundError('ballot', input.supersedes);
    }
    const ballot: Ballot = {
      processId: round.processId,
      roundId,
      kind: 'tally',
      castAt: new Date().toISOString(),
      dots,
      participants: input.participants,
      supersedes: input.supersedes ?? null,
    };
    const id = newId();
    await writeLocal(db, 'ballot', id, { op: 'put', fields: ballot });
    const row = await db.meta.get(OWN_TALLIES_KEY);
    const own = { ...((row?.value as Record<string, string> | undefined) ?? {}), [roundId]: id };
    await db.meta.put({ key: OWN_TALLIES_KEY, value: own });
    return id;
  });
}

/** Annuls a vote or tally with its reason: a new record; the annulled ballot stays as it was. */
export async function annulBallot(db: TequioDb, ballotId: string, reason: string): Promise<string> {
  return db.transaction('rw', [db.rounds, db.ballots, db.outbox, db.meta], async () => {
    const target = await requireLive(db, 'ballot', ballotId);
    if (target.kind === 'annulment') throw new RoundRefusedError('cannot_annul_annulment');
    const round = await requireLive(db, 'round', target.roundId);
    if (round.status === 'closed') throw new RoundRefusedError('round_closed');
    const already = await db.ballots
      .where('fields.roundId')
      .equals(target.roundId)
      .filter((b) => !b.deleted && b.fields.kind === 'annulment' && b.fields.supersedes === ballotId)
      .count();
    if (already > 0) throw new RoundRefusedError('already_annulled');
    const annulment: Ballot = {
      processId: target.processId,
      roundId: target.roundId,
      kind: 'annulment',
      castAt: new Date().toISOString(),
      supersedes: ballotId,
      reason: reason.trim(),
    };
    const id = newId();
    await writeLocal(db, 'ballot', id, { op: 'put', fields: annulment });
    return id;
  });
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

// Reads for the screens: the round, its result, its ballots and the problems that may go on a ballot.

export function getRound(db: TequioDb, id: string): Promise<RoundView | null> {
  return getLive(db, 'round', id);
}

async function roundBallots(db: TequioDb, roundId: string): Promise<BallotView[]> {
  return liveViews(await db.ballots.where('fields.roundId').equals(roundId).toArray());
}

async function sessionAttendance(db: TequioDb, sessionId: string): Promise<number> {
  const session = await getLive(db, 'session', sessionId);
  return session ? attendanceTotal(session.attendance) : 0;
}

/** The round's result from every ballot this device holds, with turnout against the session's attendance. */
export async function getRoundResult(db: TequioDb, roundId: string): Promise<RoundResultView | null> {
  const round = await getRound(db, roundId);
  if (!round) return null;
  const [ballots, attendance] = await Promise.all([
    roundBallots(db, roundId),
    sessionAttendance(db, round.sessionId),
  ]);
  return { round, result: tallyRound(round, ballots, attendance), attendance };
}

/** The round's votes and tallies, numbered by the time they were cast, with whether they still count. */
export async function listRoundBallots(db: TequioDb, roundId: string): Promise<BallotListItem[]> {
  const ballots = (await roundBallots(db, roundId)).sort((a, b) =>
    a.castAt === b.castAt ? a.id.localeCompare(b.id) : a.castAt.localeCompare(b.castAt),
  );
  const { superseded } = resolveSupersession(ballots.map((b) => ({ ...b, at: b.castAt })));
  const replaced = new Set(superseded.map((b) => b.id));
  const annulments = new Map<string, BallotView>();
  for (const b of ballots) if (b.kind === 'annulment' && b.supersedes) annulments.set(b.supersedes, b);
  const items: BallotListItem[] = [];
  ballots.forEach((b, i) => {
    if (b.kind === 'annulment') return;
    const annulment = replaced.has(b.id) ? annulments.get(b.id) : undefined;
    items.push({
      id: b.id,
      number: i + 1,
      kind: b.kind,
      castAt: b.castAt,
      state: !replaced.has(b.id) ? 'current' : annulment ? 'annulled' : 'corrected',
      reason: annulment?.reason,
      participants: b.participants,
    });
  });
  return items;
}

/** How many ballot records the round has (an index count; nothing is read). */
export function countBallots(db: TequioDb, roundId: string): Promise<number> {
  return db.ballots.where('fields.roundId').equals(roundId).count();
}

/** The latest tally this device recorded for the round, while it still counts (for a recount). */
export async function getOwnTally(db: TequioDb, roundId: string): Promise<BallotView | null> {
  const row = await db.meta.get(OWN_TALLIES_KEY);
  const id = (row?.value as Record<string, string> | undefined)?.[roundId];
  if (!id) return null;
  const ballot = await getLive(db, 'ballot', id);
  if (!ballot) return null;
  const replaced = await db.ballots
    .where('fields.roundId')
    .equals(roundId)
    .filter((b) => b.fields.supersedes === id)
    .count();
  return replaced > 0 ? null : ballot;
}

/** The session's rounds, newest first, with how many people took part in each. */
export async function listSessionRounds(db: TequioDb, sessionId: string): Promise<SessionRoundSummary[]> {
  const rows = await db.rounds.where('fields.sessionId').equals(sessionId).toArray();
  const rounds = liveViews(rows).sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  return Promise.all(
    rounds.map(async (round) => ({
      round,
      participants: tallyRound(round, await roundBallots(db, round.id)).participants,
    })),
  );
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
