/**
 * Tour tracks on the device: the point buffer (every position the browser
 * delivers, written at once), sealing buffered points into append-only
 * `trackChunk` records, the recorder's state kept in `meta` so a reload or a
 * killed tab can be told and continued, and routes drawn by hand.
 *
 * Offline: everything here reads and writes the device's database only.
 * Sealing writes the chunk (record + outbox entry) and deletes the sealed
 * buffer rows in ONE transaction, so a point is always either buffered or in
 * a chunk, never lost and never in two chunks. Under conflict: chunks are
 * never edited, so two devices never write the same record differently.
 */
import {
  assembleTrack,
  newId,
  trackDistance,
  trackDuration,
  trackPointCount,
  type Track,
  type TrackChunk,
  type TrackPoint,
} from '../../domain';
import type { BufferedTrackPoint, TequioDb } from './db';
import { isLive, writeLocal } from './records.repository';

export type RecorderStatus = 'idle' | 'recording' | 'paused' | 'stopped';

/** What the device remembers of a tour's recording (meta key `tours.recorder:<sessionId>`). */
export interface RecorderState {
  sessionId: string;
  processId: string;
  status: Exclude<RecorderStatus, 'idle'>;
  /** The segment being recorded (or the last one). */
  segmentId: string;
  /** Index of the next chunk of that segment. */
  nextIndex: number;
  /** Time of the last point recorded (ISO), null before the first. */
  lastPointAt: string | null;
  /** When the segment started (ISO). */
  startedAt: string;
  /** Interruptions noted but not yet sealed into a chunk. */
  pendingInterruptions: { from: string; to: string }[];
  /** When the page was last hidden while recording (ISO). */
  hiddenAt?: string | null;
}

const STATE_PREFIX = 'tours.recorder:';
/** Points per chunk at most when sealing a large leftover buffer. */
const MAX_CHUNK_POINTS = 500;

export function stateKey(sessionId: string): string {
  return `${STATE_PREFIX}${sessionId}`;
}

export async function getRecorderState(db: TequioDb, sessionId: string): Promise<RecorderState | null> {
  const row = await db.meta.get(stateKey(sessionId));
  return row ? (row.value as RecorderState) : null;
}

export async function putRecorderState(db: TequioDb, state: RecorderState): Promise<void> {
  await db.meta.put({ key: stateKey(state.sessionId), value: state });
}

/** Every tour this device remembers as recording (a reload or killed tab leaves them so). */
export async function listRecordingStates(db: TequioDb): Promise<RecorderState[]> {
  const rows = await db.meta.where(':id').startsWith(STATE_PREFIX).toArray();
  return rows.map((r) => r.value as RecorderState).filter((s) => s.status === 'recording');
}

/** Buffers one point at once (one small write). */
export async function bufferPoint(db: TequioDb, point: Omit<BufferedTrackPoint, 'key'>): Promise<void> {
  await db.trackBuffer.add(point);
}

async function listChunks(db: TequioDb, sessionId: string): Promise<TrackChunk[]> {
  const rows = await db.trackChunks.where('fields.sessionId').equals(sessionId).toArray();
  return rows.filter(isLive).map((r) => r.fields);
}

/**
 * Seals the session's buffered points into chunks (one per segment), with
 * the interruptions noted in the recorder's state. Returns how many points it sealed.
 */
