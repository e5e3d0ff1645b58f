import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type TrackChunk } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { TrackRecorder } from '../../../src/client/tracking/track-recorder';
import { getRecorderState, getTourTrack, saveDrawnRoute } from '../../../src/client/data/tracks.repository';

/** A stand-in for navigator.geolocation the test moves by hand. */
class FakeGeolocation {
  private watchers = new Map<number, { ok: PositionCallback; fail?: PositionErrorCallback | null }>();
  private next = 1;
  options: PositionOptions | undefined;
  watchPosition(
    ok: PositionCallback,
    fail?: PositionErrorCallback | null,
    options?: PositionOptions,
  ): number {
    this.options = options;
    const id = this.next++;
    this.watchers.set(id, { ok, fail });
    return id;
  }
  clearWatch(id: number): void {
    this.watchers.delete(id);
  }
  getCurrentPosition(): void {
    throw new Error('not used');
  }
  get watching(): number {
    return this.watchers.size;
  }
  move(lon: number, lat: number, accuracy: number, time: number): void {
    const position = {
      coords: { longitude: lon, latitude: lat, accuracy },
      timestamp: time,
    } as GeolocationPosition;
    for (const w of this.watchers.values()) w.ok(position);
  }
  fail(code: number): void {
    const error = { code, message: 'fail' } as GeolocationPositionError;
    for (const w of this.watchers.values()) w.fail?.(error);
  }
}

const T0 = Date.UTC(2026, 10, 20, 16, 0, 0);
const SESSION = newId();
const PROCESS = newId();

let db: TequioDb;
let geo: FakeGeolocation;
let clock: number;
let recorder: TrackRecorder;

function makeRecorder(database = db, geolocation = geo, win: Window | null = null): TrackRecorder {
  return new TrackRecorder({
    db: database,
    geolocation: geolocation as unknown as Geolocation,
    now: () => new Date(clock),
    win,
  });
}

async function chunks(database = db): Promise<TrackChunk[]> {
  const rows = await database.trackChunks.toArray();
  return rows.map((r) => r.fields as TrackChunk).sort((a, b) => a.index - b.index);
}

/** Walks north 0.0003° (~33 m) per step, one fix every 10 s. */
async function walk(rec: TrackRecorder, g: FakeGeolocation, from: number, steps: number): Promise<void> {
  for (let i = 0; i < steps; i++) {
    const step = from + i;
    clock = T0 + step * 10_000;
    g.move(-99.06, 19.35 + step * 0.0003, 8, clock);
    await rec.whenIdle();
  }
}

beforeEach(async () => {
  db = new TequioDb(`tours-${newId()}`);
  await db.open();
  geo = new FakeGeolocation();
  clock = T0;
  recorder = makeRecorder();
});
afterEach(async () => {
  recorder.dispose();
  db.close();
  await db.delete();
});

