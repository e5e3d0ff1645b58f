/**
 * The running tally of a round (round-tallies.ts) must always give the same
 * result as recounting every ballot the device holds. Random histories mix
 * votes cast here, pages of ballots pulled from other devices (votes, board
 * tallies, corrections and annulments, valid or not, some pointing at ballots
 * this device never saw, some arriving twice), tombstones, rows removed and
 * the table cleared; after every step the result, the ballot count and the
 * summary itself are checked against a recount.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newId, tallyRound, type Ballot, type Change, type Round } from '../../../src/domain';
import { TequioDb, type StoredRecord } from '../../../src/client/data/db';
import { liveViews } from '../../../src/client/data/records.repository';
import {
  annulBallot,
  castVote,
  countBallots,
  getRoundResult,
  listLatestBallots,
  listRoundBallots,
  listSessionRounds,
} from '../../../src/client/data/ballots.repository';
import { summariseAll } from '../../../src/client/data/round-tallies';
import { applyPulledPage } from '../../../src/client/sync/local-store';

const EPOCH = 'epoch-1';
const PROCESS = '10000000-0000-4000-8000-000000000001';
const SESSION = '20000000-0000-4000-8000-000000000001';
const ROUNDS = ['30000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000002'];
const PROBLEMS = [1, 2, 3, 4].map((n) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
const BASE = Date.UTC(2026, 10, 20, 18, 0);
const at = (minute: number) => new Date(BASE + minute * 60_000).toISOString();
const hlc = (n: number) => `${new Date(BASE + n).toISOString()}-0000-00000000000000aa`;

let stamp = 0;
function change(
  entity: Change['entity'],
  id: string,
  fields: Record<string, unknown>,
  deleted = false,
): Change {
  stamp += 1;
  const hlcs = Object.fromEntries([...Object.keys(fields), 'deleted'].map((k) => [k, hlc(stamp)]));
  return { entity, id, deleted, fields, hlcs };
}

interface RoundShape {
  method: 'dots' | 'ranking';
  dotsPerPerson: number;
  allowStacking: boolean;
  closedAt: number | null;
}

function roundFields(shape: RoundShape): Round {
  return {
    processId: PROCESS,
    sessionId: SESSION,
    title: 'Prioridades del barrio',
    options: PROBLEMS.slice(0, 3).map((problemId, i) => ({
      problemId,
      title: ['Agua', 'Basura', 'Calles'][i]!,
    })),
    method: shape.method,
    ...(shape.method === 'dots'
      ? { dotsPerPerson: shape.dotsPerPerson, allowStacking: shape.allowStacking }
      : {}),
    status: shape.closedAt === null ? 'open' : 'closed',
    openedAt: at(0),
    ...(shape.closedAt === null ? {} : { closedAt: at(shape.closedAt) }),
  };
}

const shapeArb: fc.Arbitrary<RoundShape> = fc.record({
  method: fc.constantFrom<'dots' | 'ranking'>('dots', 'ranking'),
  dotsPerPerson: fc.integer({ min: 1, max: 3 }),
  allowStacking: fc.boolean(),
  closedAt: fc.option(fc.integer({ min: 10, max: 50 }), { nil: null }),
});

/** A ballot as another device may send it: valid or not, for either round. */
const pulledArb = fc.record({
  round: fc.integer({ min: 0, max: 1 }),
  kind: fc.constantFrom<Ballot['kind']>('vote', 'vote', 'vote', 'tally', 'annulment'),
  dots: fc.dictionary(fc.constantFrom(...PROBLEMS), fc.integer({ min: 0, max: 3 }), { maxKeys: 3 }),
  ranking: fc.shuffledSubarray(PROBLEMS, { minLength: 0, maxLength: 4 }),
  minute: fc.integer({ min: 0, max: 60 }),
  participants: fc.integer({ min: 0, max: 5 }),
  /** Supersedes nothing (null), a ballot already seen (an index into them), or one never seen. */
  supersedes: fc.option(fc.oneof(fc.nat(), fc.constant(-1)), { nil: null, freq: 3 }),
});

