/**
 * Ballots of a prioritisation round on the device: votes, board tallies and annulments, and the
 * results computed from them. Ballots are append-only: a recount is a new tally that supersedes
 * the previous one; an annulment is a new record of kind `annulment` pointing at the annulled
 * ballot, with its reason. Ballots cast on several tablets never conflict (each is its own
 * record), so every device holding the same ballots shows the same result.
 *
 * Performance: casting a vote reads the round and its summary and writes one record. The results count the
 * round's running summary (round-tallies.ts: equal to a recount of every ballot held, kept in
 * the transaction of every ballot written here or pulled), reading only the ballots it lists.
 */
import {
  isAgendaRound,
  attendanceTotal,
  newId,
  resolveSupersession,
  tallyRound,
  tallyWithGroups,
  voteProblem,
  type Ballot,
  type RoundResult,
} from '../../domain';
import { Dexie } from 'dexie';
import type { TequioDb } from './db';
import type { RoundTallyRow } from './round-tallies';
import { NotFoundError } from './errors';
import { getRound, RoundRefusedError, type RoundView } from './prioritisation.repository';
import { getLive, isLive, liveViews, requireLive, writeLocal, type View } from './records.repository';

export type BallotView = View<Ballot>;

export type VoteInput = Pick<Ballot, 'dots' | 'ranking' | 'scores'>;

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

/**
 * Stores one person's private ballot. Refuses (RoundRefusedError) a ballot the tally would not
 * count, or a vote in a closed round. Returns, once committed, the ballot's id and its number in
 * the round (`countBallots` after it; the other ballots are not read).
 */
export async function castVote(
  db: TequioDb,
  roundId: string,
  vote: VoteInput,
): Promise<{ id: string; number: number }> {
  return db.transaction('rw', [db.rounds, db.ballots, db.roundTallies, db.outbox, db.meta], async () => {
    const [round, summary] = await Promise.all([
      requireLive(db, 'round', roundId),
      db.roundTallies.get(roundId),
    ]);
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
    // A new row: its round's summary (which no other write can change in this transaction) counts one more.
    return { id, number: (summary?.rows ?? 0) + 1 };
  });
}

