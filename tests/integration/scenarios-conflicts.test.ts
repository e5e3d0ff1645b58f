/**
 * Scenarios of concurrent work, on SQLite and PostgreSQL: devices that edit and delete the
 * same record without seeing each other, and tablets whose clocks are a day off. Each test is
 * named after the promise it proves.
 */
import 'fake-indexeddb/auto'; // before anything that loads Dexie
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listOpenConflicts, restoreDeletedRecord } from '../../src/client/data/conflicts.repository';
import { createProcess } from '../../src/client/data/processes.repository';
import { createSession, deleteSession, updateSession } from '../../src/client/data/sessions.repository';
import { hasClockSkew } from '../../src/client/features/sync-status/sync-labels';
import { parseHlc, PROTOCOL_LIMITS } from '../../src/domain';
import { aProcess, aSession } from '../fixtures/sessions';
import { deviceState, serverState } from '../support/replica-state';
import { scenarioContext } from '../support/scenario-context';
import type { Device } from './device';
import { availableBackends } from './harness';

const backends = await availableBackends();
const DAY = 24 * 60 * 60 * 1000;
/** How much later a write that must come after another is stamped (its device's clock is set ahead). */
const LATER = 1000;

/** Runs `fn` with this device's clock `offsetMs` off (Date.now is what the device's clock and engine read). */
async function withClockOff<T>(offsetMs: number, fn: () => Promise<T>): Promise<T> {
  const realNow = Date.now.bind(Date);
  const spy = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + offsetMs);
  try {
    return await fn();
  } finally {
    spy.mockRestore();
  }
}

/** The open conflicts a device shows about one record (other tests' records may have their own). */
async function conflictsOf(device: Device, recordId: string) {
  return (await listOpenConflicts(device.db)).filter((c) => c.recordId === recordId);
}

async function syncAll(...devices: Device[]) {
  for (const d of devices) expect((await d.engine.syncNow()).ok).toBe(true);
}

