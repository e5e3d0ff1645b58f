/**
 * Results of a prioritisation round, from its ballots: dot voting (sum of
 * dots, from private ballots and board tallies), ranking (Borda count:
 * with n problems on the ballot, first place earns n − 1 points, an unranked
 * problem 0) and scoring (each ballot's weighted mean of the 1–5 criteria,
 * averaged over ballots). Ties share a rank ("1, 2, 2, 4") and are flagged,
 * never broken. Pure and order-independent: the same set of ballots gives the
 * same result on every device.
 */
import type { Ballot, Round } from './entities/prioritisation';
import { compareTimes, resolveSupersession } from './supersede';

export type BallotRecord = Ballot & { id: string };

export type InvalidReason =
  | 'other_round'
  | 'wrong_method'
  | 'unknown_problem'
  | 'too_many_dots'
  | 'stacked_dots'
  | 'no_dots'
  | 'repeated_problem'
  | 'incomplete_scores'
  | 'tally_exceeds_participants'
  | 'cast_after_close';

export interface ResultRow {
  problemId: string;
  title: string;
  /** Dots, Borda points, or the mean weighted score (1–5). */
  points: number;
  /** Competition rank: tied rows share the best rank of their group. */
  rank: number;
  tied: boolean;
  /** Share of all points (0–1); for scoring, points / 5. */
  share: number;
  /** Scoring: mean score by criterion id. */
  byCriterion?: Record<string, number>;
}

export interface RoundResult {
  method: Round['method'];
  rows: ResultRow[];
  totalPoints: number;
  /** People whose vote counts: valid private ballots plus the people counted on the board. */
  participants: number;
  votesCounted: number;
  talliesCounted: number;
  annulled: number;
  /** Ballots replaced by a correction. */
  corrected: number;
  invalid: { id: string; reason: InvalidReason }[];
  /** Participants over the session's attendance, when it is known. */
  turnout: { attendance: number; ratio: number } | null;
  /** Ties anywhere in the ranking. */
  hasTies: boolean;
}

const EPSILON = 1e-9;

function sumValues(record: Record<string, number> | undefined): number {
  return Object.values(record ?? {}).reduce((a, b) => a + b, 0);
}

function checkVote(round: Round, b: BallotRecord, options: Set<string>): InvalidReason | null {
  switch (round.method) {
    case 'dots': {
      if (!b.dots || b.ranking || b.scores) return 'wrong_method';
      const entries = Object.entries(b.dots).filter(([, n]) => n > 0);
      if (entries.some(([id]) => !options.has(id))) return 'unknown_problem';
      const total = entries.reduce((a, [, n]) => a + n, 0);
      if (total === 0) return 'no_dots';
      if (total > (round.dotsPerPerson ?? 1)) return 'too_many_dots';
      if (!round.allowStacking && entries.some(([, n]) => n > 1)) return 'stacked_dots';
      return null;
    }
    case 'ranking': {
      if (!b.ranking || b.dots || b.scores) return 'wrong_method';
      if (b.ranking.length === 0) return 'no_dots';
      if (b.ranking.some((id) => !options.has(id))) return 'unknown_problem';
      if (new Set(b.ranking).size !== b.ranking.length) return 'repeated_problem';
      return null;
    }
    case 'scoring': {
      if (!b.scores || b.dots || b.ranking) return 'wrong_method';
      if (Object.keys(b.scores).some((id) => !options.has(id))) return 'unknown_problem';
      for (const option of options) {
        const scores = b.scores[option];
        if (!scores) return 'incomplete_scores';
        for (const c of round.criteria ?? []) if (scores[c.id] === undefined) return 'incomplete_scores';
      }
      return null;
    }
  }
}

function checkTally(round: Round, b: BallotRecord, options: Set<string>): InvalidReason | null {
  if (round.method !== 'dots' || !b.dots) return 'wrong_method';
  if (Object.entries(b.dots).some(([id, n]) => n > 0 && !options.has(id))) return 'unknown_problem';
  const perPerson = round.allowStacking
    ? (round.dotsPerPerson ?? 1)
    : Math.min(round.dotsPerPerson ?? 1, options.size);
  if (sumValues(b.dots) > (b.participants ?? 0) * perPerson) return 'tally_exceeds_participants';
  return null;
}