/** Records the dots counted on the board (dots only); a recount passes the tally it replaces in `supersedes`. */
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
  return db.transaction('rw', [db.rounds, db.ballots, db.roundTallies, db.outbox, db.meta], async () => {
    const target = await requireLive(db, 'ballot', ballotId);
    if (target.kind === 'annulment') throw new RoundRefusedError('cannot_annul_annulment');
    const round = await requireLive(db, 'round', target.roundId);
    if (round.status === 'closed') throw new RoundRefusedError('round_closed');
    const already = (await specialBallots(db, await db.roundTallies.get(target.roundId))).filter(
      (b) => b.kind === 'annulment' && b.supersedes === ballotId,
    ).length;
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

// Reads for the screens: the ballots of a round and the results computed from them.

async function roundBallots(db: TequioDb, roundId: string): Promise<BallotView[]> {
  return liveViews(await db.ballots.where('fields.roundId').equals(roundId).toArray());
}

async function sessionAttendance(db: TequioDb, sessionId: string): Promise<number> {
  const session = await getLive(db, 'session', sessionId);
  return session ? attendanceTotal(session.attendance) : 0;
}

/** The round's ballots that its summary counts one by one (tallies, annulments, corrections and what they correct). */
async function specialBallots(db: TequioDb, summary: RoundTallyRow | undefined): Promise<BallotView[]> {
  if (!summary) return [];
  const rows = await db.ballots.bulkGet(Object.keys(summary.special));
  return liveViews(rows.filter((r) => r !== undefined));
}

/** The round's result from its summary (read first by the caller, so live queries see it change); else a recount. */
async function tallyOf(
  db: TequioDb,
  round: RoundView,
  summary: RoundTallyRow | undefined,
  attendance?: number,
): Promise<RoundResult> {
  const groups = Object.values(summary?.groups ?? {});
  const quick = tallyWithGroups(round, await specialBallots(db, summary), groups, attendance);
  return quick ?? tallyRound(round, await roundBallots(db, round.id), attendance);
}

/** The round's result from every ballot this device holds, with turnout against the session's attendance. */
export async function getRoundResult(db: TequioDb, roundId: string): Promise<RoundResultView | null> {
  const [round, summary] = await Promise.all([getRound(db, roundId), db.roundTallies.get(roundId)]);
  if (!round) return null;
  const attendance = await sessionAttendance(db, round.sessionId);
  return { round, result: await tallyOf(db, round, summary, attendance), attendance };
}

const byCast = (a: BallotView, b: BallotView) =>
  a.castAt === b.castAt ? a.id.localeCompare(b.id) : a.castAt.localeCompare(b.castAt);

function listItem(
  b: BallotView,
  number: number,
  replaced: ReadonlySet<string>,
  annulments: ReadonlyMap<string, BallotView>,
): BallotListItem {
  const annulment = replaced.has(b.id) ? annulments.get(b.id) : undefined;
  return {
    id: b.id,
    number,
    kind: b.kind as BallotListItem['kind'],
    castAt: b.castAt,
    state: !replaced.has(b.id) ? 'current' : annulment ? 'annulled' : 'corrected',
    reason: annulment?.reason,
    participants: b.participants,
  };
}

/** The round's votes and tallies, numbered by the time they were cast, with whether they still count. */
export async function listRoundBallots(db: TequioDb, roundId: string): Promise<BallotListItem[]> {
  const ballots = (await roundBallots(db, roundId)).sort(byCast);
  const { superseded } = resolveSupersession(ballots.map((b) => ({ ...b, at: b.castAt })));
  const replaced = new Set(superseded.map((b) => b.id));
  const annulments = new Map<string, BallotView>();
  for (const b of ballots) if (b.kind === 'annulment' && b.supersedes) annulments.set(b.supersedes, b);
  const items: BallotListItem[] = [];
  ballots.forEach((b, i) => {
    if (b.kind !== 'annulment') items.push(listItem(b, i + 1, replaced, annulments));
  });
  return items;
}

/**
 * The round's latest `limit` ballots through its index in the order cast, listed and numbered as
 * by `listRoundBallots`; `hidden`: how many earlier ones are not listed.
 */
export async function listLatestBallots(
  db: TequioDb,
  roundId: string,
  limit: number,
): Promise<{ items: BallotListItem[]; hidden: number }> {
  const summary = await db.roundTallies.get(roundId);
  const total = summary?.live ?? 0;
  if (total <= limit) return { items: await listRoundBallots(db, roundId), hidden: 0 };
  const [rows, specials] = await Promise.all([
    db.ballots
      .where('[fields.roundId+fields.castAt]')
      .between([roundId, Dexie.minKey], [roundId, Dexie.maxKey])
      .reverse()
      .filter(isLive)
      .limit(limit)
      .toArray(),
    specialBallots(db, summary),
  ]);
  const { superseded } = resolveSupersession(specials.map((b) => ({ ...b, at: b.castAt })));
  const replaced = new Set(superseded.map((b) => b.id));
  const annulments = new Map<string, BallotView>();
  for (const b of specials.sort(byCast))
    if (b.kind === 'annulment' && b.supersedes) annulments.set(b.supersedes, b);
  const items = liveViews(rows)
    .map((b, i) => ({ b, number: total - i }))
    .filter(({ b }) => b.kind !== 'annulment')
    .map(({ b, number }) => listItem(b, number, replaced, annulments))
    .reverse();
  return { items, hidden: total - rows.length };
}

/** How many ballot records the round has (what its index counts), from its running summary. */
export async function countBallots(db: TequioDb, roundId: string): Promise<number> {
  return (await db.roundTallies.get(roundId))?.rows ?? 0;
}

/** The latest tally this device recorded for the round, while it still counts (for a recount). */
export async function getOwnTally(db: TequioDb, roundId: string): Promise<BallotView | null> {
  const row = await db.meta.get(OWN_TALLIES_KEY);
  const id = (row?.value as Record<string, string> | undefined)?.[roundId];
  if (!id) return null;
  const ballot = await getLive(db, 'ballot', id);
  if (!ballot) return null;
  const summary = await db.roundTallies.get(roundId);
  return (summary?.targets[id] ?? 0) > 0 ? null : ballot;
}

/** The session's rounds, newest first, with how many people took part in each. */
export async function listSessionRounds(db: TequioDb, sessionId: string): Promise<SessionRoundSummary[]> {
  const rows = await db.rounds.where('fields.sessionId').equals(sessionId).toArray();
  const rounds = liveViews(rows)
    .filter((r) => !isAgendaRound(r))
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  const summaries = await db.roundTallies.bulkGet(rounds.map((r) => r.id));
  return Promise.all(
    rounds.map(async (round, i) => ({
      round,
      participants: (await tallyOf(db, round, summaries[i])).participants,
    })),
  );
}
