/**
 * What the GPS recorder writes for one event of a recording tour: a precise
 * fix into the device's point buffer (with the tour's last point time, in one
 * transaction, so nothing lives only in memory), the page hidden (buffered
 * points sealed, the time noted) and the page back (the gap recorded as an
 * interruption for the next chunk). Each reads the recorder's state from
 * `meta`, so they hold after a reload or a killed tab.
 */
import { interruptionBetween } from '../../domain';
import type { TequioDb } from '../data/db';
import { bufferPoint, getRecorderState, putRecorderState, sealBuffered } from '../data/tracks.repository';

/** Buffers a precise fix; false when the tour is not recording or the fix is not newer than its last point. */
export async function bufferFix(
  db: TequioDb,
  sessionId: string,
  fix: { lon: number; lat: number; acc: number; t: string },
): Promise<boolean> {
  const state = await getRecorderState(db, sessionId);
  if (state?.status !== 'recording') return false;
  if (state.lastPointAt && Date.parse(fix.t) <= Date.parse(state.lastPointAt)) return false; // the same fix again
  await db.transaction('rw', [db.trackBuffer, db.meta], async () => {
    await bufferPoint(db, {
      sessionId,
      processId: state.processId,
      segmentId: state.segmentId,
      source: 'gps',
      lon: fix.lon,
      lat: fix.lat,
      acc: Math.min(fix.acc, 100_000),
      t: fix.t,
    });
    await putRecorderState(db, { ...state, lastPointAt: fix.t });
  });
  return true;
}

/** The page was hidden: seals what is buffered and notes when, while the tour is recording. */
export async function markHidden(db: TequioDb, sessionId: string, at: string): Promise<void> {
  await sealBuffered(db, sessionId);
  const state = await getRecorderState(db, sessionId);
  if (state?.status === 'recording') await putRecorderState(db, { ...state, hiddenAt: at });
}

/** The page is visible again: the time since the last point (or since hidden) becomes an interruption when long enough. */
export async function markVisible(db: TequioDb, sessionId: string, at: string): Promise<void> {
  const state = await getRecorderState(db, sessionId);
  if (state?.status !== 'recording' || !state.hiddenAt) return;
  const last = [state.lastPointAt, state.hiddenAt]
    .filter((x): x is string => !!x)
    .sort()
    .at(-1)!;
  const gap = interruptionBetween(last, at);
  await putRecorderState(db, {
    ...state,
    hiddenAt: null,
    pendingInterruptions: gap ? [...state.pendingInterruptions, gap] : state.pendingInterruptions,
  });
}