describe.each(backends)('conflict scenarios on $name', (backend) => {
  const ctx = scenarioContext(backend);
  afterEach(() => vi.restoreAllMocks());

  async function sharedSession() {
    const tablet = await ctx.device(ctx.facilitator);
    const office = await ctx.device(ctx.coordinator);
    const processId = await createProcess(tablet.db, aProcess());
    const id = await createSession(tablet.db, aSession(processId, { title: 'Asamblea de arranque' }));
    await syncAll(tablet, office);
    return { tablet, office, id };
  }

  it('a delete on one device and an edit on another converge, and the conflict is visible', async () => {
    const { tablet, office, id } = await sharedSession();

    // The tablet edits offline; meanwhile the office deletes the session and syncs first.
    tablet.faults.offline = true;
    await updateSession(tablet.db, id, { notes: 'Acuerdos dictados al final de la asamblea' });
    // The delete comes later — a second later on the office's clock, never in the same
    // millisecond, where the hlc tie-break would order it whatever the machine's speed.
    await withClockOff(LATER, () => deleteSession(office.db, id));
    await syncAll(office);
    tablet.faults.offline = false;
    await syncAll(tablet, office);

    // Converged: the same record everywhere — deleted, with the tablet's notes kept under the tombstone.
    const onServer = await serverState(ctx.server);
    expect(await deviceState(tablet.db)).toEqual(onServer);
    expect(await deviceState(office.db)).toEqual(onServer);
    const session = (await tablet.db.sessions.get(id))!;
    expect(session.deleted).toBe(true);
    expect(session.fields.notes).toBe('Acuerdos dictados al final de la asamblea');

    // Visible on both sides, each from what it knows.
    expect(await conflictsOf(tablet, id)).toEqual([
      expect.objectContaining({
        recordId: id,
        kind: 'deleted_while_edited',
        fields: ['notes'],
        label: 'Asamblea de arranque',
      }),
    ]);
    expect(await conflictsOf(office, id)).toEqual([
      expect.objectContaining({ recordId: id, kind: 'edit_of_deleted', fields: ['notes'] }),
    ]);

    // Either side can undo the delete; the restore syncs and closes the conflict everywhere.
    await restoreDeletedRecord(tablet.db, 'session', id);
    await syncAll(tablet, office);
    expect((await office.db.sessions.get(id))!).toMatchObject({
      deleted: false,
      fields: expect.objectContaining({ notes: 'Acuerdos dictados al final de la asamblea' }),
    });
    expect(await conflictsOf(tablet, id)).toEqual([]);
    expect(await conflictsOf(office, id)).toEqual([]);
  });

  it('an edit made after a delete it had not seen is a visible conflict on every device', async () => {
    const { tablet, office, id } = await sharedSession();
    const observer = await ctx.device(ctx.coordinator);
    await syncAll(observer);

    await deleteSession(office.db, id);
    await syncAll(office);
    // The tablet's edit comes later in time than the delete (a second later on its clock).
    await withClockOff(LATER, () => updateSession(tablet.db, id, { place: 'Salón ejidal' }));
    await syncAll(tablet, office, observer);

    for (const d of [tablet, office, observer]) {
      expect(await conflictsOf(d, id)).toEqual([
        expect.objectContaining({ recordId: id, kind: 'edited_after_delete', fields: ['place'] }),
      ]);
      expect(await deviceState(d.db)).toEqual(await serverState(ctx.server));
    }
  });

  it('a delete after the edit was seen is no conflict', async () => {
    const { tablet, office, id } = await sharedSession();
    await updateSession(tablet.db, id, { notes: 'revisado' });
    await syncAll(tablet, office); // the office sees the edit…
    await deleteSession(office.db, id); // …and deletes knowingly
    await syncAll(office, tablet);
    expect((await tablet.db.sessions.get(id))!.deleted).toBe(true);
    expect(await conflictsOf(tablet, id)).toEqual([]);
    expect(await conflictsOf(office, id)).toEqual([]);
  });

  it('a tablet clock a day fast: nothing lost, the user is warned, and its edit is kept with the server’s time so later edits win', async () => {
    const { office, id } = await sharedSession();
    const fast = await ctx.device(ctx.facilitator);

    await syncAll(fast);
    // Then the date went wrong while offline: the edit is stamped tomorrow on the tablet.
    await withClockOff(DAY, () =>
      updateSession(fast.db, id, { title: 'Título desde la tableta adelantada' }),
    );
    expect(parseHlc((await fast.db.sessions.get(id))!.hlcs.title!).millis).toBeGreaterThan(
      Date.now() + DAY - 60_000,
    );
    await withClockOff(DAY, () => syncAll(fast));
    const status = fast.engine.getStatus();
    expect(status.clockSkewMs).toBeGreaterThan(DAY - 60_000);
    expect(hasClockSkew(status)).toBe(true);
    // The server stored it with its own time (ADR 0005) and the tablet took the same stamp.
    const stamp = (await fast.db.sessions.get(id))!.hlcs.title!;
    expect(parseHlc(stamp).millis).toBeLessThanOrEqual(Date.now() + PROTOCOL_LIMITS.maxClockAheadMs);

    // Nothing lost: the edit reached everyone.
    await syncAll(office);
    expect((await office.db.sessions.get(id))!.fields.title).toBe('Título desde la tableta adelantada');
    // The office's next edit — made today — wins, on every device.
    await updateSession(office.db, id, { title: 'Título corregido en la oficina' });
    expect((await office.db.sessions.get(id))!.hlcs.title! > stamp).toBe(true);
    await syncAll(office);
    await withClockOff(DAY, () => syncAll(fast));
    for (const d of [office, fast]) {
      expect((await d.db.sessions.get(id))!.fields.title).toBe('Título corregido en la oficina');
    }
    expect(await deviceState(fast.db)).toEqual(await serverState(ctx.server));
  });

  it('a tablet clock a day slow: nothing lost, the user is warned, and its edits win over what it has seen', async () => {
    const { office, id } = await sharedSession();
    const slow = await ctx.device(ctx.facilitator);
    const processId = (await office.db.sessions.get(id))!.fields.processId as string;

    const created = await withClockOff(-DAY, async () => {
      await syncAll(slow);
      const sessionId = await createSession(
        slow.db,
        aSession(processId, { title: 'Registrada con reloj atrasado' }),
      );
      await updateSession(slow.db, id, { title: 'Título desde la tableta atrasada' });
      await syncAll(slow);
      return sessionId;
    });
    expect(slow.engine.getStatus().clockSkewMs).toBeLessThan(-DAY + 60_000);
    expect(hasClockSkew(slow.engine.getStatus())).toBe(true);

    // Nothing lost: both writes are on the server and reach the office.
    await syncAll(office);
    expect((await office.db.sessions.get(created))!.fields.title).toBe('Registrada con reloj atrasado');
    expect((await office.db.sessions.get(id))!.fields.title).toBe('Título desde la tableta atrasada');
    expect(await ctx.server.db.db.selectFrom('rejected_mutations').selectAll().execute()).toEqual([]);

    // An edit on the slow tablet made after it has seen the office's edit still wins.
    await updateSession(office.db, id, { place: 'Casa de cultura' });
    await syncAll(office);
    await withClockOff(-DAY, async () => {
      await syncAll(slow);
      await updateSession(slow.db, id, { place: 'Explanada del mercado' });
      await syncAll(slow);
    });
    await syncAll(office);
    expect((await office.db.sessions.get(id))!.fields.place).toBe('Explanada del mercado');
    expect(await deviceState(office.db)).toEqual(await serverState(ctx.server));
  });
});
