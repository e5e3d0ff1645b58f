import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, parseTerritoryGeoJson, unitIdFromKey, type ImportedUnit } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { ValidationError } from '../../../src/client/data/errors';
import { writeLocal } from '../../../src/client/data/records.repository';
import {
  assignUnitsToDirectorate,
  createDefaultDirectorates,
  createDirectorate,
  listDirectorates,
  listUnits,
  listUnitsByKeys,
  setUnitPrioritised,
  updateDirectorate,
} from '../../../src/client/data/territory.repository';

const REAL_FILE = path.resolve('..', 'shared', 'data', 'iztapalapa-unidades-territoriales-2022.geojson');
const realUnits: ImportedUnit[] = parseTerritoryGeoJson(JSON.parse(readFileSync(REAL_FILE, 'utf8'))).units;

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`territory-${newId()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** Puts units on the device the way a pull would leave them (here through a local write). */
async function seedUnits(units: ImportedUnit[]): Promise<string[]> {
  for (const u of units) {
    await writeLocal(db, 'territorialUnit', unitIdFromKey(u.key), {
      op: 'put',
      fields: { ...u, prioritised: false, directorateId: null },
    });
  }
  await db.outbox.clear();
  return units.map((u) => unitIdFromKey(u.key));
}

describe('territory repository', () => {
  it('lists units by key and looks them up by keys in the order asked', async () => {
    await seedUnits([realUnits[2]!, realUnits[0]!, realUnits[1]!]);
    const units = await listUnits(db);
    expect(units.map((u) => u.key)).toEqual(['07-001', '07-002', '07-003']);
    expect(units[0]).toMatchObject({ name: 'ACULCO (PBLO)', population: 5818, prioritised: false });
    const some = await listUnitsByKeys(db, ['07-003', '07-999', '07-001']);
    expect(some.map((u) => u.key)).toEqual(['07-003', '07-001']);
  });

  it('creates the 13 directorates once, in order, each queued for sync', async () => {
    expect(await createDefaultDirectorates(db)).toBe(13);
    expect(await createDefaultDirectorates(db)).toBe(0);
    const list = await listDirectorates(db);
    expect(list.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(list[0]!.name).toBe('Dirección Territorial 1');
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(13);
    expect(new Set(outbox.map((m) => m.entity))).toEqual(new Set(['directorate']));
  });

  it('refuses an invalid directorate and edits only changed fields', async () => {
    await expect(createDirectorate(db, { name: 'X', number: 1 })).rejects.toBeInstanceOf(ValidationError);
    const id = await createDirectorate(db, { name: 'Dirección Centro', number: 4 });
    await updateDirectorate(db, id, { name: 'Dirección Centro', number: 5 });
    const last = (await db.outbox.orderBy('id').toArray()).at(-1)!;
    expect(last.op === 'put' && last.fields).toEqual({ number: 5 });
  });

  it('assigns units to a directorate and back, writing only the units that change', async () => {
    const ids = await seedUnits(realUnits.slice(0, 3));
    const d = await createDirectorate(db, { name: 'Dirección Territorial 1', number: 1 });
    await db.outbox.clear();
    expect(await assignUnitsToDirectorate(db, ids.slice(0, 2), d)).toBe(2);
    expect(await assignUnitsToDirectorate(db, ids, d)).toBe(1);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((m) => m.op === 'put' && m.fields)).toEqual([
      { directorateId: d },
      { directorateId: d },
      { directorateId: d },
    ]);
    expect((await listUnits(db)).every((u) => u.directorateId === d)).toBe(true);
    expect(await assignUnitsToDirectorate(db, [ids[0]!], null)).toBe(1);
    expect((await listUnits(db))[0]!.directorateId).toBeNull();
    // The geometry is never rewritten by an assignment.
    expect(outbox.every((m) => m.op === 'put' && !('geometry' in m.fields))).toBe(true);
  });

  it('marks a unit prioritised, and refuses a unit the device does not have', async () => {
    const [id] = await seedUnits(realUnits.slice(0, 1));
    await setUnitPrioritised(db, id!, true);
    await setUnitPrioritised(db, id!, true);
    expect(await db.outbox.count()).toBe(1);
    expect((await listUnits(db))[0]!.prioritised).toBe(true);
    await expect(setUnitPrioritised(db, unitIdFromKey('07-999'), true)).rejects.toThrow();
  });
});
