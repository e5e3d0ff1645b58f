/**
 * The sync engine (plain TypeScript: `start`, `stop`, `syncNow`,
 * `subscribe`). One cycle uploads pending photos and audio (resumable,
 * never holding up the records: blob-uploader.ts; confirmed copies are freed
 * in the background under storage pressure: blob-eviction.ts), pushes the outbox in
 * batches, then pulls pages until the server has nothing more, merging
 * every field by hlc so local edits that are newer survive.
 *
 * A device that never completed a sync pulls with `estimate=1` and reports
 * its first download's progress in the status (`download`), so screens
 * never call it up to date, or empty, before it has the server's data.
 *
 * Offline it does nothing and loses nothing: the outbox waits. Failures are
 * retried with exponential backoff and jitter; a new server epoch (restored
 * backup) or a mutation gap makes it re-queue everything it holds under a
 * new clientId. Only one tab syncs at a time (Web Locks); cycles are
 * triggered on start, on `online`, after local writes, periodically and on
 * demand.
 *
 * Every answer's `serverTime` tells how far the device's clock is off: the
 * status shows it, and beyond the warning threshold the device stamps with
 * the server-corrected time (data/device-clock.ts). Changes the server stored
 * with its own time (`clock_ahead`) are counted in the status until a cycle
 * finds the device's clock right again and nothing re-stamped.
 */
import { liveQuery, type Subscription } from 'dexie';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { PROTOCOL_LIMITS } from '../../domain';
import type { TequioDb } from '../data/db';
import { accountApi } from '../data/account.repository';
import { requeueConfirmedBlobs } from '../data/blobs.repository';
import { evictorFor, type BlobEvictor } from '../data/blob-eviction';
import { learnClockOffset } from '../data/device-clock';
import { ApiError, type ApiClient } from '../net/api-client';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { createBlobUploader, type BlobUploader } from './blob-uploader';
import { resetForNewEpoch } from './epoch-reset';
import type { CycleResult, SyncStatus } from './sync-status';
import { pullAll, pullReviewNotices, pushAll, type TransferContext } from './sync-transfer';
import { webLocks } from '../data/web-locks';

export type { CycleResult, DownloadProgress, SyncPhase, SyncStatus } from './sync-status';

export interface SyncEngineOptions {
  db: TequioDb;
  api?: ApiClient;
  baseUrl?: string;
  pushBatchSize?: number;
  pullLimit?: number;
  periodicMs?: number;
  debounceMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  /** Web Locks; null to use an in-process lock only (Node, old browsers). */
  locks?: LockManager | null;
  /** Uploads pending photos and audio first in each cycle; default: one over `baseUrl`; null: none. */
  blobs?: BlobUploader | null;
  /** Frees confirmed copies under storage pressure (at start, after uploads); default: the db's; null: none. */
  evictor?: BlobEvictor | null;
}

export interface SyncEngine {
  start(): void;
  stop(): void;
  /** Runs a cycle now (after the one in progress, if any) and resolves with its result. */
  syncNow(): Promise<CycleResult>;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  getStatus(): SyncStatus;
  readonly store: StoreApi<SyncStatus>;
}

const LOCK_NAME = 'tequio-sync';
/** A push of a full batch or a pull of a full page on a slow link takes a while. */
const SYNC_TIMEOUT_MS = 60_000;

