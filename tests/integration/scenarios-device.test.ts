/**
 * Scenarios of what happens to the device's database and to the server's: a crash in the
 * middle of a local write, a schema upgrade with another tab holding the old version, and a
 * server restored from a backup. On SQLite and PostgreSQL where a server takes part. Each
 * test is named after the promise it proves.
 */
import 'fake-indexeddb/auto'; // before anything that loads Dexie
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { TequioDb } from '../../src/client/data/db';
import { createProcess, updateProcess } from '../../src/client/data/processes.repository';
import { createSession, updateSession } from '../../src/client/data/sessions.repository';
import { newId, type Mutation } from '../../src/domain';
import { aProcess, aSession } from '../fixtures/sessions';
import { logLocalWrites } from '../support/chaos-workload';
import {
  deviceState,
  diffStates,
  expectedState,
  serverState,
  type ReplicaState,
} from '../support/replica-state';
import { scenarioContext } from '../support/scenario-context';
import type { Device } from './device';
import { availableBackends, type TestServer } from './harness';

const backends = await availableBackends();

/** The schema of the first release (TequioDb's `version(1)` block), as a tab still running that release opens it. */
const V1_STORES = {
  processes: 'id',
  sessions: 'id, fields.processId',
  outbox: 'id, [entity+recordId]',
  rejected: '++key, mutationId',
  meta: 'key',
};
const V2_STORES = { blobs: 'sha256, status' };
const V3_STORES = { conflicts: '++key, [entity+recordId]' };
const V4_STORES = { units: 'id, fields.key, fields.directorateId', directorates: 'id' };
/** The version this release's TequioDb declares. */
const LATEST_VERSION = new TequioDb('version-probe').verno;

async function dump(db: Dexie) {
  const out: Record<string, unknown[]> = {};
  for (const name of Object.keys(V1_STORES)) out[name] = await db.table(name).toArray();
  return out;
}

describe('on the device', () => {
  it('a crash between record write and outbox write is impossible (one transaction)', async () => {
    const db = new TequioDb(`crash-${newId()}`);
    await db.open();
    const processId = await createProcess(db, aProcess());
    const metaBefore = await db.meta.toArray();

    // The tab dies right after the record is written, before its outbox entry is: the write throws there.
    let recordWritten = false;
    const onRecord = () => {
      recordWritten = true;
    };
    const crash = () => {
      throw new Error('the tab was closed');
    };
    db.sessions.hook('creating', onRecord);
    db.processes.hook('updating', onRecord);
    db.outbox.hook('creating', crash);

    await expect(createSession(db, aSession(processId))).rejects.toThrow('the tab was closed');
    await expect(updateProcess(db, processId, { name: 'Proceso renombrado' })).rejects.toThrow(
      'the tab was closed',
    );
    expect(recordWritten).toBe(true);
    // Neither the record nor its mutation exists; counter and clock are as before.
    expect(await db.sessions.count()).toBe(0);
    expect((await db.processes.get(processId))!.fields.name).toBe(aProcess().name);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.meta.toArray()).toEqual(metaBefore);
    db.close();
    await Dexie.delete(db.name);
  });
});

