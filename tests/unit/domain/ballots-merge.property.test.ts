/**
 * Ballots cast on several tablets reach every device in any order, some of
 * them twice; every device must then show the same result as one device
 * that held every ballot from the start. Ballots, board tallies,
 * corrections and annulments are generated at random (valid or not), the
 * way a busy assembly produces them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatHlc,
  mergeFields,
  putWrites,
  tallyRound,
  type BallotRecord,
  type FieldWrites,
  type Fields,
  type RecordState,
  type Round,
  type VoteMethod,
} from '../../../src/domain';

const PROCESS = '10000000-0000-4000-8000-000000000001';
const ROUND = '30000000-0000-4000-8000-000000000001';
/** Four problems that can be on the ballot, and a fifth that never is. */
const PROBLEMS = [1, 2, 3, 4, 5].map((n) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
const TITLES = ['Agua', 'Baches', 'Calles', 'Drenaje', 'Escuela'];
const CRITERIA = ['urgency', 'impact', 'feasibility'];
const BASE = Date.UTC(2026, 10, 20, 18, 0);
const at = (minute: number) => new Date(BASE + minute * 60_000).toISOString();

const roundArb = fc
  .record({
    method: fc.constantFrom<VoteMethod>('dots', 'ranking', 'scoring'),
    options: fc.integer({ min: 2, max: 4 }),
    dotsPerPerson: fc.integer({ min: 1, max: 3 }),
    allowStacking: fc.boolean(),
    closedAt: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
  })
  .map((g): Round & { id: string } => ({
    id: ROUND,
    processId: PROCESS,
    sessionId: '20000000-0000-4000-8000-000000000001',
    title: 'Priorización',
    options: PROBLEMS.slice(0, g.options).map((problemId, i) => ({ problemId, title: TITLES[i]! })),
    method: g.method,
    dotsPerPerson: g.method === 'dots' ? g.dotsPerPerson : undefined,
    allowStacking: g.method === 'dots' ? g.allowStacking : undefined,
    criteria:
      g.method === 'scoring'
        ? CRITERIA.map((id, i) => ({ id, label: id, weight: g.weights[i]! }))
        : undefined,
    status: g.closedAt === undefined ? 'open' : 'closed',
    openedAt: at(0),
    closedAt: g.closedAt === undefined ? null : at(g.closedAt),
  }));

const ballotArb = fc.record({
  idKey: fc.integer({ min: 0, max: 0xffffff }),
  kind: fc.constantFrom('vote', 'vote', 'vote', 'tally', 'correction', 'annulment'),
  /** Ballots mostly match the round's method; some do not. */
  shape: fc.constantFrom('own', 'own', 'own', 'dots', 'ranking', 'scoring'),
  dots: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }),
  ranking: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }),
  scores: fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }), {
    minLength: 4,
    maxLength: 4,
  }),
  leaveOutScore: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  participants: fc.integer({ min: 0, max: 8 }),
  target: fc.nat(),
  minute: fc.integer({ min: 0, max: 90 }),
  device: fc.nat({ max: 3 }),
});
type GeneratedBallot = typeof ballotArb extends fc.Arbitrary<infer T> ? T : never;

const ballotId = (key: number) => `f0000000-0000-4000-8000-${key.toString(16).padStart(12, '0')}`;

/** The records an assembly produced, in the order they were made, each with the device that made it. */
function buildBallots(round: Round, generated: GeneratedBallot[], devices: number) {
  const made: { record: BallotRecord; device: number }[] = [];
  for (const g of generated) {
    const shape = g.shape === 'own' ? round.method : g.shape;
    const content: Partial<BallotRecord> = {};
    if (shape === 'dots') {
      content.dots = Object.fromEntries(g.dots.flatMap((n, i) => (n > 0 ? [[PROBLEMS[i]!, n]] : [])));
    } else if (shape === 'ranking') {
      content.ranking = g.ranking.map((i) => PROBLEMS[i]!);
    } else {
      content.scores = Object.fromEntries(
        g.scores
          .filter((_, i) => i !== g.leaveOutScore)
          .map((levels, i) => [PROBLEMS[i]!, Object.fromEntries(CRITERIA.map((c, j) => [c, levels[j]!]))]),
      );
    }
    const earlier = made.length ? made[g.target % made.length]!.record.id : undefined;
    const record: BallotRecord = {
      id: ballotId(g.idKey),
      processId: PROCESS,
      roundId: ROUND,
      kind: g.kind === 'correction' ? 'vote' : (g.kind as BallotRecord['kind']),
      castAt: at(g.minute),
    };
    if (g.kind === 'annulment') {
      if (!earlier) continue;
      Object.assign(record, { supersedes: earlier, reason: 'Boleta duplicada' });
    } else if (g.kind === 'tally') {
      Object.assign(record, { dots: content.dots ?? {}, participants: g.participants });
    } else {
      Object.assign(record, content);
      if (g.kind === 'correction' && earlier) record.supersedes = earlier;
    }
    made.push({ record, device: g.device % devices });
  }
  return made;
}

