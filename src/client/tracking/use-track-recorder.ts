/**
 * The GPS recorder for the tour screen: one recorder for the page, its
 * commands (start, pause, resume, stop) and its state. The points it records
 * are written to the device at once (data/tracks.repository.ts); nothing here
 * waits on the network.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import { getDb } from '../data/current-db';
import { getRecorderState, type RecorderStatus } from '../data/tracks.repository';
import { TrackRecorder, type RecorderLive } from './track-recorder';

export type { RecorderState, RecorderStatus } from '../data/tracks.repository';
export type { LastFix, RecorderError, RecorderLive } from './track-recorder';

let recorder: TrackRecorder | null = null;

/** This page's recorder (created on first use, on the current database). */
export function getRecorder(): TrackRecorder {
  const db = getDb();
  if (!recorder || recorder.db !== db) {
    recorder?.dispose();
    const nav = typeof navigator === 'undefined' ? null : navigator;
    recorder = new TrackRecorder({
      db,
      geolocation: nav && 'geolocation' in nav ? nav.geolocation : null,
      wakeLock: nav && 'wakeLock' in nav ? (nav.wakeLock as RecorderWakeLock) : null,
      doc: typeof document === 'undefined' ? null : document,
      win: typeof window === 'undefined' ? null : window,
    });
  }
  return recorder;
}
type RecorderWakeLock = NonNullable<ConstructorParameters<typeof TrackRecorder>[0]['wakeLock']>;

export const startTracking = (sessionId: string, processId: string) =>
  getRecorder().start(sessionId, processId);
export const pauseTracking = (sessionId: string) => getRecorder().pause(sessionId);
export const resumeTracking = (sessionId: string, processId: string) =>
  getRecorder().resume(sessionId, processId);
export const stopTracking = (sessionId: string) => getRecorder().stop(sessionId);
/** The tour screen opened: seals leftovers and continues an interrupted recording (true when it did). */
export const openTracking = (sessionId: string) => getRecorder().open(sessionId);

const EMPTY_LIVE: RecorderLive = { activeSessionId: null, lastFix: null, error: null, errorSessionId: null };
const noSubscribe = () => () => undefined;

export interface RecorderStateView {
  status: RecorderStatus;
  /** The device remembers recording but this page is not watching (reload, killed tab, refused). */
  interrupted: boolean;
  /** This page is watching the GPS for this tour. */
  active: boolean;
  live: RecorderLive;
}

/** The recorder's state for a tour: what the device remembers plus what this page is doing. */
export function useRecorderState(sessionId: string): RecorderStateView | undefined {
  const rec = typeof window === 'undefined' ? null : getRecorder();
  const live = useSyncExternalStore(
    rec ? rec.subscribe : noSubscribe,
    rec ? rec.getSnapshot : () => EMPTY_LIVE,
    () => EMPTY_LIVE,
  );
  const stored = useLiveQuery(async () => (await getRecorderState(getDb(), sessionId)) ?? null, [sessionId]);
  if (stored === undefined) return undefined;
  const status = stored?.status ?? 'idle';
  const active = live.activeSessionId === sessionId;
  return { status, active, interrupted: status === 'recording' && !active, live };
}
