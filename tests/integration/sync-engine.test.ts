/**
 * The real client sync engine (repositories + Dexie on fake-indexeddb) against the real
 * server on a loopback port, on SQLite and on PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProcess } from '../../src/client/data/processes.repository';
import {
  createSession,
  deleteSession,
  listSessions,
  updateSession,
} from '../../src/client/data/sessions.repository';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { openDevice, type Device } from './device';
import { aProcess, aSession } from '../fixtures/sessions';

const backends = await availableBackends();

describe.each(backends)('sync engine against the server on $name', (backend) => {
  let server: TestServer;
  let coordinator: TestUser;
  let facilitator: TestUser;
  const devices: Device[] = [];
  const device = async (user: TestUser, options?: Parameters<typeof openDevice>[2]) => {
    const d = await openDevice(server, user, options);
    devices.push(d);
    return d;
  };

  beforeAll(async () => {
    server = await backend.start();
    coordinator = await server.createUser({ username: 'laura', role: 'coordinator' });
    facilitator = await server.createUser({ username: 'rosa', role: 'facilitator' });
  });
  afterEach(async () => {
    await Promise.all(devices.splice(0).map((d) => d.close()));
  });
  afterAll(() => server.close());

  it('a session recorded on one tablet reaches another device intact', async () => {
    const tablet = await device(facilitator);
    const processId = await createProcess(tablet.db, aProcess({ name: 'Proceso Santa Cruz Meyehualco' }));
    const sessionId = await createSession(tablet.db, aSession(processId));
    const result = await tablet.engine.syncNow();
    expect(result).toMatchObject({ ok: true, pushed: 2, rejected: 0 });
    expect(await tablet.db.outbox.count()).toBe(0);

    const office = await device(coordinator);
    expect((await office.engine.syncNow()).ok).toBe(true);
    const [onTablet, inOffice] = await Promise.all([
      tablet.db.sessions.get(sessionId),
      office.db.sessions.get(sessionId),
    ]);
    expect(inOffice).toEqual(onTablet);
    expect(await listSessions(office.db, processId)).toHaveLength(1);
  });

  it('a push whose response is lost is retried as a duplicate and creates no copy', async () => {
    const tablet = await device(facilitator);
    const processId = await createProcess(tablet.db, aProcess());
    await createSession(tablet.db, aSession(processId));
    tablet.faults.loseResponses = true;
    const lost = await tablet.engine.syncNow();
    expect(lost).toMatchObject({ ok: false, error: 'network' });
    expect(await tablet.db.outbox.count()).toBe(2); // kept: no answer means not acknowledged

    tablet.faults.loseResponses = false;
    expect((await tablet.engine.syncNow()).ok).toBe(true);
    expect(await tablet.db.outbox.count()).toBe(0);
    const rows = await server.db.db
      .selectFrom('records')
      .select(['entity', 'id'])
      .where('process_id', '=', processId)
      .execute();
    expect(rows).toHaveLength(2);
  });

  it('a rejected mutation does not block the ones after it and stays visible on the device', async () => {
    const tablet = await device(facilitator);
    const processId = await createProcess(tablet.db, aProcess());
    const good1 = await createSession(tablet.db, aSession(processId, { title: 'Antes' }));
    // A mutation the server refuses: a session for a process outside the facilitator's scope.
    const foreignProcess = await createProcess(
      tablet.db,
      aProcess({ name: 'Proceso ajeno', teamUserIds: [] }),
    );
    await tablet.db.processes.update(foreignProcess, { 'fields.teamUserIds': [] });
    await tablet.db.outbox.where({ entity: 'process', recordId: foreignProcess }).modify((m) => {
      if (m.op === 'put') m.fields.teamUserIds = [];
    });
    const good2 = await createSession(tablet.db, aSession(processId, { title: 'Después' }));

    const result = await tablet.engine.syncNow();
    expect(result.ok).toBe(true);
    expect(result.rejected).toBe(1);
    expect(await tablet.db.outbox.count()).toBe(0);
    const rejected = await tablet.db.rejected.toArray();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ entity: 'process', recordId: foreignProcess, code: 'forbidden' });

    const office = await device(coordinator);
    await office.engine.syncNow();
    expect((await office.db.sessions.bulkGet([good1, good2])).map((s) => s?.fields.title)).toEqual([
      'Antes',
      'Después',
    ]);
  });

  it('a pull cut off mid-way resumes to the same result', async () => {
    const tablet = await device(facilitator);
    const processId = await createProcess(tablet.db, aProcess());
    for (let i = 0; i < 25; i++)
      await createSession(tablet.db, aSession(processId, { title: `Sesión ${i + 1}` }));
    await tablet.engine.syncNow();

    const office = await device(coordinator, { pullLimit: 4 });
    office.faults.failPullsAfter = 3;
    expect((await office.engine.syncNow()).ok).toBe(false);
    const partial = await office.db.sessions.count();
    expect(partial).toBeGreaterThan(0);
    office.faults.failPullsAfter = null;
    expect((await office.engine.syncNow()).ok).toBe(true);

    const fresh = await device(coordinator);
    await fresh.engine.syncNow();
    const [a, b] = await Promise.all([
      office.db.sessions.orderBy('id').toArray(),
      fresh.db.sessions.orderBy('id').toArray(),
    ]);
    expect(a).toEqual(b);
    expect((await listSessions(office.db, processId)).length).toBe(25);
  });

  it('edits of different fields on two devices both survive; a delete wins over an older edit', async () => {
    const tablet = await device(facilitator);
    const processId = await createProcess(tablet.db, aProcess());
    const id = await createSession(tablet.db, aSession(processId));
    await tablet.engine.syncNow();
    const office = await device(coordinator);
    await office.engine.syncNow();

    await updateSession(tablet.db, id, { place: 'Deportivo Francisco I. Madero' });
    await updateSession(office.db, id, { title: 'Asamblea de arranque (corregida)' });
    await tablet.engine.syncNow();
    await office.engine.syncNow();
    await tablet.engine.syncNow();
    const [t, o] = await Promise.all([tablet.db.sessions.get(id), office.db.sessions.get(id)]);
    expect(t).toEqual(o);
    expect(t!.fields).toMatchObject({
      place: 'Deportivo Francisco I. Madero',
      title: 'Asamblea de arranque (corregida)',
    });

    await deleteSession(office.db, id);
    await office.engine.syncNow();
    await tablet.engine.syncNow();
    expect((await tablet.db.sessions.get(id))!.deleted).toBe(true);
  });

  it('pending local edits newer than the server survive a pull', async () => {
    const tablet = await device(facilitator);
    const processId = await createProcess(tablet.db, aProcess());
    const id = await createSession(tablet.db, aSession(processId));
    await tablet.engine.syncNow();
    const office = await device(coordinator);
    await office.engine.syncNow();
    await updateSession(office.db, id, { notes: 'desde la oficina' });
    await office.engine.syncNow();

    await updateSession(tablet.db, id, { notes: 'desde la asamblea, más reciente' });
    tablet.faults.offline = true;
    await tablet.engine.syncNow();
    tablet.faults.offline = false;
    expect((await tablet.db.sessions.get(id))!.fields.notes).toBe('desde la asamblea, más reciente');
    await tablet.engine.syncNow();
    await office.engine.syncNow();
    expect((await office.db.sessions.get(id))!.fields.notes).toBe('desde la asamblea, más reciente');
  });

  it('a server restored from an older backup (new epoch): devices re-push and nothing is lost', async () => {
    const tablet = await device(facilitator);
    const processId = await createProcess(tablet.db, aProcess({ name: 'Proceso restaurado' }));
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push(await createSession(tablet.db, aSession(processId, { title: `Sesión ${i}` })));
    await tablet.engine.syncNow();
    const before = await tablet.db.sessions.bulkGet(ids);

    // The backup predates these records: they are gone from the server, which starts with a new epoch.
    await server.db.db.deleteFrom('records').where('process_id', '=', processId).execute();
    await server.db.db.deleteFrom('process_members').where('process_id', '=', processId).execute();
    await server.restart({ newEpoch: true });

    await updateSession(tablet.db, ids[0]!, { notes: 'escrito sin conexión antes de sincronizar' });
    const result = await tablet.engine.syncNow();
    expect(result.ok).toBe(true);
    expect(await tablet.db.outbox.count()).toBe(0);

    const office = await device(coordinator);
    await office.engine.syncNow();
    const after = await office.db.sessions.bulkGet(ids);
    expect(after.map((s) => s?.fields.title)).toEqual(before.map((s) => s?.fields.title));
    expect(after[0]!.fields.notes).toBe('escrito sin conexión antes de sincronizar');
    expect(await tablet.db.sessions.bulkGet(ids)).toEqual(after);
  });
});
