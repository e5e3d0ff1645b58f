/**
 * A device whose date is far ahead, or that holds far-future stamps from before the server
 * refused them: its copy takes the server's stamps on acknowledgement, loses such stamps to a
 * pull, stamps in the present again, and learns the server's time.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  formatHlc,
  isHlc,
  newId,
  nodeIdFromUuid,
  parseHlc,
  type Change,
  type Mutation,
  type PushResponse,
} from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { learnClockOffset } from '../../../src/client/data/device-clock';
import { createProcess } from '../../../src/client/data/processes.repository';
import { createSession, updateSession } from '../../../src/client/data/sessions.repository';
import { writeLocal } from '../../../src/client/data/records.repository';
import { acknowledgePush, applyPulledPage } from '../../../src/client/sync/local-store';
import { aProcess, aSession } from '../../fixtures/sessions';

const YEAR = 365 * 24 * 3_600_000;
const SERVER_NODE = '5e5e5e5e5e5e5e5e';
const END_OF_TIME = `9999-12-31T23:59:59.999Z-ffff-${SERVER_NODE}`;

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`clock-${newId()}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** Runs `fn` on a device whose clock reads `offsetMs` off the real time. */
async function withDeviceClockOff<T>(offsetMs: number, fn: () => Promise<T>): Promise<T> {
  const realNow = Date.now.bind(Date);
  const spy = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + offsetMs);
  try {
    return await fn();
  } finally {
    spy.mockRestore();
  }
}

async function outbox(): Promise<Mutation[]> {
  return (await db.outbox.orderBy('id').toArray()).map(({ createdAt: _c, ...m }) => m as Mutation);
}

const serverStamp = (millis: number) => formatHlc({ millis, counter: 0, node: SERVER_NODE });

function aChange(id: string, fields: Record<string, unknown>, hlc: string): Change {
  const hlcs = Object.fromEntries([...Object.keys(fields), 'deleted'].map((k) => [k, hlc]));
  return { entity: 'session', id, deleted: false, fields, hlcs };
}

describe('acknowledging a push the server re-stamped (clock_ahead)', () => {
  it('puts the server stamp on the fields sent too far ahead that still hold it, keeps later edits, and counts them', async () => {
    const processId = await createProcess(db, aProcess()); // stamped in the present
    const sessionId = await withDeviceClockOff(YEAR, async () => {
      const id = await createSession(db, aSession(processId));
      await updateSession(db, id, { title: 'Asamblea de arranque (corregida)' });
      return id;
    });
    const [processPut, sessionPut, titleEdit] = await outbox();
    const sentStamp = sessionPut!.hlc;
    expect(parseHlc(sentStamp).millis).toBeGreaterThan(Date.now() + YEAR - 60_000);

    const serverNow = Date.now();
    const stored = serverStamp(serverNow);
    const response: PushResponse = {
      serverEpoch: 'e1',
      serverTime: new Date(serverNow).toISOString(),
      lastMutationId: 2,
      results: [
        { id: processPut!.id, status: 'applied' },
        { id: sessionPut!.id, status: 'applied', code: 'clock_ahead', hlc: stored },
      ],
    };
    const ack = await acknowledgePush(db, [processPut!, sessionPut!], response);
    expect(ack).toEqual({ rejected: 0, restamped: 1 });

    const session = (await db.sessions.get(sessionId))!;
    // Every field of the first put now carries the server's stamp…
    for (const name of ['processId', 'type', 'date', 'place', 'attendance', 'agreements', 'notes']) {
      expect(session.hlcs[name]).toBe(stored);
    }
    // …except the title, edited again here since (its own mutation will be answered on its own).
    expect(session.hlcs.title).toBe(titleEdit!.hlc);
    // Fields of a mutation within the bound keep their stamps.
    const process = (await db.processes.get(processId))!;
    expect(process.hlcs.name).toBe(processPut!.hlc);
    expect(await db.getMeta('restamped')).toEqual({ count: 1, lastAt: response.serverTime });
    expect(await db.outbox.count()).toBe(1);

    // A second re-stamped push adds to the count.
    await acknowledgePush(db, [titleEdit!], {
      ...response,
      lastMutationId: 3,
      results: [
        { id: titleEdit!.id, status: 'applied', code: 'clock_ahead', hlc: serverStamp(serverNow + 1) },
      ],
    });
    expect((await db.sessions.get(sessionId))!.hlcs.title).toBe(serverStamp(serverNow + 1));
    expect((await db.getMeta('restamped'))!.count).toBe(2);
  });

  it('re-stamps a delete sent too far ahead, and the clock takes the server stamp in', async () => {
    const processId = await createProcess(db, aProcess());
    const id = await createSession(db, aSession(processId));
    await withDeviceClockOff(YEAR, () => writeLocal(db, 'session', id, { op: 'delete' }));
    const sent = (await outbox()).at(-1)!;
    const stored = serverStamp(Date.now() + 1_000);
    await acknowledgePush(db, [sent], {
      serverEpoch: 'e1',
      serverTime: new Date().toISOString(),
      lastMutationId: sent.id,
      results: [{ id: sent.id, status: 'applied', code: 'clock_ahead', hlc: stored }],
    });
    expect((await db.sessions.get(id))!.hlcs.deleted).toBe(stored);
    const last = (await db.getMeta('hlc'))!;
    expect(last >= stored.slice(0, 29)).toBe(true);
    expect(parseHlc(last).millis).toBeLessThan(Date.now() + 60_000);
  });
});