describe.each(backends)('device and server scenarios on $name', (backend) => {
  const ctx = scenarioContext(backend);

  it.each([
    { from: 1, stores: [V1_STORES] },
    { from: 2, stores: [V1_STORES, V2_STORES] },
    { from: 4, stores: [V1_STORES, V2_STORES, V3_STORES, V4_STORES] },
  ])(
    'a Dexie schema upgrade from version $from while another tab holds the old version and the outbox is not empty: nothing is lost',
    async ({ stores }) => {
      const name = `upgrade-${newId()}`;
      // A tab of the previous release made the database and still has it open, with unsynced work.
      const oldTab = new Dexie(name);
      stores.forEach((s, i) => oldTab.version(i + 1).stores(s));
      await oldTab.open();
      const clientId = newId();
      const processId = newId();
      const sessionId = newId();
      const hlc = (s: number) => `2026-11-20T17:0${s}:00.000Z-0000-${clientId.replace(/-/g, '').slice(-16)}`;
      const processFields = { ...aProcess(), teamUserIds: [ctx.facilitator.id] };
      const sessionFields = aSession(processId);
      const stamp = (fields: object, h: string) => Object.fromEntries(Object.keys(fields).map((k) => [k, h]));
      await oldTab
        .table('processes')
        .add({ id: processId, fields: processFields, hlcs: stamp(processFields, hlc(1)), deleted: false });
      await oldTab
        .table('sessions')
        .add({ id: sessionId, fields: sessionFields, hlcs: stamp(sessionFields, hlc(2)), deleted: false });
      const createdAt = new Date().toISOString();
      await oldTab.table('outbox').bulkAdd([
        {
          id: 1,
          entity: 'process',
          recordId: processId,
          op: 'put',
          fields: processFields,
          hlc: hlc(1),
          createdAt,
        },
        {
          id: 2,
          entity: 'session',
          recordId: sessionId,
          op: 'put',
          fields: sessionFields,
          hlc: hlc(2),
          createdAt,
        },
      ]);
      await oldTab.table('rejected').add({
        mutationId: 7,
        entity: 'session',
        recordId: newId(),
        op: 'put',
        code: 'forbidden',
        message: 'Outside your processes',
        at: createdAt,
      });
      const me = await ctx.server.request('GET', '/api/v1/auth/me', { token: ctx.facilitator.token });
      await oldTab.table('meta').bulkAdd([
        { key: 'clientId', value: clientId },
        { key: 'nextMutationId', value: 3 },
        { key: 'hlc', value: hlc(2) },
        { key: 'account', value: { token: ctx.facilitator.token, user: me.body } },
      ]);
      const before = await dump(oldTab);

      // The new release opens it in another tab: the old tab steps aside, the upgrade runs.
      const newTab = new TequioDb(name);
      await newTab.open();
      expect(oldTab.isOpen()).toBe(false);
      expect(newTab.verno).toBe(LATEST_VERSION);
      expect(await dump(newTab)).toEqual(before);
      expect(await newTab.conflicts.count()).toBe(0);

      // And the unsynced work syncs from the new version.
      newTab.close();
      const device: Device = await ctx.device(ctx.facilitator, { dbName: name });
      expect((await device.engine.syncNow()).ok).toBe(true);
      expect(await device.db.outbox.count()).toBe(0);
      const onServer = await serverState(ctx.server);
      expect(onServer.get(`session:${sessionId}`)?.fields).toEqual(sessionFields);
      expect(onServer.get(`process:${processId}`)?.fields).toEqual(processFields);
    },
  );

  it('a tab on this version steps aside for a newer one, telling the app to reload, and nothing is lost', async () => {
    const name = `next-${newId()}`;
    const current = new TequioDb(name);
    await current.open();
    const processId = await createProcess(current, aProcess());
    await createSession(current, aSession(processId));
    const before = await dump(current);
    let reloadAsked = 0;
    current.onVersionChange(() => reloadAsked++);

    class NextDb extends TequioDb {
      constructor(dbName: string) {
        super(dbName);
        this.version(LATEST_VERSION + 1).stores({ nextFeature: 'id' });
      }
    }
    const next = new NextDb(name);
    await next.open();
    expect(reloadAsked).toBe(1);
    expect(current.isOpen()).toBe(false);
    expect(await dump(next)).toEqual(before);
    expect(await next.outbox.count()).toBe(2);
    next.close();
    await Dexie.delete(name);
  });

  it('a server restored from a backup: clients detect the new epoch, re-push, lose nothing', async () => {
    const { server, coordinator, facilitator } = ctx;
    const otherFacilitator = await server.createUser({
      username: `ines-${newId().slice(-6)}`,
      role: 'facilitator',
    });
    const office = await ctx.device(coordinator);
    const rosa = await ctx.device(facilitator);
    const ines = await ctx.device(otherFacilitator);
    const all = [office, rosa, ines];
    const writes: Mutation[] = [];
    all.forEach((d) => logLocalWrites(d.db, writes));
    const syncAll = async () => {
      for (const d of all) expect((await d.engine.syncNow()).ok).toBe(true);
    };

    const processId = await createProcess(
      office.db,
      aProcess({ teamUserIds: [facilitator.id, otherFacilitator.id] }),
    );
    await syncAll();
    const s1 = await createSession(rosa.db, aSession(processId, { title: 'Sesión 1' }));
    const s2 = await createSession(rosa.db, aSession(processId, { title: 'Sesión 2' }));
    const s3 = await createSession(ines.db, aSession(processId, { title: 'Sesión 3' }));
    await syncAll();
    const backup = await takeBackup(server);

    // After the backup: synced work the backup will not have…
    const s4 = await createSession(rosa.db, aSession(processId, { title: 'Sesión 4' }));
    await updateSession(rosa.db, s1, { notes: 'corregida después del respaldo' });
    await updateSession(ines.db, s3, { place: 'Salón ejidal' });
    await syncAll();
    // …and unsynced work on every device.
    await updateSession(rosa.db, s2, { notes: 'pendiente en la tableta de Rosa' });
    const s5 = await createSession(ines.db, aSession(processId, { title: 'Sesión 5, sin enviar' }));
    await updateProcess(office.db, processId, { name: 'Proceso renombrado sin enviar' });
    expect(await Promise.all(all.map((d) => d.db.outbox.count()))).toEqual([1, 1, 1]);

    await restoreBackup(server, backup);
    await server.restart({ newEpoch: true });
    const clientIdsBefore = await Promise.all(all.map((d) => d.db.getMeta('clientId')));
    await syncAll();
    await syncAll(); // everyone pulls what the others re-pushed

    // (Other tests left records on this server: compare this process's.)
    const onServer = ofProcess(await serverState(server), processId);
    expect(diffStates(expectedState(writes), onServer)).toEqual([]);
    for (const d of all) {
      expect(await d.db.outbox.count()).toBe(0);
      expect(diffStates(onServer, ofProcess(await deviceState(d.db), processId))).toEqual([]);
    }
    // Each device took a new clientId (its old counter belongs to the old epoch).
    const clientIdsAfter = await Promise.all(all.map((d) => d.db.getMeta('clientId')));
    clientIdsAfter.forEach((id, i) => expect(id).not.toBe(clientIdsBefore[i]));
    for (const id of [s1, s2, s3, s4, s5]) expect(onServer.has(`session:${id}`)).toBe(true);
    expect(onServer.get(`session:${s2}`)!.fields.notes).toBe('pendiente en la tableta de Rosa');
    expect(onServer.get(`process:${processId}`)!.fields.name).toBe('Proceso renombrado sin enviar');
  });
});

function ofProcess(state: ReplicaState, processId: string): ReplicaState {
  return new Map(
    [...state].filter(([key, r]) => key === `process:${processId}` || r.fields.processId === processId),
  );
}

const BACKED_UP_TABLES = [
  'records',
  'process_members',
  'clients',
  'rejected_mutations',
  'commit_sequence',
] as const;
type Backup = Record<(typeof BACKED_UP_TABLES)[number], Record<string, unknown>[]>;

/** A copy of the sync tables as a backup holds them (users and tokens stay: the people are the same). */
async function takeBackup(server: TestServer): Promise<Backup> {
  const db = server.db.db;
  const backup = {} as Backup;
  for (const table of BACKED_UP_TABLES)
    backup[table] = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
  return backup;
}

/** Puts the sync tables back as they were in the backup, in one transaction. */
async function restoreBackup(server: TestServer, backup: Backup) {
  await server.db.db.transaction().execute(async (tx) => {
    for (const table of BACKED_UP_TABLES) {
      await tx.deleteFrom(table).execute();
      // Rows go back exactly as they were read (the table's own row type).
      const rows = backup[table] as never[];
      if (rows.length > 0) await tx.insertInto(table).values(rows).execute();
    }
  });
}
