/**
 * Photo and audio eviction: frees the device copies the server has confirmed
 * when the device runs short of room, so a season of field photos does not
 * fill the tablet. Plain TypeScript (no React): the sync engine runs it after
 * a cycle confirms uploads and at start-up, the data layer after storing a
 * photo and when a photo does not fit.
 *
 * What is freed, and why (ADR 0002):
 * - only copies the server confirmed (`uploaded`), never a `pending` one;
 * - only when storage is under pressure: the site uses more than 80 % of its
 *   quota (`navigator.storage.estimate()`; the sync page warns at the same
 *   share) or the kept copies pass 512 MiB — then it frees until under 70 % /
 *   384 MiB, so the next photos do not start it again at once;
 * - only copies idle for a week: confirmed (or downloaded) and not shown for
 *   7 days. A restore of the server from a backup less than a week old still
 *   holds every photo a device freed, and a photo just looked at is not
 *   downloaded again and again;
 * - never the photos of sessions dated and tour notes taken within a week of
 *   today (before or after): the work in progress, shown in the field and at
 *   the next assembly, often without signal;
 * - least recently used first (last shown, else confirmed).
 *
 * Offline it works the same (it reads the device only). A freed photo leaves
 * a note in `evictedBlobs` and is downloaded again when shown online
 * (`loadBlob`). Several tabs never evict at once (Web Locks where available).
 */
import { collectBlobHashes } from '../../domain';
import { evictBlobs, storePhoto, StorageFullError } from './blobs.repository';
import type { LocalBlob, TequioDb } from './db';
import { webLocks } from './web-locks';

const MiB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

export const EVICTION_POLICY = {
  /** Under pressure above this share of the site's quota… */
  maxUsageRatio: 0.8,
  /** …and freed until back under this share. */
  targetUsageRatio: 0.7,
  /** Under pressure when the kept copies of photos and audio (pending included) pass this… */
  maxBlobBytes: 512 * MiB,
  /** …and freed until back under this. */
  targetBlobBytes: 384 * MiB,
  /** A confirmed copy may go once it was confirmed (or downloaded) and last shown this long ago. */
  minIdleMs: 7 * DAY_MS,
  /** Photos of sessions and tour notes dated within this span of today stay on the device. */
  keepRecordsWithinMs: 7 * DAY_MS,
} as const;
export type EvictionPolicy = { [K in keyof typeof EVICTION_POLICY]: number };