describe('pulling over far-future local stamps', () => {
  it('a pulled field replaces a local stamp far beyond the page serverTime, even an older-looking one', async () => {
    const id = newId();
    const processId = newId();
    // Pulled before the server refused such stamps: a forged 9999 title.
    await applyPulledPage(
      db,
      [aChange(id, { ...aSession(processId), title: 'Título falso' }, END_OF_TIME)],
      'c1',
      'e1',
    );
    // The server's repair re-stamped the record with a present stamp.
    const now = Date.now();
    const repaired = serverStamp(now);
    const applied = await applyPulledPage(
      db,
      [aChange(id, { ...aSession(processId), title: 'Título reparado' }, repaired)],
      'c2',
      'e1',
      true,
      new Date(now).toISOString(),
    );
    expect(applied).toBe(1);
    const session = (await db.sessions.get(id))!;
    expect(session.fields.title).toBe('Título reparado');
    expect(Object.values(session.hlcs).every((h) => h === repaired)).toBe(true);
    // The clock did not follow the forged stamp: the next local edit is stamped now, and wins.
    await writeLocal(db, 'session', id, { op: 'put', fields: { notes: 'revisado' } });
    const notesStamp = (await db.sessions.get(id))!.hlcs.notes!;
    expect(notesStamp > repaired).toBe(true);
    expect(parseHlc(notesStamp).millis).toBeLessThan(Date.now() + 60_000);
  });

  it('a local stamp within the bound still wins over an older pulled one', async () => {
    const processId = await createProcess(db, aProcess());
    const id = await createSession(db, aSession(processId));
    await updateSession(db, id, { place: 'Casa de cultura' });
    const old = serverStamp(Date.now() - 60_000);
    await applyPulledPage(
      db,
      [aChange(id, { processId, place: 'Explanada' }, old)],
      'c1',
      'e1',
      true,
      new Date().toISOString(),
    );
    expect((await db.sessions.get(id))!.fields.place).toBe('Casa de cultura');
  });
});

describe('a device clock restored from a poisoned state', () => {
  it('stamps in the present after meta hlc was left in year 9999, and keeps ticking forward', async () => {
    const node = nodeIdFromUuid((await db.getMeta('clientId'))!);
    await db.setMeta('hlc', `9999-12-31T23:59:59.999Z-ffff-${node}`);
    const processId = await createProcess(db, aProcess());
    const first = (await db.processes.get(processId))!.hlcs.name!;
    expect(isHlc(first)).toBe(true);
    expect(Math.abs(parseHlc(first).millis - Date.now())).toBeLessThan(60_000);
    expect(await db.getMeta('hlc')).toBe(first);
    await writeLocal(db, 'process', processId, { op: 'put', fields: { name: 'Proceso Aculco Norte' } });
    const second = (await db.processes.get(processId))!.hlcs.name!;
    expect(second > first).toBe(true);
  });

  it('lets a local edit replace a far-future stamp of its own record', async () => {
    const processId = await createProcess(db, aProcess());
    const id = await withDeviceClockOff(YEAR, () => createSession(db, aSession(processId)));
    await updateSession(db, id, { place: 'Casa de cultura' });
    const session = (await db.sessions.get(id))!;
    expect(session.fields.place).toBe('Casa de cultura');
    expect(parseHlc(session.hlcs.place!).millis).toBeLessThan(Date.now() + 60_000);
  });
});

describe('server-corrected time', () => {
  it('a tablet a year ahead stamps with the server time once it has heard from the server', async () => {
    const processId = await createProcess(db, aProcess());
    await withDeviceClockOff(YEAR, async () => {
      const skew = await learnClockOffset(db, new Date(Date.now() - YEAR).toISOString());
      expect(skew).toBeGreaterThan(YEAR - 1_000);
      const id = await createSession(db, aSession(processId));
      const stamp = (await db.sessions.get(id))!.hlcs.title!;
      expect(Math.abs(parseHlc(stamp).millis - (Date.now() - YEAR))).toBeLessThan(60_000);
    });
    expect((await db.getMeta('clockOffsetMs'))!).toBeLessThan(-YEAR + 1_000);
  });

  it('keeps no offset for a clock within the warning threshold, and clears it when the clock is right again', async () => {
    await learnClockOffset(db, new Date(Date.now() - 2 * 60_000).toISOString());
    expect(await db.getMeta('clockOffsetMs')).toBeNull();
    await learnClockOffset(db, new Date(Date.now() + 3 * 24 * 3_600_000).toISOString());
    expect(await db.getMeta('clockOffsetMs')).toBeGreaterThan(3 * 24 * 3_600_000 - 1_000);
    await learnClockOffset(db, new Date().toISOString());
    expect(await db.getMeta('clockOffsetMs')).toBeNull();
  });
});
