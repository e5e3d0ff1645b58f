import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { ValidationError } from '../../../src/client/data/errors';
import {
  createGovernmentArea,
  getGovernmentArea,
  listActiveGovernmentAreas,
  listGovernmentAreas,
  setGovernmentAreaActive,
  updateGovernmentArea,
} from '../../../src/client/data/government-areas.repository';

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const lastMutationId = async () => (await db.outbox.orderBy('id').last())?.id ?? 0;
const outboxAfter = async (id: number) => (await db.outbox.orderBy('id').toArray()).filter((m) => m.id > id);

describe('government areas repository', () => {
  it('adds an active area (record + outbox) and lists areas by name', async () => {
    const before = await lastMutationId();
    const obras = await createGovernmentArea(db, { name: 'Dirección de Obras', shortName: 'Obras' });
    const agua = await createGovernmentArea(db, { name: 'Dirección de Agua', shortName: 'Agua' });
    expect(await getGovernmentArea(db, obras)).toEqual({
      id: obras,
      name: 'Dirección de Obras',
      shortName: 'Obras',
      active: true,
    });
    expect((await listGovernmentAreas(db)).map((a) => a.id)).toEqual([agua, obras]);
    expect(await outboxAfter(before)).toHaveLength(2);
  });

  it('refuses a name that is too short and writes nothing', async () => {
    await expect(createGovernmentArea(db, { name: 'Ob', shortName: 'O' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.governmentAreas.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('renames sending only the changed field; deactivates and reactivates without deleting', async () => {
    const id = await createGovernmentArea(db, { name: 'Dirección de Obras', shortName: 'Obras' });
    const before = await lastMutationId();
    await updateGovernmentArea(db, id, { name: 'Dirección General de Obras', shortName: 'Obras' });
    const [rename] = await outboxAfter(before);
    expect(rename!.op === 'put' && rename!.fields).toEqual({ name: 'Dirección General de Obras' });

    await setGovernmentAreaActive(db, id, false);
    expect(await listActiveGovernmentAreas(db)).toEqual([]);
    expect(await listGovernmentAreas(db)).toEqual([
      { id, name: 'Dirección General de Obras', shortName: 'Obras', active: false },
    ]);
    await setGovernmentAreaActive(db, id, true);
    expect((await listActiveGovernmentAreas(db)).map((a) => a.id)).toEqual([id]);
  });
});