/**
 * When the vote a correction goes back to was cast: a correction made after
 * closing fixes a vote cast in time and counts, but cannot bring in a late one.
 */
function firstCastAt(b: BallotRecord, byId: ReadonlyMap<string, BallotRecord>): string {
  let first = b;
  const seen = new Set<string>([b.id]);
  while (first.supersedes && !seen.has(first.supersedes)) {
    const previous = byId.get(first.supersedes);
    if (!previous) break;
    seen.add(previous.id);
    first = previous;
  }
  return first.castAt;
}

/** Standard competition ranking over rows already sorted by points, best first. */
function assignRanks(rows: Omit<ResultRow, 'rank' | 'tied'>[]): ResultRow[] {
  const ranked: ResultRow[] = [];
  rows.forEach((row, i) => {
    const prev = ranked[i - 1];
    const sameAsPrev = prev !== undefined && Math.abs(prev.points - row.points) < EPSILON;
    ranked.push({ ...row, rank: sameAsPrev ? prev.rank : i + 1, tied: false });
    if (sameAsPrev) {
      prev.tied = true;
      ranked[i]!.tied = true;
    }
  });
  return ranked;
}

/**
 * The round's result from every ballot record held (of any round: others are
 * ignored). `attendance` is the session's total attendance, for turnout.
 */
export function tallyRound(
  round: Round & { id: string },
  records: readonly BallotRecord[],
  attendance?: number,
): RoundResult {
  return tallyWithGroups(round, records, [], attendance)!;
}

/**
 * Private votes with the same content that no record corrects or annuls and
 * that correct nothing: interchangeable for the result, so they are counted
 * as one group (a device keeps the groups of each round up to date).
 */
export interface VoteGroup {
  vote: Pick<Ballot, 'dots' | 'ranking' | 'scores'>;
  count: number;
  /** The latest `castAt` among them (ms since the epoch; −∞ when none can be read). */
  latestCastMs: number;
}

/**
 * The same result as `tallyRound` over `records` plus the votes of `groups`,
 * or null when the groups cannot be counted without their ballots one by one:
 * a scoring round (its means are sums of fractions, exact only in one order),
 * a group the round would refuse (the result lists refused ballots by id), or
 * a closed round with a group that may hold votes cast after closing.
 */
