/**
 * The GPS recorder of a territorial tour (plain TypeScript, no React).
 *
 * Every position the browser delivers is written to the device's point
 * buffer at once — nothing lives only in memory — and buffered points are
 * sealed into append-only chunks every 10 points or 30 s, on pause, on stop
 * and when the page is hidden. The recorder's state lives in `meta`, so after
 * a reload or a killed tab the tour screen knows tracking was interrupted and
 * continues in the same segment, noting the interruption in the next chunk.
 * What each event writes is in track-events.ts.
 */
import { interruptionBetween, isTrackable, newId } from '../../domain';
import type { TequioDb } from '../data/db';
import {
  getRecorderState,
  listRecordingStates,
  putRecorderState,
  sealBuffered,
  type RecorderState,
} from '../data/tracks.repository';
import { bufferFix, markHidden, markVisible } from './track-events';

export const SEAL_EVERY_POINTS = 10;
export const SEAL_EVERY_MS = 30_000;

export type RecorderError = 'permission_denied' | 'unavailable' | 'timeout' | 'unsupported';

/** The last position the browser gave, even when too imprecise for the track ("señal débil"). */
export interface LastFix {
  lon: number;
  lat: number;
  acc: number;
  t: string;
  weak: boolean;
}

/** What only this page knows: whether it is watching, the last fix and the last error. */
export interface RecorderLive {
  /** The session this page is recording right now (null when not watching). */
  activeSessionId: string | null;
  lastFix: LastFix | null;
  error: RecorderError | null;
  /** The tour the error is about. */
  errorSessionId: string | null;
}

interface WakeLockLike {
  release(): Promise<void>;
}

export interface RecorderDeps {
  db: TequioDb;
  geolocation?: Geolocation | null;
  now?: () => Date;
  /** `navigator.wakeLock`, when the browser has it. */
  wakeLock?: { request(type: 'screen'): Promise<WakeLockLike> } | null;
  /** Where to listen for visibilitychange/pagehide (absent in tests without a page). */
  doc?: Document | null;
  win?: Window | null;
}

export class TrackRecorder {
  readonly db: TequioDb;
  private readonly geolocation: Geolocation | null;
  private readonly now: () => Date;
  private readonly wakeLockApi: RecorderDeps['wakeLock'];
  private readonly doc: Document | null;
  private readonly win: Window | null;
  private watchId: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private wakeLock: WakeLockLike | null = null;
  private live: RecorderLive = { activeSessionId: null, lastFix: null, error: null, errorSessionId: null };
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private bufferedSinceSeal = 0;

  constructor(deps: RecorderDeps) {
    this.db = deps.db;
    this.geolocation = deps.geolocation ?? null;
    this.now = deps.now ?? (() => new Date());
    this.wakeLockApi = deps.wakeLock ?? null;
    this.doc = deps.doc ?? null;
    this.win = deps.win ?? null;
    this.doc?.addEventListener('visibilitychange', this.onVisibility);
    this.win?.addEventListener('pagehide', this.onPageHide);
  }

  // --- live state for the UI ---
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = (): RecorderLive => this.live;
  private setLive(patch: Partial<RecorderLive>): void {
    this.live = { ...this.live, ...patch };
    this.listeners.forEach((l) => l());
  }

  /** Resolves when every write queued so far has finished. */
  async whenIdle(): Promise<void> {
    let seen: Promise<unknown> | null = null;
    while (seen !== this.queue) {
      seen = this.queue;
      await seen;
    }
  }

  /** Runs writes one after the other, so a seal never races a point. */
  private run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private iso(): string {
    return this.now().toISOString();
  }

  /** Starts a tour (a new segment); any other tour still marked as recording is paused first. */
  start(sessionId: string, processId: string): Promise<void> {
    return this.run(async () => {
      await this.stopOthers(sessionId);
      await this.beginSegment(sessionId, processId);
    });
  }

  /** After a pause: a new segment of the same tour. */
  resume(sessionId: string, processId: string): Promise<void> {
    return this.start(sessionId, processId);
  }

  /** Pauses: seals what is buffered; the segment ends. */
  pause(sessionId: string): Promise<void> {
    return this.run(() => this.halt(sessionId, 'paused'));
  }

  /** Ends the tour: seals what is buffered. */
  stop(sessionId: string): Promise<void> {
    return this.run(() => this.halt(sessionId, 'stopped'));
  }

  /** Seals the session's buffered points now. */
  seal(sessionId: string): Promise<number> {
    return this.run(async () => {
      this.bufferedSinceSeal = 0;
      return sealBuffered(this.db, sessionId);
    });
  }

  /**
   * The tour screen opened: seals leftover buffered points and, when the
   * state says recording but this page is not watching (a reload, a killed
   * tab), notes the interruption and continues in the same segment.
   * Returns whether it continued an interrupted recording.
   */
  open(sessionId: string): Promise<boolean> {
    return this.run(async () => {
      await sealBuffered(this.db, sessionId);
      const state = await getRecorderState(this.db, sessionId);
      if (state?.status !== 'recording' || this.live.activeSessionId === sessionId) return false;
      await this.stopOthers(sessionId);
      const from = state.lastPointAt ?? state.hiddenAt ?? state.startedAt;
      const gap = interruptionBetween(from, this.iso(), 0);
      await putRecorderState(this.db, {
        ...state,
        hiddenAt: null,
        pendingInterruptions: gap ? [...state.pendingInterruptions, gap] : state.pendingInterruptions,
      });
      this.watch(sessionId);
      return true;
    });
  }

