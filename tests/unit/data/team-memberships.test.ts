import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { newId } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { createProcess, getProcess, setTeamMemberships } from '../../../src/client/data/processes.repository';
import { aProcess } from '../../fixtures/sessions';

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

it('puts a person on exactly the chosen teams, keeping the other members, with one synced write per change', async () => {
  const a = await createProcess(db, aProcess({ name: 'Proceso A', teamUserIds: ['u-ana'] }));
  const b = await createProcess(db, aProcess({ name: 'Proceso B', teamUserIds: ['u-ana', 'u-rosa'] }));
  const c = await createProcess(db, aProcess({ name: 'Proceso C', teamUserIds: ['u-rosa'] }));
  const before = await db.outbox.count();

  expect(await setTeamMemberships(db, 'u-rosa', [a, c])).toBe(2);
  expect((await getProcess(db, a))!.teamUserIds).toEqual(['u-ana', 'u-rosa']);
  expect((await getProcess(db, b))!.teamUserIds).toEqual(['u-ana']);
  expect((await getProcess(db, c))!.teamUserIds).toEqual(['u-rosa']);
  const writes = (await db.outbox.orderBy('id').toArray()).slice(before);
  expect(writes.map((m) => m.op === 'put' && [m.recordId, m.fields])).toEqual([
    [a, { teamUserIds: ['u-ana', 'u-rosa'] }],
    [b, { teamUserIds: ['u-ana'] }],
  ]);
  expect(await setTeamMemberships(db, 'u-rosa', [a, c])).toBe(0);
});
