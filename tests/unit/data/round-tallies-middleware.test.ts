/**
 * The running tally's middleware (round-tallies-middleware.ts) puts a write's summaries together
 * with the write, assuming every value is stored. A bulk add whose failure is caught leaves some
 * rows as they were: the summaries must then be those of the rows that are there.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { newId, type Ballot } from '../../../src/domain';
import { TequioDb, type StoredRecord } from '../../../src/client/data/db';
import { summariseAll } from '../../../src/client/data/round-tallies';

const ROUND = '30000000-0000-4000-8000-000000000001';
const PROBLEM = 'a0000000-0000-4000-8000-000000000001';
const HLC = '2026-11-20T17:00:00.000Z-0000-00000000000000aa';

function vote(id: string, dots: number): StoredRecord<Ballot> {
  const fields: Ballot = {
    processId: '10000000-0000-4000-8000-000000000001',
    roundId: ROUND,
    kind: 'vote',
    castAt: '2026-11-20T17:00:00.000Z',
    dots: { [PROBLEM]: dots },
  };
  return { id, fields, hlcs: Object.fromEntries(Object.keys(fields).map((k) => [k, HLC])), deleted: false };
}

let db: TequioDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('round tallies middleware', () => {
  it('counts only the rows a partly failed bulk add stored', async () => {
    db = new TequioDb(`tallies-${newId()}`);
    const kept = vote(newId(), 1);
    await db.ballots.add(kept);
    const fresh = [vote(newId(), 2), { ...vote(kept.id, 3) }, vote(newId(), 1)];
    await db.transaction('rw', db.ballots, async () => {
      // The second value's key is taken: that add fails, the others are stored.
      await expect(db!.ballots.bulkAdd(fresh)).rejects.toBeInstanceOf(Dexie.BulkError);
    });
    const rows = (await db.ballots.toArray()) as StoredRecord<Partial<Ballot>>[];
    expect(rows).toHaveLength(3);
    expect(await db.roundTallies.toArray()).toEqual(summariseAll(rows));
  });

  it('counts a plain put and a delete as a recount does', async () => {
    db = new TequioDb(`tallies-${newId()}`);
    const a = vote(newId(), 1);
    const b = vote(newId(), 2);
    await db.ballots.bulkPut([a, b]);
    await db.ballots.put(vote(a.id, 2));
    await db.ballots.delete(b.id);
    const rows = (await db.ballots.toArray()) as StoredRecord<Partial<Ballot>>[];
    expect(await db.roundTallies.toArray()).toEqual(summariseAll(rows));
  });
});
