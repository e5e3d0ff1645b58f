/**
 * Results of a prioritisation round, checked against results worked out by
 * hand (the arithmetic is in the comments next to each expectation).
 */
import { describe, expect, it } from 'vitest';
import {
  ballotSchema,
  DEFAULT_CRITERIA,
  roundSchema,
  tallyRound,
  voteProblem,
  type BallotRecord,
  type Round,
} from '../../../src/domain';

const PROCESS = '10000000-0000-4000-8000-000000000001';
const SESSION = '20000000-0000-4000-8000-000000000001';
const ROUND = '30000000-0000-4000-8000-000000000001';
const OTHER_ROUND = '30000000-0000-4000-8000-000000000002';

/** Problem ids A, B, C, D with titles that sort in the same order. */
const A = 'a0000000-0000-4000-8000-00000000000a';
const B = 'b0000000-0000-4000-8000-00000000000b';
const C = 'c0000000-0000-4000-8000-00000000000c';
const D = 'd0000000-0000-4000-8000-00000000000d';
const UNKNOWN = 'e0000000-0000-4000-8000-00000000000e';
const TITLES: Record<string, string> = { [A]: 'Agua', [B]: 'Baches', [C]: 'Calles', [D]: 'Drenaje' };

/** Ballot ids sort by their number. */
const id = (n: number) => `f0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 18, minute)).toISOString();

function round(overrides: Partial<Round> = {}, problems = [A, B, C]): Round & { id: string } {
  const r: Round & { id: string } = {
    id: ROUND,
    processId: PROCESS,
    sessionId: SESSION,
    title: 'Priorización de problemas',
    options: problems.map((problemId) => ({ problemId, title: TITLES[problemId]! })),
    method: 'dots',
    dotsPerPerson: 2,
    allowStacking: false,
    status: 'open',
    openedAt: at(0),
    ...overrides,
  };
  // Every round used here is one the schema accepts.
  expect(roundSchema.safeParse(r).success).toBe(true);
  return r;
}

function ballot(n: number, fields: Partial<BallotRecord>): BallotRecord {
  return { id: id(n), processId: PROCESS, roundId: ROUND, kind: 'vote', castAt: at(10 + n), ...fields };
}
const vote = (n: number, dots: Record<string, number>, extra: Partial<BallotRecord> = {}) =>
  ballot(n, { dots, ...extra });
const tally = (
  n: number,
  dots: Record<string, number>,
  participants: number,
  extra: Partial<BallotRecord> = {},
) => ballot(n, { kind: 'tally', dots, participants, ...extra });

/** Points by problem title, in result order. */
const pointsOf = (rows: { title: string; points: number }[]) => rows.map((r) => [r.title, r.points]);
const ranksOf = (rows: { title: string; rank: number; tied: boolean }[]) =>
  rows.map((r) => [r.title, r.rank, r.tied]);

describe('tallyRound: dot voting', () => {
  it('sums dots of valid ballots; without stacking a stacked ballot and one with too many dots are invalid', () => {
    const r = round({ dotsPerPerson: 2, allowStacking: false });
    const result = tallyRound(r, [
      vote(1, { [A]: 1, [B]: 1 }),
      vote(2, { [A]: 1, [C]: 1 }),
      vote(3, { [A]: 2 }), // two dots on one problem: stacking not allowed
      vote(4, { [A]: 1, [B]: 1, [C]: 1 }), // 3 dots > 2 per person
      vote(5, { [A]: 1, [B]: 1 }),
      vote(6, { [B]: 1 }), // fewer dots than allowed is fine
    ]);
    // A = 1 (v1) + 1 (v2) + 1 (v5) = 3; B = 1 (v1) + 1 (v5) + 1 (v6) = 3 (tied with A); C = 1 (v2).
    expect(pointsOf(result.rows)).toEqual([
      ['Agua', 3],
      ['Baches', 3],
      ['Calles', 1],
    ]);
    expect(result.totalPoints).toBe(7); // 3 + 3 + 1
    // Shares: 3/7, 3/7, 1/7.
    expect(result.rows.map((row) => row.share)).toEqual([3 / 7, 3 / 7, 1 / 7]);
    expect(result.invalid).toEqual([
      { id: id(3), reason: 'stacked_dots' },
      { id: id(4), reason: 'too_many_dots' },
    ]);
    expect(result.votesCounted).toBe(4); // v1, v2, v5, v6
    expect(result.participants).toBe(4);
  });

  it('with stacking allowed, counts several dots on one problem up to the dots per person', () => {
    const r = round({ dotsPerPerson: 3, allowStacking: true });
    const result = tallyRound(r, [
      vote(1, { [A]: 3 }),
      vote(2, { [B]: 2, [C]: 1 }),
      vote(3, { [A]: 2, [B]: 2 }), // 4 dots > 3 per person
      vote(4, { [A]: 0, [B]: 0 }), // no dot placed
      vote(5, { [UNKNOWN]: 1 }), // a problem that is not on the ballot
    ]);
    // A = 3 (v1); B = 2 (v2); C = 1 (v2). Total 6.
    expect(pointsOf(result.rows)).toEqual([
      ['Agua', 3],
      ['Baches', 2],
      ['Calles', 1],
    ]);
    expect(result.rows.map((row) => row.share)).toEqual([3 / 6, 2 / 6, 1 / 6]);
    expect(result.invalid).toEqual([
      { id: id(3), reason: 'too_many_dots' },
      { id: id(4), reason: 'no_dots' },
      { id: id(5), reason: 'unknown_problem' },
    ]);
    expect(result.hasTies).toBe(false);
  });

  it('adds board tallies to private ballots: their dots and the people counted on the board', () => {
    const r = round({ dotsPerPerson: 2, allowStacking: false });
    const result = tallyRound(r, [
      vote(1, { [A]: 1, [B]: 1 }),
      // 10 people × 2 dots = 20 dots at most; 10 + 6 + 4 = 20, exactly the limit.
      tally(2, { [A]: 10, [B]: 6, [C]: 4 }, 10),
      // 15 + 6 = 21 > 10 × 2 = 20: more dots than the people counted could place.
      tally(3, { [A]: 15, [B]: 6 }, 10),
    ]);
    // A = 1 + 10 = 11; B = 1 + 6 = 7; C = 4. Total 22.
    expect(pointsOf(result.rows)).toEqual([
      ['Agua', 11],
      ['Baches', 7],
      ['Calles', 4],
    ]);
    expect(result.totalPoints).toBe(22);
    expect(result.votesCounted).toBe(1);
    expect(result.talliesCounted).toBe(1);
    // 1 private ballot + 10 people on the board.
    expect(result.participants).toBe(11);
    expect(result.invalid).toEqual([{ id: id(3), reason: 'tally_exceeds_participants' }]);
  });

  it('caps a board tally without stacking at one dot per person per problem', () => {
    // 3 dots each but only 2 problems and no stacking: a person places at most 2 dots.
    const noStacking = round({ dotsPerPerson: 3, allowStacking: false }, [A, B]);
    const board = [tally(1, { [A]: 5, [B]: 5 }, 4)];
    // 5 + 5 = 10 > 4 people × min(3, 2) = 8.
    expect(tallyRound(noStacking, board).invalid).toEqual([
      { id: id(1), reason: 'tally_exceeds_participants' },
    ]);
    // With stacking the limit is 4 × 3 = 12 ≥ 10.
    const stacking = tallyRound({ ...noStacking, allowStacking: true }, board);
    expect(stacking.invalid).toEqual([]);
    expect(pointsOf(stacking.rows)).toEqual([
      ['Agua', 5],
      ['Baches', 5],
    ]);
    expect(stacking.participants).toBe(4);
  });

  it('ignores ballots of other rounds and refuses ballots of another method', () => {
    const r = round();
    const result = tallyRound(r, [
      vote(1, { [A]: 1 }),
      vote(2, { [B]: 2 }, { roundId: OTHER_ROUND }),
      ballot(3, { ranking: [A, B] }),
    ]);
    // A = 1; the other round's ballot is not seen at all.
    expect(pointsOf(result.rows)).toEqual([
      ['Agua', 1],
      ['Baches', 0],
      ['Calles', 0],
    ]);
    expect(result.invalid).toEqual([{ id: id(3), reason: 'wrong_method' }]);
    expect(result.participants).toBe(1);
  });
});

describe('tallyRound: ties', () => {
  it('uses competition ranking (1, 2, 2, 4), flags the tied rows and orders them by title', () => {
    const r = round({ dotsPerPerson: 1 }, [A, B, C, D]);
    // 12 people with one dot each: 5 + 3 + 3 + 1 = 12 ≤ 12 × 1.
    const result = tallyRound(r, [tally(1, { [A]: 5, [C]: 3, [B]: 3, [D]: 1 }, 12)]);
    expect(ranksOf(result.rows)).toEqual([
      ['Agua', 1, false],
      ['Baches', 2, true],
      ['Calles', 2, true],
      ['Drenaje', 4, false],
    ]);
    expect(result.hasTies).toBe(true);
  });

  it('shares the first place (1, 1, 3) and reports no ties when there are none', () => {
    const r = round({ dotsPerPerson: 1 });
    const tiedTop = tallyRound(r, [tally(1, { [A]: 4, [B]: 4, [C]: 2 }, 10)]);
    expect(ranksOf(tiedTop.rows)).toEqual([
      ['Agua', 1, true],
      ['Baches', 1, true],
      ['Calles', 3, false],
    ]);
    const clear = tallyRound(r, [tally(1, { [A]: 4, [B]: 3, [C]: 2 }, 10)]);
    expect(ranksOf(clear.rows)).toEqual([
      ['Agua', 1, false],
      ['Baches', 2, false],
      ['Calles', 3, false],
    ]);
    expect(clear.hasTies).toBe(false);
  });

  it('with no valid ballot every problem has 0 points, shares 0 and a shared first place', () => {
    const result = tallyRound(round(), []);
    expect(result.rows.map((row) => [row.points, row.share, row.rank])).toEqual([
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 1],
    ]);
    expect(result.participants).toBe(0);
    expect(result.hasTies).toBe(true);
  });
});

describe('tallyRound: annulments and corrections', () => {
  it('an annulment with its reason removes the ballot it names', () => {
    const r = round({ dotsPerPerson: 1 });
    const result = tallyRound(r, [
      vote(1, { [A]: 1 }),
      vote(2, { [A]: 1 }),
      vote(3, { [B]: 1 }),
      vote(4, { [B]: 1 }),
      ballot(5, { kind: 'annulment', supersedes: id(2), reason: 'La persona votó dos veces' }),
    ]);
    // A = 1 (v1; v2 annulled); B = 1 + 1 = 2 (v3, v4).
    expect(pointsOf(result.rows)).toEqual([
      ['Baches', 2],
      ['Agua', 1],
      ['Calles', 0],
    ]);
    expect(result.annulled).toBe(1);
    expect(result.corrected).toBe(0);
    expect(result.votesCounted).toBe(3);
    expect(result.participants).toBe(3);
    expect(result.invalid).toEqual([]);
  });

  it('a correction replaces the ballot it supersedes', () => {
    const r = round({ dotsPerPerson: 1 });
    const result = tallyRound(r, [
      vote(1, { [A]: 1 }),
      vote(2, { [A]: 1 }),
      vote(3, { [B]: 1 }),
      vote(4, { [B]: 1 }, { supersedes: id(1) }), // v1 meant Baches
    ]);
    // A = 1 (v2); B = 1 (v3) + 1 (v4, in place of v1) = 2.
    expect(pointsOf(result.rows)).toEqual([
      ['Baches', 2],
      ['Agua', 1],
      ['Calles', 0],
    ]);
    expect(result.corrected).toBe(1);
    expect(result.votesCounted).toBe(3);
    expect(result.participants).toBe(3);
  });

  it('two corrections of one ballot from two tablets: the later castAt stands, then the greater id', () => {
    const r = round({ dotsPerPerson: 1 });
    const original = vote(1, { [A]: 1 }, { castAt: at(10) });
    // The correction with the greater id was made earlier (18:15) than the other (18:16).
    const fromTablet1 = vote(9, { [B]: 1 }, { supersedes: id(1), castAt: at(15) });
    const fromTablet2 = vote(8, { [C]: 1 }, { supersedes: id(1), castAt: at(16) });
    const result = tallyRound(r, [original, fromTablet1, fromTablet2]);
    // Only the 18:16 correction counts: C = 1.
    expect(pointsOf(result.rows)).toEqual([
      ['Calles', 1],
      ['Agua', 0],
      ['Baches', 0],
    ]);
    expect(result.votesCounted).toBe(1);
    expect(result.participants).toBe(1);
    expect(result.corrected).toBe(1);

    // Same minute: the greater id (v9, Baches) stands.
    const sameTime = tallyRound(r, [original, { ...fromTablet1, castAt: at(16) }, fromTablet2]);
    expect(pointsOf(sameTime.rows)[0]).toEqual(['Baches', 1]);
    expect(sameTime.votesCounted).toBe(1);
  });

  it('an annulment and a correction of the same ballot: the later one stands', () => {
    const r = round({ dotsPerPerson: 1 });
    const original = vote(1, { [A]: 1 }, { castAt: at(10) });
    const annul = ballot(2, {
      kind: 'annulment',
      supersedes: id(1),
      reason: 'Boleta ilegible',
      castAt: at(20),
    });
    const correct = vote(3, { [B]: 1 }, { supersedes: id(1), castAt: at(21) });
    const corrected = tallyRound(r, [original, annul, correct]);
    expect(pointsOf(corrected.rows)[0]).toEqual(['Baches', 1]);
    expect([corrected.annulled, corrected.corrected, corrected.votesCounted]).toEqual([0, 1, 1]);

    const annulled = tallyRound(r, [original, annul, { ...correct, castAt: at(19) }]);
    expect(annulled.totalPoints).toBe(0);
    expect([annulled.annulled, annulled.corrected, annulled.votesCounted]).toEqual([1, 0, 0]);
  });
});

describe('tallyRound: closed rounds', () => {
  it('excludes a vote cast after closing, but counts a board tally entered after closing', () => {
    const r = round({ dotsPerPerson: 1, status: 'closed', closedAt: at(30) });
    const result = tallyRound(r, [
      vote(1, { [A]: 1 }, { castAt: at(25) }),
      vote(2, { [B]: 1 }, { castAt: at(31) }), // after 18:30
      tally(3, { [B]: 3 }, 3, { castAt: at(40) }), // the board is counted once voting is over
    ]);
    // A = 1 (v1); B = 3 (board). Participants 1 + 3 = 4.
    expect(pointsOf(result.rows)).toEqual([
      ['Baches', 3],
      ['Agua', 1],
      ['Calles', 0],
    ]);
    expect(result.invalid).toEqual([{ id: id(2), reason: 'cast_after_close' }]);
    expect(result.participants).toBe(4);
  });

  it('counts a correction made after closing of a vote cast in time, but not of a late vote', () => {
    const r = round({ dotsPerPerson: 1, status: 'closed', closedAt: at(30) });
    const result = tallyRound(r, [
      vote(1, { [A]: 1 }, { castAt: at(25) }),
      vote(2, { [B]: 1 }, { castAt: at(35), supersedes: id(1) }), // the 18:25 vote was for Baches
      vote(3, { [C]: 1 }, { castAt: at(31) }), // late
      vote(4, { [C]: 1 }, { castAt: at(36), supersedes: id(3) }), // "correcting" the late vote
    ]);
    // B = 1 (v2 in place of v1); v4 stays out like the late vote it replaces.
    expect(pointsOf(result.rows)).toEqual([
      ['Baches', 1],
      ['Agua', 0],
      ['Calles', 0],
    ]);
    expect(result.invalid).toEqual([{ id: id(4), reason: 'cast_after_close' }]);
    expect(result.corrected).toBe(2);
  });

  it('compares times as instants, whatever their written precision', () => {
    // 18:30:00 is before 18:30:00.500, although "…00Z" sorts after "…00.500Z" as text.
    const r = round({ dotsPerPerson: 1, status: 'closed', closedAt: '2026-11-20T18:30:00.500Z' });
    const result = tallyRound(r, [
      vote(1, { [A]: 1 }, { castAt: '2026-11-20T18:30:00Z' }),
      vote(2, { [B]: 1 }, { castAt: '2026-11-20T18:30:01Z' }),
    ]);
    expect(result.votesCounted).toBe(1);
    expect(result.invalid).toEqual([{ id: id(2), reason: 'cast_after_close' }]);
  });

  it('a vote cast exactly at the closing time still counts', () => {
    const r = round({ dotsPerPerson: 1, status: 'closed', closedAt: at(30) });
    const result = tallyRound(r, [vote(1, { [A]: 1 }, { castAt: at(30) })]);
    expect(result.votesCounted).toBe(1);
  });
});

describe('tallyRound: ranking (Borda count)', () => {
  it('gives n − 1 points to first place down to 0, and 0 to unranked problems', () => {
    const r = round({ method: 'ranking', dotsPerPerson: undefined }, [A, B, C, D]);
    // n = 4: places are worth 3, 2, 1, 0.
    const result = tallyRound(r, [
      ballot(1, { ranking: [A, B, C, D] }), // A 3, B 2, C 1, D 0
      ballot(2, { ranking: [B, A] }), // B 3, A 2 (C, D unranked: 0)
      ballot(3, { ranking: [C] }), // C 3
      ballot(4, { ranking: [A, A] }),
      ballot(5, { ranking: [] }),
      ballot(6, { ranking: [A, UNKNOWN] }),
      ballot(7, { dots: { [A]: 1 } }),
    ]);
    // A = 3 + 2 = 5; B = 2 + 3 = 5; C = 1 + 3 = 4; D = 0. Total 14.
    expect(pointsOf(result.rows)).toEqual([
      ['Agua', 5],
      ['Baches', 5],
      ['Calles', 4],
      ['Drenaje', 0],
    ]);
    expect(ranksOf(result.rows)).toEqual([
      ['Agua', 1, true],
      ['Baches', 1, true],
      ['Calles', 3, false],
      ['Drenaje', 4, false],
    ]);
    expect(result.totalPoints).toBe(14);
    expect(result.rows[2]!.share).toBe(4 / 14);
    expect(result.invalid).toEqual([
      { id: id(4), reason: 'repeated_problem' },
      { id: id(5), reason: 'no_dots' },
      { id: id(6), reason: 'unknown_problem' },
      { id: id(7), reason: 'wrong_method' },
    ]);
    expect(result.participants).toBe(3);
  });

  it('refuses board tallies in a ranking round', () => {
    const r = round({ method: 'ranking', dotsPerPerson: undefined });
    const result = tallyRound(r, [tally(1, { [A]: 2 }, 2)]);
    expect(result.invalid).toEqual([{ id: id(1), reason: 'wrong_method' }]);
    expect(result.participants).toBe(0);
  });
});

describe('tallyRound: scoring', () => {
  const s = (u: number, i: number, f: number) => ({ urgency: u, impact: i, feasibility: f });
  const ballots = [
    ballot(1, { scores: { [A]: s(5, 1, 1), [B]: s(3, 3, 3) } }),
    ballot(2, { scores: { [A]: s(5, 2, 2), [B]: s(2, 3, 3) } }),
    ballot(3, { scores: { [A]: s(5, 5, 5) } }), // Baches not scored
    ballot(4, { scores: { [A]: { urgency: 4, impact: 4 }, [B]: s(4, 4, 4) } }), // no feasibility for Agua
  ];

  it('with equal weights ranks by the mean of each ballot’s mean score', () => {
    const r = round({ method: 'scoring', dotsPerPerson: undefined, criteria: DEFAULT_CRITERIA }, [A, B]);
    const result = tallyRound(r, ballots);
    // Agua: ballot 1 (5 + 1 + 1) / 3 = 7/3, ballot 2 (5 + 2 + 2) / 3 = 3 → (7/3 + 3) / 2 = 8/3 ≈ 2.667.
    // Baches: ballot 1 9/3 = 3, ballot 2 (2 + 3 + 3) / 3 = 8/3 → (3 + 8/3) / 2 = 17/6 ≈ 2.833.
    expect(result.rows.map((row) => row.title)).toEqual(['Baches', 'Agua']);
    expect(result.rows[0]!.points).toBeCloseTo(17 / 6, 10);
    expect(result.rows[1]!.points).toBeCloseTo(8 / 3, 10);
    // Share of a score is points / 5.
    expect(result.rows[0]!.share).toBeCloseTo(17 / 30, 10);
    expect(result.invalid).toEqual([
      { id: id(3), reason: 'incomplete_scores' },
      { id: id(4), reason: 'incomplete_scores' },
    ]);
    expect(result.votesCounted).toBe(2);
  });

  it('weights 2/1/1 on urgency reverse that order; byCriterion holds the plain means', () => {
    const criteria = DEFAULT_CRITERIA.map((c) => (c.id === 'urgency' ? { ...c, weight: 2 } : c));
    const r = round({ method: 'scoring', dotsPerPerson: undefined, criteria }, [A, B]);
    const result = tallyRound(r, ballots);
    // Weight sum 4. Agua: ballot 1 (2·5 + 1 + 1) / 4 = 3, ballot 2 (2·5 + 2 + 2) / 4 = 3.5 → 3.25.
    // Baches: ballot 1 (2·3 + 3 + 3) / 4 = 3, ballot 2 (2·2 + 3 + 3) / 4 = 2.5 → 2.75.
    expect(result.rows.map((row) => [row.title, row.points])).toEqual([
      ['Agua', 3.25],
      ['Baches', 2.75],
    ]);
    expect(result.totalPoints).toBe(6); // 3.25 + 2.75
    expect(result.rows[0]!.share).toBe(0.65); // 3.25 / 5
    // Agua: urgency (5 + 5) / 2 = 5, impact (1 + 2) / 2 = 1.5, feasibility (1 + 2) / 2 = 1.5.
    expect(result.rows[0]!.byCriterion).toEqual({ urgency: 5, impact: 1.5, feasibility: 1.5 });
    // Baches: urgency (3 + 2) / 2 = 2.5, impact 3, feasibility 3.
    expect(result.rows[1]!.byCriterion).toEqual({ urgency: 2.5, impact: 3, feasibility: 3 });
  });

  it('with no valid ballot scores are 0 and there is no byCriterion', () => {
    const r = round({ method: 'scoring', dotsPerPerson: undefined, criteria: DEFAULT_CRITERIA }, [A, B]);
    const result = tallyRound(r, [ballots[2]!]);
    expect(result.rows.map((row) => [row.points, row.byCriterion])).toEqual([
      [0, undefined],
      [0, undefined],
    ]);
  });
});

describe('tallyRound: turnout', () => {
  it('is the participants over the session’s attendance, or null when attendance is unknown', () => {
    const r = round({ dotsPerPerson: 1 });
    const records = [vote(1, { [A]: 1 }), vote(2, { [B]: 1 }), vote(3, { [B]: 1 }), tally(4, { [C]: 5 }, 5)];
    // 3 private ballots + 5 people on the board = 8; 8 / 20 = 0.4.
    expect(tallyRound(r, records, 20).turnout).toEqual({ attendance: 20, ratio: 0.4 });
    expect(tallyRound(r, records).turnout).toBeNull();
    expect(tallyRound(r, records, 0).turnout).toBeNull();
  });
});

describe('voteProblem', () => {
  it('says why a ballot would not count before it is stored', () => {
    const dots = round({ dotsPerPerson: 2, allowStacking: false });
    expect(voteProblem(dots, { dots: { [A]: 1, [B]: 1 } })).toBeNull();
    expect(voteProblem(dots, { dots: { [A]: 1 } })).toBeNull();
    expect(voteProblem(dots, { dots: { [A]: 2 } })).toBe('stacked_dots');
    expect(voteProblem(dots, { dots: { [A]: 1, [B]: 1, [C]: 1 } })).toBe('too_many_dots');
    expect(voteProblem(dots, { dots: {} })).toBe('no_dots');
    expect(voteProblem(dots, { dots: { [UNKNOWN]: 1 } })).toBe('unknown_problem');
    expect(voteProblem(dots, { ranking: [A] })).toBe('wrong_method');
    expect(voteProblem({ ...dots, allowStacking: true }, { dots: { [A]: 2 } })).toBeNull();

    const ranking = round({ method: 'ranking', dotsPerPerson: undefined });
    expect(voteProblem(ranking, { ranking: [B, A] })).toBeNull();
    expect(voteProblem(ranking, { ranking: [B, B] })).toBe('repeated_problem');
    expect(voteProblem(ranking, { ranking: [] })).toBe('no_dots');

    const scoring = round({ method: 'scoring', dotsPerPerson: undefined, criteria: DEFAULT_CRITERIA }, [
      A,
      B,
    ]);
    const full = { urgency: 3, impact: 3, feasibility: 3 };
    expect(voteProblem(scoring, { scores: { [A]: full, [B]: full } })).toBeNull();
    expect(voteProblem(scoring, { scores: { [A]: full } })).toBe('incomplete_scores');
    expect(voteProblem(scoring, { scores: { [A]: full, [B]: { urgency: 3 } } })).toBe('incomplete_scores');
  });
});

describe('round and ballot schemas', () => {
  const messages = (schema: typeof roundSchema | typeof ballotSchema, value: unknown) =>
    schema.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]);
  const { id: _roundId, ...fields } = round();

  it('a round needs distinct problems, the dots per person, criteria for scoring and its closing time', () => {
    expect(messages(roundSchema, { ...fields, options: [fields.options[0], fields.options[0]] })).toEqual([
      ['options', 'Un problema aparece dos veces en la boleta'],
    ]);
    expect(messages(roundSchema, { ...fields, dotsPerPerson: undefined })).toEqual([
      ['dotsPerPerson', 'Indica cuántos puntos tiene cada persona'],
    ]);
    expect(messages(roundSchema, { ...fields, method: 'scoring', dotsPerPerson: undefined })).toEqual([
      ['criteria', 'Agrega al menos un criterio'],
    ]);
    const twice = [DEFAULT_CRITERIA[0], DEFAULT_CRITERIA[0]];
    expect(messages(roundSchema, { ...fields, method: 'scoring', criteria: twice })).toEqual([
      ['criteria', 'Hay criterios repetidos'],
    ]);
    expect(messages(roundSchema, { ...fields, status: 'closed' })).toEqual([
      ['closedAt', 'Falta la hora de cierre'],
    ]);
    expect(roundSchema.safeParse({ ...fields, options: [fields.options[0]] }).success).toBe(false);
  });

  it('a ballot: an annulment names the ballot and its reason, a tally has dots and participants, a vote is not empty', () => {
    const { id: _ballotId, ...base } = vote(1, { [A]: 1 });
    expect(ballotSchema.safeParse(base).success).toBe(true);
    expect(messages(ballotSchema, { ...base, kind: 'annulment', dots: undefined, reason: 'no' })).toEqual([
      ['supersedes', 'Falta la boleta anulada'],
      ['reason', 'Escribe el motivo de la anulación'],
    ]);
    expect(
      ballotSchema.safeParse({
        ...base,
        kind: 'annulment',
        dots: undefined,
        supersedes: id(2),
        reason: 'Votó dos veces',
      }).success,
    ).toBe(true);
    expect(messages(ballotSchema, { ...base, kind: 'tally' })).toEqual([
      ['dots', 'El conteo necesita puntos y participantes'],
    ]);
    expect(ballotSchema.safeParse({ ...base, kind: 'tally', participants: 3 }).success).toBe(true);
    expect(messages(ballotSchema, { ...base, dots: undefined })).toEqual([['kind', 'La boleta está vacía']]);
    expect(ballotSchema.safeParse({ ...base, dots: { [A]: -1 } }).success).toBe(false);
    expect(
      ballotSchema.safeParse({ ...base, dots: undefined, scores: { [A]: { urgency: 6 } } }).success,
    ).toBe(false);
  });
});