const opArb = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('pull' as const),
      ballots: fc.array(pulledArb, { maxLength: 8 }),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('cast' as const),
      dots: fc.dictionary(fc.constantFrom(...PROBLEMS.slice(0, 3)), fc.integer({ min: 0, max: 2 }), {
        maxKeys: 3,
      }),
      ranking: fc.shuffledSubarray(PROBLEMS.slice(0, 3), { minLength: 1 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('repull' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('tombstone' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('annul' as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.constant({ op: 'clear' as const }), weight: 1 },
);

async function expectSameAsRecount(db: TequioDb) {
  const all = (await db.ballots.toArray()) as StoredRecord<Partial<Ballot>>[];
  for (const roundId of ROUNDS) {
    const view = (await getRoundResult(db, roundId))!;
    const rows = await db.ballots.where('fields.roundId').equals(roundId).toArray();
    expect(view.result).toEqual(tallyRound(view.round, liveViews(rows), view.attendance));
    expect(await countBallots(db, roundId)).toBe(rows.length);
    // The latest three through the index: the same items, numbers and states as the whole list's tail.
    const whole = await listRoundBallots(db, roundId);
    const latest = await listLatestBallots(db, roundId, 3);
    const live = liveViews(rows).length;
    const shown = live > 3 ? whole.filter((b) => b.number > live - 3) : whole;
    expect(latest.items).toEqual(shown);
    expect(latest.hidden).toBe(live > 3 ? live - 3 : 0);
  }
  // The summaries themselves are what a rebuild from the rows gives (a group's latest time may only be later).
  const rebuilt = new Map(summariseAll(all).map((s) => [s.roundId, s]));
  for (const kept of await db.roundTallies.toArray()) {
    const fresh = rebuilt.get(kept.roundId);
    const counts = (s: typeof kept | undefined) =>
      Object.fromEntries(Object.entries(s?.groups ?? {}).map(([k, g]) => [k, g.count]));
    expect(kept.rows).toBe(fresh?.rows ?? 0);
    expect(kept.live).toBe(fresh?.live ?? 0);
    expect(counts(kept)).toEqual(counts(fresh));
    expect(kept.special).toEqual(fresh?.special ?? {});
    expect(kept.targets).toEqual(fresh?.targets ?? {});
  }
}

describe('the running tally of a round', () => {
  it('always equals a recount of every ballot held, whatever arrives, in any order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(shapeArb, shapeArb),
        fc.array(opArb, { minLength: 1, maxLength: 12 }),
        async (shapes, ops) => {
          const db = new TequioDb(`tallies-${newId()}`);
          await db.open();
          try {
            await applyPulledPage(
              db,
              ROUNDS.map((id, i) => change('round', id, roundFields(shapes[i]!))),
              'c0',
              EPOCH,
            );
            const seen: string[] = [];
            const pick = (n: number) => seen[n % Math.max(1, seen.length)];
            for (const step of ops) {
              if (step.op === 'pull') {
                const page = step.ballots.map((b) => {
                  const id = newId();
                  const supersedes =
                    b.supersedes === null
                      ? null
                      : b.supersedes === -1 || seen.length === 0
                        ? newId()
                        : pick(b.supersedes)!;
                  const fields: Record<string, unknown> = {
                    processId: PROCESS,
                    roundId: ROUNDS[b.round],
                    kind: b.kind,
                    castAt: at(b.minute),
                    supersedes,
                  };
                  if (b.kind === 'annulment') fields.reason = 'Boleta repetida';
                  else if (shapes[b.round]!.method === 'ranking' && b.kind === 'vote')
                    fields.ranking = b.ranking;
                  else fields.dots = b.dots;
                  if (b.kind === 'tally') fields.participants = b.participants;
                  seen.push(id);
                  return change('ballot', id, fields);
                });
                await applyPulledPage(db, page, `c${stamp}`, EPOCH);
              } else if (step.op === 'cast') {
                const round = ROUNDS[0]!;
                const vote = shapes[0]!.method === 'dots' ? { dots: step.dots } : { ranking: step.ranking };
                await castVote(db, round, vote).then(
                  ({ id }) => void seen.push(id),
                  () => undefined, // refused (closed round, invalid vote): nothing written
                );
              } else if (step.op === 'repull' || step.op === 'tombstone') {
                const id = pick(step.pick);
                const row = id ? await db.ballots.get(id) : undefined;
                if (row) {
                  const deleted = step.op === 'tombstone';
                  await applyPulledPage(
                    db,
                    [change('ballot', row.id, deleted ? {} : row.fields, deleted)],
                    `c${stamp}`,
                    EPOCH,
                  );
                }
              } else if (step.op === 'remove') {
                const id = pick(step.pick);
                if (id) await db.ballots.delete(id);
              } else if (step.op === 'annul') {
                const id = pick(step.pick);
                if (id)
                  await annulBallot(db, id, 'Se repitió la boleta').then(
                    (annulment) => void seen.push(annulment),
                    () => undefined,
                  );
              } else {
                await db.ballots.clear();
              }
              await expectSameAsRecount(db);
            }
            const sessionRounds = await listSessionRounds(db, SESSION);
            for (const { round, participants } of sessionRounds) {
              const rows = await db.ballots.where('fields.roundId').equals(round.id).toArray();
              expect(participants).toBe(tallyRound(round, liveViews(rows)).participants);
            }
          } finally {
            await db.delete();
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('is built from the ballots already stored when the database is upgraded', () => {
    const vote = (
      id: string,
      roundId: string,
      supersedes: string | null = null,
      kind: Ballot['kind'] = 'vote',
    ) =>
      ({
        id,
        deleted: false as const,
        hlcs: {},
        fields: { processId: PROCESS, roundId, kind, castAt: at(1), dots: { [PROBLEMS[0]!]: 1 }, supersedes },
      }) satisfies StoredRecord<Partial<Ballot>>;
    const [a, b, c] = [newId(), newId(), newId()];
    const [summary] = summariseAll([
      vote(a, ROUNDS[0]!),
      vote(b, ROUNDS[0]!),
      vote(c, ROUNDS[0]!, a, 'annulment'),
    ]);
    expect(summary!.rows).toBe(3);
    expect(Object.values(summary!.groups).map((g) => g.count)).toEqual([1]);
    expect(summary!.special).toEqual({ [a]: true, [c]: true });
    expect(summary!.targets).toEqual({ [a]: 1 });
  });
});
