/**
 * A pulled page is merged in one transaction with one read and one write per
 * table: a full page of 500 records (and a page of 500 tombstones) must land
 * whole, and a tombstone crossing an edit still waiting here is still noted.
 * With the records held noted at the pull's start (held-records.ts), a page
 * reads only those and the ones edited here since, and merges them alike.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newId, type Change } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { heldRecords } from '../../../src/client/sync/held-records';
import { applyPulledPage } from '../../../src/client/sync/local-store';
import { writeLocal } from '../../../src/client/data/records.repository';

const EPOCH = 'epoch-1';
const hlc = (ms: number) =>
  `${new Date(Date.UTC(2026, 10, 20, 17, 0, 0, ms)).toISOString()}-0000-00000000000000aa`;

function change(
  entity: Change['entity'],
  id: string,
  fields: Record<string, unknown>,
  at: number,
  deleted = false,
): Change {
  const hlcs = Object.fromEntries([...Object.keys(fields), 'deleted'].map((k) => [k, hlc(at)]));
  return { entity, id, deleted, fields, hlcs };
}

async function freshDb() {
  const db = new TequioDb(`pull-${newId()}`);
  await db.open();
  return db;
}

describe('applying a pulled page', () => {
  it('stores a full page of 500 mixed records, then a page of 500 tombstones, in one transaction each', async () => {
    const db = await freshDb();
    const processId = newId();
    const ids = Array.from({ length: 500 }, () => newId());
    const page = ids.map((id, i) =>
      i % 2 === 0
        ? change('tourNote', id, { processId, description: `Nota ${i}` }, i)
        : change('ballot', id, { processId, roundId: processId, kind: 'vote' }, i),
    );
    expect(await applyPulledPage(db, page, 'c1', EPOCH)).toBe(500);
    expect((await db.tourNotes.count()) + (await db.ballots.count())).toBe(500);
    expect(await db.getMeta('cursor')).toBe('c1');

    const tombstones = page.map((c, i) => change(c.entity, c.id, {}, 1000 + i, true));
    expect(await applyPulledPage(db, tombstones, 'c2', EPOCH, true)).toBe(500);
    const notes = await db.tourNotes.toArray();
    expect(notes.every((n) => n.deleted)).toBe(true);
    expect(await db.getMeta('cursor')).toBe('c2');
    expect(await db.conflicts.count()).toBe(0);
  });

  it('notes a tombstone that crosses an edit made here and not yet sent', async () => {
    const db = await freshDb();
    const processId = newId();
    const id = newId();
    await applyPulledPage(
      db,
      [change('problem', id, { processId, title: 'Fuga de agua', theme: 'water' }, 1)],
      'c1',
      EPOCH,
    );
    await writeLocal(db, 'problem', id, { op: 'put', fields: { title: 'Fuga de agua en la calle 5' } });
    await applyPulledPage(db, [change('problem', id, {}, 2, true)], 'c2', EPOCH);
    const conflicts = await db.conflicts.toArray();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ entity: 'problem', recordId: id });
  });

  it('with the held records noted, merges records held before the pull, edited here during it, and pulled earlier in it', async () => {
    const db = await freshDb();
    const processId = newId();
    const [before, during, earlier] = [newId(), newId(), newId()];
    await applyPulledPage(
      db,
      [change('problem', before, { processId, title: 'Antes', theme: 'water' }, 1)],
      'c0',
      EPOCH,
    );
    const held = await heldRecords(db);
    expect([...held]).toEqual([`problem:${before}`]);
    // Edited here after the pull began: only its outbox mutation says it is held.
    await writeLocal(db, 'problem', during, {
      op: 'put',
      fields: { processId, title: 'Aquí', theme: 'water' },
    });
    await applyPulledPage(
      db,
      [change('problem', earlier, { processId, title: 'Primera', theme: 'water' }, 2)],
      'c1',
      EPOCH,
      false,
      undefined,
      held,
    );
    expect(held.has(`problem:${earlier}`)).toBe(true);

    // Older stamps than what the device holds: every local field wins the merge.
    const older = { processId, title: 'Vieja', theme: 'roads' };
    const hlcs = Object.fromEntries([...Object.keys(older), 'deleted'].map((k) => [k, hlc(0)]));
    const stale = [before, during, earlier].map((id): Change => ({
      entity: 'problem',
      id,
      deleted: false,
      fields: older,
      hlcs,
    }));
    await applyPulledPage(db, stale, 'c2', EPOCH, true, undefined, held);
    const stored = await db.problems.bulkGet([before, during, earlier]);
    expect(stored.map((r) => r?.fields.title)).toEqual(['Antes', 'Aquí', 'Primera']);
    expect(stored.map((r) => r?.fields.theme)).toEqual(['water', 'water', 'water']);
  });
});