export async function sealBuffered(db: TequioDb, sessionId: string): Promise<number> {
  return db.transaction('rw', [db.trackBuffer, db.trackChunks, db.outbox, db.meta], async () => {
    const rows = await db.trackBuffer.where('sessionId').equals(sessionId).sortBy('key');
    if (rows.length === 0) return 0;
    const state = await getRecorderState(db, sessionId);
    const chunks = await listChunks(db, sessionId);
    const bySegment = new Map<string, BufferedTrackPoint[]>();
    for (const row of rows) bySegment.set(row.segmentId, [...(bySegment.get(row.segmentId) ?? []), row]);
    let interruptions = state?.pendingInterruptions ?? [];
    let nextIndexOfCurrent = state?.nextIndex ?? 0;
    for (const [segmentId, points] of bySegment) {
      const existing = chunks.filter((c) => c.segmentId === segmentId).map((c) => c.index);
      let index = Math.max(existing.length ? Math.max(...existing) + 1 : 0, 0);
      if (state && segmentId === state.segmentId) index = Math.max(index, state.nextIndex);
      for (let i = 0; i < points.length; i += MAX_CHUNK_POINTS) {
        const slice = points.slice(i, i + MAX_CHUNK_POINTS);
        const fields: TrackChunk = {
          processId: slice[0]!.processId,
          sessionId,
          segmentId,
          index,
          source: slice[0]!.source,
          points: slice.map(({ lon, lat, acc, t }) => ({ lon, lat, acc, t })),
          ...(interruptions.length > 0 && (!state || segmentId === state.segmentId) ? { interruptions } : {}),
        };
        if (fields.interruptions) interruptions = [];
        await writeLocal(db, 'trackChunk', newId(), { op: 'put', fields });
        index += 1;
      }
      if (state && segmentId === state.segmentId) nextIndexOfCurrent = index;
    }
    await db.trackBuffer.bulkDelete(rows.map((r) => r.key!));
    if (state)
      await putRecorderState(db, {
        ...state,
        nextIndex: nextIndexOfCurrent,
        pendingInterruptions: interruptions,
      });
    return rows.length;
  });
}

/** Saves a route drawn on the map as one manual chunk (its own segment). Returns the segment id. */
export async function saveDrawnRoute(
  db: TequioDb,
  input: { sessionId: string; processId: string; points: { lon: number; lat: number }[] },
  now: Date = new Date(),
): Promise<string> {
  const segmentId = newId();
  const start = now.getTime();
  const points: TrackPoint[] = input.points.map((p, i) => ({
    lon: p.lon,
    lat: p.lat,
    acc: null,
    t: new Date(start + i).toISOString(),
  }));
  const fields: TrackChunk = {
    processId: input.processId,
    sessionId: input.sessionId,
    segmentId,
    index: 0,
    source: 'manual',
    points,
  };
  await writeLocal(db, 'trackChunk', newId(), { op: 'put', fields });
  return segmentId;
}

export interface TourTrackView {
  track: Track;
  /** Metres. */
  distance: number;
  /** Milliseconds. */
  duration: number;
  pointCount: number;
  interruptions: { from: string; to: string }[];
}

/** The tour's track from its sealed chunks, the points still buffered and the interruptions not yet sealed. */
export async function getTourTrack(db: TequioDb, sessionId: string): Promise<TourTrackView> {
  const [chunks, buffered, state] = await Promise.all([
    listChunks(db, sessionId),
    db.trackBuffer.where('sessionId').equals(sessionId).toArray(),
    getRecorderState(db, sessionId),
  ]);
  const pseudo: TrackChunk[] = [];
  const bySegment = new Map<string, BufferedTrackPoint[]>();
  for (const row of buffered) bySegment.set(row.segmentId, [...(bySegment.get(row.segmentId) ?? []), row]);
  for (const [segmentId, points] of bySegment)
    pseudo.push({
      processId: points[0]!.processId,
      sessionId,
      segmentId,
      index: 100_000,
      source: points[0]!.source,
      points: points.map(({ lon, lat, acc, t }) => ({ lon, lat, acc, t })),
    });
  const track = assembleTrack([...chunks, ...pseudo]);
  const interruptions = [...track.interruptions];
  for (const gap of state?.pendingInterruptions ?? [])
    if (!interruptions.some((g) => g.from === gap.from && g.to === gap.to)) interruptions.push(gap);
  interruptions.sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  return {
    track,
    distance: trackDistance(track),
    duration: trackDuration(track),
    pointCount: trackPointCount(track),
    interruptions,
  };
}