describe('TrackRecorder', () => {
  it('asks for high accuracy and buffers every delivered position at once', async () => {
    await recorder.start(SESSION, PROCESS);
    expect(geo.options?.enableHighAccuracy).toBe(true);
    await walk(recorder, geo, 0, 3);
    expect(await db.trackBuffer.count()).toBe(3);
    expect(await db.trackChunks.count()).toBe(0);
    const state = await getRecorderState(db, SESSION);
    expect(state?.status).toBe('recording');
    expect(state?.lastPointAt).toBe(new Date(T0 + 20_000).toISOString());
    // The track already shows the buffered points.
    const view = await getTourTrack(db, SESSION);
    expect(view.pointCount).toBe(3);
    expect(view.distance).toBeCloseTo(2 * 33.36, 0);
  });

  it('seals every 10 points into a synced chunk and empties the buffer in the same step', async () => {
    await recorder.start(SESSION, PROCESS);
    await walk(recorder, geo, 0, 12);
    const sealed = await chunks();
    expect(sealed).toHaveLength(1);
    expect(sealed[0]!.points).toHaveLength(10);
    expect(sealed[0]!.index).toBe(0);
    expect(sealed[0]!.source).toBe('gps');
    expect(await db.trackBuffer.count()).toBe(2);
  });

  it('ignores imprecise positions and the same fix twice, but shows the weak one', async () => {
    await recorder.start(SESSION, PROCESS);
    geo.move(-99.06, 19.35, 8, T0);
    await recorder.whenIdle();
    geo.move(-99.06, 19.35, 8, T0); // duplicate timestamp
    await recorder.whenIdle();
    geo.move(-99.05, 19.36, 150, T0 + 5000);
    await recorder.whenIdle();
    expect(await db.trackBuffer.count()).toBe(1);
    expect(recorder.getSnapshot().lastFix).toMatchObject({ acc: 150, weak: true });
  });

  it('pause seals and ends the segment; resume starts a new one', async () => {
    await recorder.start(SESSION, PROCESS);
    await walk(recorder, geo, 0, 3);
    await recorder.pause(SESSION);
    expect(geo.watching).toBe(0);
    expect(await db.trackBuffer.count()).toBe(0);
    expect((await getRecorderState(db, SESSION))?.status).toBe('paused');
    geo.move(-99.0, 19.0, 5, T0 + 999_000); // not watching any more
    await recorder.whenIdle();
    await recorder.resume(SESSION, PROCESS);
    await walk(recorder, geo, 20, 2);
    await recorder.stop(SESSION);
    const sealed = await chunks();
    expect(sealed).toHaveLength(2);
    expect(new Set(sealed.map((c) => c.segmentId)).size).toBe(2);
    const view = await getTourTrack(db, SESSION);
    expect(view.track.segments).toHaveLength(2);
    expect(view.pointCount).toBe(5);
    expect(view.duration).toBe(20_000 + 10_000);
    expect((await getRecorderState(db, SESSION))?.status).toBe('stopped');
    const outbox = await db.outbox.toArray();
    expect(outbox.filter((m) => m.entity === 'trackChunk')).toHaveLength(2);
  });

  it('after a reload, continues in the same segment, records the interruption and loses nothing', async () => {
    await recorder.start(SESSION, PROCESS);
    await walk(recorder, geo, 0, 4); // buffered, not sealed: the tab is then killed
    const segmentId = (await getRecorderState(db, SESSION))!.segmentId;

    // The page reloads: a new database connection, a new recorder and a new watch.
    const db2 = new TequioDb(db.name);
    await db2.open();
    const geo2 = new FakeGeolocation();
    clock = T0 + 5 * 60_000;
    const reloaded = makeRecorder(db2, geo2);
    expect(await reloaded.open(SESSION)).toBe(true);
    expect(geo2.watching).toBe(1);
    // The leftover points were sealed into the same segment.
    expect(await db2.trackBuffer.count()).toBe(0);
    const first = await chunks(db2);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ segmentId, index: 0 });
    expect(first[0]!.points).toHaveLength(4);

    await walk(reloaded, geo2, 30, 10);
    const all = await chunks(db2);
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({ segmentId, index: 1 });
    expect(all[1]!.interruptions).toEqual([
      { from: new Date(T0 + 30_000).toISOString(), to: new Date(T0 + 5 * 60_000).toISOString() },
    ]);
    const view = await getTourTrack(db2, SESSION);
    expect(view.track.segments).toHaveLength(1);
    expect(view.pointCount).toBe(14);
    expect(view.interruptions).toHaveLength(1);
    // Opening again in the same page does not note another interruption.
    expect(await reloaded.open(SESSION)).toBe(false);
    reloaded.dispose();
    db2.close();
  });

  it('shows the interruption before the next chunk is sealed', async () => {
    await recorder.start(SESSION, PROCESS);
    await walk(recorder, geo, 0, 2);
    clock = T0 + 120_000;
    const reloaded = makeRecorder(db, new FakeGeolocation());
    await reloaded.open(SESSION);
    const view = await getTourTrack(db, SESSION);
    expect(view.interruptions).toEqual([
      { from: new Date(T0 + 10_000).toISOString(), to: new Date(T0 + 120_000).toISOString() },
    ]);
    reloaded.dispose();
  });

  it('seals what is buffered when the page is hidden or left', async () => {
    const win = new EventTarget() as unknown as Window;
    const rec = makeRecorder(db, geo, win);
    await rec.start(SESSION, PROCESS);
    await walk(rec, geo, 0, 3);
    win.dispatchEvent(new Event('pagehide'));
    await rec.whenIdle();
    expect(await db.trackBuffer.count()).toBe(0);
    expect(await db.trackChunks.count()).toBe(1);
    rec.dispose();
  });

  it('notes an interruption when the screen was locked, and keeps the screen awake only while recording', async () => {
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' }) as unknown as Document;
    const lock = { released: 0, release: async () => void (lock.released += 1) };
    let requested = 0;
    const rec = new TrackRecorder({
      db,
      geolocation: geo as unknown as Geolocation,
      now: () => new Date(clock),
      doc,
      wakeLock: { request: async () => ((requested += 1), lock) },
    });
    await rec.start(SESSION, PROCESS);
    await walk(rec, geo, 0, 2);
    expect(requested).toBe(1);

    clock = T0 + 15_000;
    Object.assign(doc, { visibilityState: 'hidden' });
    doc.dispatchEvent(new Event('visibilitychange'));
    await rec.whenIdle();
    expect(await db.trackBuffer.count()).toBe(0); // sealed when hidden
    clock = T0 + 4 * 60_000;
    Object.assign(doc, { visibilityState: 'visible' });
    doc.dispatchEvent(new Event('visibilitychange'));
    await rec.whenIdle();
    expect(requested).toBe(2); // asked again: the browser drops it while hidden
    const view = await getTourTrack(db, SESSION);
    expect(view.interruptions).toEqual([
      { from: new Date(T0 + 15_000).toISOString(), to: new Date(T0 + 4 * 60_000).toISOString() },
    ]);

    await rec.pause(SESSION);
    expect(lock.released).toBe(1);
    rec.dispose();
  });

  it('on refused permission, pauses and says so', async () => {
    await recorder.start(SESSION, PROCESS);
    geo.fail(1);
    await recorder.whenIdle();
    expect(recorder.getSnapshot()).toMatchObject({ error: 'permission_denied', errorSessionId: SESSION });
    expect(geo.watching).toBe(0);
    expect((await getRecorderState(db, SESSION))?.status).toBe('paused');
  });

  it('saves a route drawn by hand as a manual chunk without accuracy', async () => {
    await saveDrawnRoute(db, {
      sessionId: SESSION,
      processId: PROCESS,
      points: [
        { lon: -99.06, lat: 19.35 },
        { lon: -99.06, lat: 19.351 },
      ],
    });
    const [only] = await chunks();
    expect(only).toMatchObject({ source: 'manual', index: 0 });
    expect(only!.points.every((p) => p.acc === null)).toBe(true);
    const view = await getTourTrack(db, SESSION);
    expect(view.distance).toBeCloseTo(111.19, 1);
  });
});
