/**
 * Reads of prioritisation rounds for the screens: the round, its result
 * (computed from the ballots this device holds), its ballots for the
 * facilitator, and the problems that may go on a ballot. Writes are in
 * prioritisation.repository.ts.
 */
import {
  attendanceTotal,
  resolveSupersession,
  tallyRound,
  type Ballot,
  type Problem,
  type Round,
  type Session,
} from '../../domain';
import type { TequioDb } from './db';
import { toView } from './entities.repository';
import {
  live,
  OWN_TALLIES_KEY,
  type BallotListItem,
  type BallotProblem,
  type BallotView,
  type RoundResultView,
  type RoundView,
  type SessionRoundSummary,
} from './prioritisation.repository';

export async function getRound(db: TequioDb, id: string): Promise<RoundView | null> {
  const row = live(await db.rounds.get(id));
  return row ? toView<Round>(row) : null;
}

async function roundBallots(db: TequioDb, roundId: string): Promise<BallotView[]> {
  const rows = await db.ballots.where('fields.roundId').equals(roundId).toArray();
  return rows.filter((r) => !r.deleted).map((r) => toView<Ballot>(r));
}

async function sessionAttendance(db: TequioDb, sessionId: string): Promise<number> {
  const row = live(await db.sessions.get(sessionId));
  return row ? attendanceTotal((row.fields as Session).attendance) : 0;
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
  const ballot = live(await db.ballots.get(id));
  if (!ballot) return null;
  const replaced = await db.ballots
    .where('fields.roundId')
    .equals(roundId)
    .filter((b) => b.fields.supersedes === id)
    .count();
  return replaced > 0 ? null : toView<Ballot>(ballot);
}

/** The session's rounds, newest first, with how many people took part in each. */
export async function listSessionRounds(db: TequioDb, sessionId: string): Promise<SessionRoundSummary[]> {
  const rows = await db.rounds.where('fields.sessionId').equals(sessionId).toArray();
  const rounds = rows
    .filter((r) => !r.deleted)
    .map((r) => toView<Round>(r))
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
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
    .filter((r) => !r.deleted && !r.fields.mergedIntoId)
    .map((r) => {
      const p = r.fields as Problem;
      return { id: r.id, title: p.title, theme: p.theme };
    })
    .sort((a, b) => a.title.localeCompare(b.title, 'es-MX'));
}