  /** Stops watching (the page is leaving); the state stays as it is. */
  dispose(): void {
    this.clearWatch();
    this.doc?.removeEventListener('visibilitychange', this.onVisibility);
    this.win?.removeEventListener('pagehide', this.onPageHide);
    this.setLive({ activeSessionId: null });
  }

  private async beginSegment(sessionId: string, processId: string): Promise<void> {
    await sealBuffered(this.db, sessionId);
    const state: RecorderState = {
      sessionId,
      processId,
      status: 'recording',
      segmentId: newId(),
      nextIndex: 0,
      lastPointAt: null,
      startedAt: this.iso(),
      pendingInterruptions: [],
      hiddenAt: null,
    };
    await putRecorderState(this.db, state);
    this.watch(sessionId);
  }

  private async halt(sessionId: string, status: 'paused' | 'stopped'): Promise<void> {
    if (this.live.activeSessionId === sessionId) this.clearWatch();
    await sealBuffered(this.db, sessionId);
    const state = await getRecorderState(this.db, sessionId);
    if (state) await putRecorderState(this.db, { ...state, status, hiddenAt: null });
  }

  private async stopOthers(sessionId: string): Promise<void> {
    for (const other of await listRecordingStates(this.db))
      if (other.sessionId !== sessionId) await this.halt(other.sessionId, 'paused');
  }

  private watch(sessionId: string): void {
    this.clearWatch();
    this.bufferedSinceSeal = 0;
    if (!this.geolocation) {
      this.setLive({ activeSessionId: null, error: 'unsupported', errorSessionId: sessionId });
      return;
    }
    this.setLive({ activeSessionId: sessionId, error: null, lastFix: null });
    this.watchId = this.geolocation.watchPosition(
      (position) => void this.run(() => this.onPosition(sessionId, position)),
      (error) => void this.run(() => this.onError(sessionId, error)),
      { enableHighAccuracy: true, maximumAge: 0, timeout: 60_000 },
    );
    this.timer = setInterval(() => {
      void this.seal(sessionId).catch(() => undefined);
    }, SEAL_EVERY_MS);
    void this.keepAwake();
  }

  private clearWatch(): void {
    if (this.watchId !== null) this.geolocation?.clearWatch(this.watchId);
    this.watchId = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    void this.wakeLock?.release().catch(() => undefined);
    this.wakeLock = null;
    if (this.live.activeSessionId) this.setLive({ activeSessionId: null });
  }

  private async keepAwake(): Promise<void> {
    if (!this.wakeLockApi || this.wakeLock) return;
    try {
      this.wakeLock = await this.wakeLockApi.request('screen');
    } catch {
      // Not allowed right now (e.g. the page is hidden); tried again when it is visible.
    }
  }

  private async onPosition(sessionId: string, position: GeolocationPosition): Promise<void> {
    if (this.live.activeSessionId !== sessionId) return;
    const { longitude: lon, latitude: lat, accuracy } = position.coords;
    const t = new Date(position.timestamp).toISOString();
    const acc = Math.round(accuracy * 10) / 10;
    const weak = !isTrackable(acc);
    this.setLive({ lastFix: { lon, lat, acc, t, weak }, error: null });
    if (weak) return;
    if (!(await bufferFix(this.db, sessionId, { lon, lat, acc, t }))) return;
    this.bufferedSinceSeal += 1;
    if (this.bufferedSinceSeal >= SEAL_EVERY_POINTS) {
      this.bufferedSinceSeal = 0;
      await sealBuffered(this.db, sessionId);
    }
  }

  private async onError(sessionId: string, error: GeolocationPositionError): Promise<void> {
    if (error.code === 1) {
      // Refused: no point in watching; the tour is paused and the route can be drawn by hand.
      await this.halt(sessionId, 'paused');
      this.setLive({ error: 'permission_denied', errorSessionId: sessionId });
      return;
    }
    this.setLive({ error: error.code === 3 ? 'timeout' : 'unavailable', errorSessionId: sessionId });
  }

  private readonly onVisibility = (): void => {
    const sessionId = this.live.activeSessionId;
    if (!sessionId || !this.doc) return;
    if (this.doc.visibilityState === 'hidden') {
      this.wakeLock = null; // the browser releases it with the page hidden
      void this.run(() => markHidden(this.db, sessionId, this.iso())).catch(() => undefined);
    } else {
      void this.run(() => markVisible(this.db, sessionId, this.iso())).catch(() => undefined);
      void this.keepAwake();
    }
  };

  private readonly onPageHide = (): void => {
    const sessionId = this.live.activeSessionId;
    if (sessionId) void this.seal(sessionId).catch(() => undefined);
  };
}