export function tallyWithGroups(
  round: Round & { id: string },
  records: readonly BallotRecord[],
  groups: readonly VoteGroup[],
  attendance?: number,
): RoundResult | null {
  const counted = groups.filter((g) => g.count > 0);
  const closedAtMs = round.status === 'closed' && round.closedAt ? Date.parse(round.closedAt) : Number.NaN;
  const groupOptions = new Set(round.options.map((o) => o.problemId));
  for (const g of counted) {
    if (round.method === 'scoring') return null;
    const probe = { ...g.vote, id: '', kind: 'vote', processId: '', roundId: '', castAt: '' } as BallotRecord;
    if (checkVote(round, probe, groupOptions)) return null;
    if (!Number.isNaN(closedAtMs) && g.latestCastMs > closedAtMs) return null;
  }
  const own = records
    .filter((b) => b.roundId === round.id)
    .slice()
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { current, superseded } = resolveSupersession(own.map((b) => ({ ...b, at: b.castAt })));
  const byId = new Map(own.map((b) => [b.id, b]));
  const annulledTargets = new Set(
    [...current, ...superseded]
      .filter((r) => r.kind === 'annulment' && r.supersedes && byId.has(r.supersedes))
      .map((r) => r.supersedes!),
  );
  const options = new Set(round.options.map((o) => o.problemId));
  const invalid: RoundResult['invalid'] = [];
  const votes: BallotRecord[] = [];
  const tallies: BallotRecord[] = [];
  for (const r of current) {
    const b = byId.get(r.id)!;
    if (b.kind === 'annulment') continue;
    let reason: InvalidReason | null;
    if (b.kind === 'tally') reason = checkTally(round, b, options);
    else if (
      round.status === 'closed' &&
      round.closedAt &&
      compareTimes(firstCastAt(b, byId), round.closedAt) > 0
    )
      reason = 'cast_after_close';
    else reason = checkVote(round, b, options);
    if (reason) invalid.push({ id: b.id, reason });
    else (b.kind === 'tally' ? tallies : votes).push(b);
  }

  const points = new Map<string, number>(round.options.map((o) => [o.problemId, 0]));
  const criterionSums = new Map<string, Record<string, number>>();
  const n = round.options.length;
  const weighted: { b: Pick<Ballot, 'dots' | 'ranking' | 'scores'>; times: number }[] = [
    ...[...votes, ...tallies].map((b) => ({ b, times: 1 })),
    ...counted.map((g) => ({ b: g.vote, times: g.count })),
  ];
  for (const { b, times } of weighted) {
    if (round.method === 'dots') {
      for (const [id, count] of Object.entries(b.dots ?? {}))
        if (options.has(id)) points.set(id, points.get(id)! + count * times);
    } else if (round.method === 'ranking') {
      b.ranking!.forEach((id, i) => points.set(id, points.get(id)! + (n - 1 - i) * times));
    } else {
      const criteria = round.criteria ?? [];
      const weightSum = criteria.reduce((a, c) => a + c.weight, 0);
      for (const id of options) {
        const scores = b.scores![id]!;
        const weighted = criteria.reduce((a, c) => a + c.weight * scores[c.id]!, 0) / weightSum;
        points.set(id, points.get(id)! + weighted);
        const sums = criterionSums.get(id) ?? {};
        for (const c of criteria) sums[c.id] = (sums[c.id] ?? 0) + scores[c.id]!;
        criterionSums.set(id, sums);
      }
    }
  }
  if (round.method === 'scoring') {
    for (const id of options) points.set(id, votes.length ? points.get(id)! / votes.length : 0);
  }
  const totalPoints = [...points.values()].reduce((a, b) => a + b, 0);
  const unranked = round.options
    .map((o) => {
      const p = points.get(o.problemId)!;
      const row: Omit<ResultRow, 'rank' | 'tied'> = {
        problemId: o.problemId,
        title: o.title,
        points: p,
        share: round.method === 'scoring' ? p / 5 : totalPoints > 0 ? p / totalPoints : 0,
      };
      const sums = criterionSums.get(o.problemId);
      if (sums && votes.length) {
        row.byCriterion = Object.fromEntries(Object.entries(sums).map(([c, s]) => [c, s / votes.length]));
      }
      return row;
    })
    .sort((a, b) =>
      Math.abs(b.points - a.points) >= EPSILON
        ? b.points - a.points
        : a.title.localeCompare(b.title, 'es-MX') || (a.problemId < b.problemId ? -1 : 1),
    );
  const rows = assignRanks(unranked);
  const groupVotes = counted.reduce((a, g) => a + g.count, 0);
  const participants = votes.length + groupVotes + tallies.reduce((a, t) => a + (t.participants ?? 0), 0);
  return {
    method: round.method,
    rows,
    totalPoints,
    participants,
    votesCounted: votes.length + groupVotes,
    talliesCounted: tallies.length,
    annulled: [...annulledTargets].filter((id) => byId.get(id)?.kind !== 'annulment').length,
    corrected: superseded.filter((r) => !annulledTargets.has(r.id)).length,
    invalid,
    turnout: attendance && attendance > 0 ? { attendance, ratio: participants / attendance } : null,
    hasTies: rows.some((r) => r.tied),
  };
}

/**
 * Whether `ballot` is a valid vote for `round`, before it is stored (the
 * pass-the-tablet screen refuses what the tally would ignore).
 */
export function voteProblem(
  round: Round,
  ballot: Pick<Ballot, 'dots' | 'ranking' | 'scores'>,
): InvalidReason | null {
  const options = new Set(round.options.map((o) => o.problemId));
  return checkVote(
    round,
    { ...ballot, id: '', kind: 'vote', processId: '', roundId: '', castAt: '' } as BallotRecord,
    options,
  );
}