/** The part of `navigator.storage` eviction reads (missing in older browsers and in Node). */
export interface StorageEstimator {
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export interface EvictionOptions {
  policy?: Partial<EvictionPolicy>;
  /** Where the usage and quota come from; default `navigator.storage`, null: the cap only. */
  storage?: StorageEstimator | null;
  now?: () => number;
}

export interface EvictionReport {
  /** What put storage under pressure: the quota share, the cap on kept copies, or a photo that did not fit. */
  pressure: 'quota' | 'cap' | 'full' | null;
  evicted: number;
  freedBytes: number;
  /** Bytes still to free that no copy could give (everything left is pending, recent or in use). */
  shortBytes: number;
}

function browserStorage(): StorageEstimator | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

async function readEstimate(storage: StorageEstimator | null) {
  try {
    const estimate = await storage?.estimate?.();
    const usage = estimate?.usage;
    const quota = estimate?.quota;
    return typeof usage === 'number' && typeof quota === 'number' && quota > 0 ? { usage, quota } : null;
  } catch {
    return null; // some browsers refuse it in private mode: the cap still holds
  }
}

/** Hashes of the photos the work in progress needs offline: sessions and tour notes dated within a week. */
export async function essentialBlobHashes(db: TequioDb, now: number, withinMs: number): Promise<Set<string>> {
  const fromDay = new Date(now - withinMs).toISOString().slice(0, 10);
  const toDay = new Date(now + withinMs).toISOString().slice(0, 10);
  const from = new Date(now - withinMs).toISOString();
  const to = new Date(now + withinMs).toISOString();
  const hashes = new Set<string>();
  await db.transaction('r', db.sessions, db.tourNotes, async () => {
    await db.sessions.each((row) => {
      const date = row.fields.date;
      if (!row.deleted && typeof date === 'string' && date >= fromDay && date <= toDay)
        collectBlobHashes(row.fields, hashes);
    });
    await db.tourNotes.each((row) => {
      const takenAt = row.fields.takenAt;
      if (!row.deleted && typeof takenAt === 'string' && takenAt >= from && takenAt <= to)
        collectBlobHashes(row.fields, hashes);
    });
  });
  return hashes;
}

/** When a copy was last confirmed, downloaded or shown (the later); undefined for copies confirmed before eviction existed. */
function idleSince(row: LocalBlob): number | undefined {
  if (!row.confirmedAt) return undefined;
  return Math.max(Date.parse(row.confirmedAt), row.lastUsedAt ? Date.parse(row.lastUsedAt) : 0);
}

/**
 * The confirmed copies that may be freed now, least recently used first. A
 * copy confirmed before this device knew when (an older version of the app)
 * gets today as its confirmation date, so its week starts now.
 */
export async function evictionCandidates(
  db: TequioDb,
  now: number,
  policy: EvictionPolicy = EVICTION_POLICY,
): Promise<LocalBlob[]> {
  const essential = await essentialBlobHashes(db, now, policy.keepRecordsWithinMs);
  const confirmed = await db.blobs.where('status').equals('uploaded').toArray();
  const undated = confirmed.filter((row) => !row.confirmedAt).map((row) => row.sha256);
  if (undated.length > 0) {
    const confirmedAt = new Date(now).toISOString();
    await db.blobs
      .where('sha256')
      .anyOf(undated)
      .filter((row) => row.status === 'uploaded' && !row.confirmedAt)
      .modify({ confirmedAt });
  }
  return confirmed
    .filter((row) => {
      const since = idleSince(row);
      return since !== undefined && now - since >= policy.minIdleMs && !essential.has(row.sha256);
    })
    .sort((a, b) => idleSince(a)! - idleSince(b)! || (a.sha256 < b.sha256 ? -1 : 1));
}

/** Bytes of every copy kept on the device (pending and confirmed). */
async function keptBytes(db: TequioDb): Promise<number> {
  let total = 0;
  await db.blobs.each((row) => {
    total += row.size;
  });
  return total;
}

/**
 * Frees confirmed copies while storage is under pressure (see the header),
 * or at least `atLeastBytes` (a photo that did not fit). Never throws on a
 * browser without a storage estimate: the cap on kept copies still applies.
 */
export async function evictUnderPressure(
  db: TequioDb,
  options: EvictionOptions & { atLeastBytes?: number } = {},
): Promise<EvictionReport> {
  const policy = { ...EVICTION_POLICY, ...options.policy };
  const now = (options.now ?? Date.now)();
  const estimate = await readEstimate(options.storage === undefined ? browserStorage() : options.storage);
  const kept = await keptBytes(db);
  let pressure: EvictionReport['pressure'] = null;
  let need = 0;
  if (estimate && estimate.usage / estimate.quota > policy.maxUsageRatio) {
    pressure = 'quota';
    need = estimate.usage - policy.targetUsageRatio * estimate.quota;
  }
  if (kept > policy.maxBlobBytes && kept - policy.targetBlobBytes > need) {
    pressure = 'cap';
    need = kept - policy.targetBlobBytes;
  }
  if (options.atLeastBytes && options.atLeastBytes > need) {
    pressure = 'full';
    need = options.atLeastBytes;
  }
  const report: EvictionReport = { pressure, evicted: 0, freedBytes: 0, shortBytes: 0 };
  if (need <= 0) return report;

  const chosen: string[] = [];
  let planned = 0;
  for (const row of await evictionCandidates(db, now, policy)) {
    if (planned >= need) break;
    chosen.push(row.sha256);
    planned += row.size;
  }
  const freed = await evictBlobs(db, chosen, new Date(now));
  report.evicted = freed.evicted;
  report.freedBytes = freed.freedBytes;
  report.shortBytes = Math.max(0, Math.ceil(need - freed.freedBytes));
  return report;
}

export interface BlobEvictor {
  /** One pass (a call during a pass shares it); never throws. */
  run(options?: { atLeastBytes?: number }): Promise<EvictionReport>;
}

const LOCK_NAME = 'tequio-blob-eviction';
const NOTHING: EvictionReport = { pressure: null, evicted: 0, freedBytes: 0, shortBytes: 0 };

export function createBlobEvictor(
  options: EvictionOptions & { db: TequioDb; locks?: LockManager | null },
): BlobEvictor {
  const { db } = options;
  const locks = webLocks(options.locks);
  let running: Promise<EvictionReport> | null = null;

  const pass = (atLeastBytes?: number) => evictUnderPressure(db, { ...options, atLeastBytes });
  // Another tab evicting right now is enough: a second pass would read the same stale estimate.
  const exclusive = (atLeastBytes?: number): Promise<EvictionReport> =>
    locks
      ? (locks.request(LOCK_NAME, { ifAvailable: true }, (lock) =>
          lock ? pass(atLeastBytes) : NOTHING,
        ) as Promise<EvictionReport>)
      : pass(atLeastBytes);

  return {
    run(runOptions = {}) {
      if (running && !runOptions.atLeastBytes) return running;
      const next = (running ?? Promise.resolve(NOTHING))
        .then(() => exclusive(runOptions.atLeastBytes))
        .catch(() => NOTHING)
        .finally(() => {
          if (running === next) running = null;
        });
      running = next;
      return next;
    },
  };
}

const evictors = new WeakMap<TequioDb, BlobEvictor>();

/** The evictor of this database in this tab (shared by the sync engine and the screens). */
export function evictorFor(db: TequioDb): BlobEvictor {
  let evictor = evictors.get(db);
  if (!evictor) {
    evictor = createBlobEvictor({ db });
    evictors.set(db, evictor);
  }
  return evictor;
}

/**
 * Stores a photo (see `storePhoto`), freeing confirmed copies first when it
 * does not fit; then checks the pressure in the background. Still throws
 * `StorageFullError` when nothing could be freed.
 */
export async function storePhotoMakingRoom(
  db: TequioDb,
  file: Blob,
  evictor: BlobEvictor = evictorFor(db),
  store: typeof storePhoto = storePhoto,
) {
  let ref;
  try {
    ref = await store(db, file);
  } catch (error) {
    if (!(error instanceof StorageFullError)) throw error;
    const freed = await evictor.run({ atLeastBytes: file.size });
    if (freed.evicted === 0) throw error;
    ref = await store(db, file);
  }
  void evictor.run();
  return ref;
}