/** A small seeded generator for delivery orders. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function toFields(record: BallotRecord): Fields {
  const { id: _id, ...fields } = record;
  return fields as Fields;
}

describe('ballots cast on several tablets (property)', () => {
  it('every device replica tallies the same result as a single device holding every ballot', () => {
    fc.assert(
      fc.property(
        roundArb,
        fc.uniqueArray(ballotArb, { selector: (b) => b.idKey, minLength: 1, maxLength: 30 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer(),
        (round, generated, devices, seed) => {
          const made = buildBallots(round, generated, devices);
          const single = tallyRound(
            round,
            made.map((m) => m.record),
          );
          // Each record is one put, stamped by the device that made it.
          const messages: { id: string; writes: FieldWrites; device: number }[] = made.map((m, i) => ({
            id: m.record.id,
            device: m.device,
            writes: putWrites(
              toFields(m.record),
              formatHlc({
                millis: Date.parse(m.record.castAt) + i,
                counter: 0,
                node: m.device.toString(16).padStart(16, '0'),
              }),
            ),
          }));
          const random = prng(seed);
          for (let device = 0; device < devices; device++) {
            const replica = new Map<string, RecordState>();
            const receive = (m: (typeof messages)[number]) =>
              replica.set(m.id, mergeFields(replica.get(m.id), m.writes).state);
            // Its own ballots as it made them, then everything (again) in any order, some twice.
            for (const m of messages) if (m.device === device) receive(m);
            const order = shuffled(messages, random);
            const again = shuffled(messages, random).slice(0, Math.floor(random() * messages.length));
            for (const m of shuffled([...order, ...again], random)) receive(m);

            const records = [...replica.entries()]
              .filter(([, state]) => !state.deleted)
              .map(([id, state]) => ({ id, ...state.fields }) as BallotRecord);
            expect(records).toHaveLength(made.length);
            expect(tallyRound(round, records)).toEqual(single);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the order of the records never changes the result', () => {
    fc.assert(
      fc.property(
        roundArb,
        fc.uniqueArray(ballotArb, { selector: (b) => b.idKey, minLength: 1, maxLength: 30 }),
        fc.integer(),
        fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
        (round, generated, seed, attendance) => {
          const records = buildBallots(round, generated, 1).map((m) => m.record);
          const expected = tallyRound(round, records, attendance);
          expect(tallyRound(round, shuffled(records, prng(seed)), attendance)).toEqual(expected);
          expect(tallyRound(round, [...records].reverse(), attendance)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('generates rounds with valid, invalid, corrected and annulled ballots', () => {
    // Guards the generator: the properties above are only worth something if these cases occur.
    const seen = { counted: 0, invalid: 0, corrected: 0, annulled: 0, tallies: 0 };
    fc.assert(
      fc.property(
        roundArb,
        fc.uniqueArray(ballotArb, { selector: (b) => b.idKey, minLength: 1, maxLength: 30 }),
        (round, generated) => {
          const result = tallyRound(
            round,
            buildBallots(round, generated, 1).map((m) => m.record),
          );
          seen.counted += result.votesCounted;
          seen.invalid += result.invalid.length;
          seen.corrected += result.corrected;
          seen.annulled += result.annulled;
          seen.tallies += result.talliesCounted;
        },
      ),
      { numRuns: 200, seed: 42 },
    );
    expect(Object.values(seen).every((n) => n > 0)).toBe(true);
  });
});