function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db } = options;
  const api = options.api ?? accountApi(db, options.baseUrl, SYNC_TIMEOUT_MS);
  const pushBatchSize = options.pushBatchSize ?? PROTOCOL_LIMITS.maxMutationsPerPush;
  const pullLimit = options.pullLimit ?? PROTOCOL_LIMITS.defaultPullLimit;
  const periodicMs = options.periodicMs ?? 60_000;
  const debounceMs = options.debounceMs ?? 800;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const blobs =
    options.blobs !== undefined ? options.blobs : createBlobUploader({ db, baseUrl: options.baseUrl ?? '' });
  const evictor = options.evictor !== undefined ? options.evictor : evictorFor(db);
  const locks = webLocks(options.locks);

  const store = createStore<SyncStatus>(() => ({
    online: isOnline(),
    phase: 'idle',
    lastSyncAt: null,
    lastError: null,
    clockSkewMs: null,
    restamped: null,
    download: null,
  }));
  const set = (patch: Partial<SyncStatus>) => store.setState(patch);

  let running: Promise<CycleResult> | null = null;
  let again = false;
  let failures = 0;
  let started = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let periodicTimer: ReturnType<typeof setInterval> | undefined;
  let outboxSub: Subscription | undefined;
  const cleanups: (() => void)[] = [];

  async function noteServerTime(serverTime: string) {
    const skew = await learnClockOffset(db, serverTime);
    if (skew !== null) set({ clockSkewMs: skew });
  }

  const transfer: TransferContext = { db, api, pushBatchSize, pullLimit, set, noteServerTime };

  /** After a whole cycle: the re-stamp notice ends once the clock is right and nothing was re-stamped. */
  async function settleRestampNotice(result: CycleResult) {
    const skew = store.getState().clockSkewMs;
    const clockRight = skew !== null && Math.abs(skew) <= PROTOCOL_LIMITS.clockSkewWarningMs;
    if (!result.restamped && clockRight && (await db.getMeta('restamped'))) {
      await db.setMeta('restamped', null);
      set({ restamped: null });
    }
  }

  async function runCycle(): Promise<CycleResult> {
    const result: CycleResult = { ok: false, pushed: 0, rejected: 0, pulled: 0 };
    const online = isOnline();
    set({ online });
    if (!online) return { ...result, error: 'offline' };
    const account = await db.getMeta('account');
    if (!account) {
      set({ phase: 'needs_login' });
      return { ...result, error: 'unauthenticated' };
    }
    set({ phase: 'syncing' });
    // Bytes before the records that point at them; a failed upload never holds the records back.
    const confirmed = blobs ? (await blobs.uploadPending()).confirmed : 0;
    if (confirmed > 0) result.blobsConfirmed = confirmed;
    // A new epoch or a gap is handled by re-queuing, then the cycle goes on once more.
    for (let resets = 0; ; resets++) {
      try {
        await pushAll(transfer, result);
        await pullAll(transfer, result);
        await pullReviewNotices(transfer);
        await settleRestampNotice(result);
        const now = new Date().toISOString();
        await db.setMeta('lastSyncAt', now);
        failures = 0;
        // The network may have gone while the last response was on its way: trust the browser.
        set({ phase: 'idle', lastSyncAt: now, lastError: null, online: isOnline(), download: null });
        return { ...result, ok: true };
      } catch (error) {
        const e = error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error));
        if ((e.code === 'epoch_changed' || e.code === 'mutation_gap') && resets < 2) {
          await resetForNewEpoch(db);
          await requeueConfirmedBlobs(db);
          continue;
        }
        if (e.status === 401) {
          set({ phase: 'needs_login', lastError: e.code, download: null });
          return { ...result, error: e.code };
        }
        set({
          phase: 'error',
          lastError: e.code,
          online: e.code !== 'network' && isOnline(),
          download: null,
        });
        scheduleRetry();
        return { ...result, error: e.code };
      }
    }
  }

  /** Never awaited: eviction neither delays a cycle nor fails one. */
  const evictInBackground = () => void evictor?.run().catch(() => undefined);

  function scheduleRetry() {
    if (!started) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void syncNow(), backoffDelay(failures++, backoff, random));
  }

  async function withLock(fn: () => Promise<CycleResult>): Promise<CycleResult> {
    if (!locks) return fn();
    return locks.request(LOCK_NAME, fn) as Promise<CycleResult>;
  }

  function syncNow(): Promise<CycleResult> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let result: CycleResult;
      do {
        again = false;
        result = await withLock(runCycle);
        if (result.blobsConfirmed) evictInBackground();
      } while (again && result.ok);
      return result;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function scheduleSoon() {
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => void syncNow(), debounceMs);
  }

  return {
    store,
    getStatus: () => store.getState(),
    subscribe: (listener) => store.subscribe(listener),
    syncNow,
    start() {
      if (started) return;
      started = true;
      void db.getMeta('lastSyncAt').then((lastSyncAt) => {
        if (lastSyncAt && !store.getState().lastSyncAt) set({ lastSyncAt });
      });
      void db.getMeta('restamped').then((restamped) => {
        if (restamped && !store.getState().restamped) set({ restamped });
      });
      if (typeof window !== 'undefined') {
        const onOnline = () => {
          set({ online: true });
          failures = 0;
          void syncNow();
        };
        const onOffline = () => set({ online: false });
        window.addEventListener('online', onOnline);
        window.addEventListener('offline', onOffline);
        cleanups.push(() => {
          window.removeEventListener('online', onOnline);
          window.removeEventListener('offline', onOffline);
        });
      }
      let lastCount = -1;
      outboxSub = liveQuery(() => db.outbox.count()).subscribe({
        next: (count) => {
          if (count > lastCount && lastCount !== -1) scheduleSoon();
          lastCount = count;
        },
        error: () => undefined,
      });
      periodicTimer = setInterval(() => void syncNow(), periodicMs);
      void syncNow();
      evictInBackground();
    },
    stop() {
      started = false;
      clearTimeout(retryTimer);
      clearTimeout(debounceTimer);
      clearInterval(periodicTimer);
      outboxSub?.unsubscribe();
      cleanups.splice(0).forEach((fn) => fn());
    },
  };
}
