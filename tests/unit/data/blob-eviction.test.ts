/**
 * Eviction of confirmed photo copies on the device (Dexie on fake-indexeddb), with the browser's
 * storage estimate stubbed: what goes first, what never goes, and that a freed photo comes back.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newId, type BlobRef } from '../../../src/domain';
import {
  createBlobEvictor,
  EVICTION_POLICY,
  evictUnderPressure,
  storePhotoMakingRoom,
  type StorageEstimator,
} from '../../../src/client/data/blob-eviction';
import {
  evictBlobs,
  evictedBlobsSummary,
  isEvicted,
  loadBlob,
  requeueConfirmedBlobs,
  storeBlob,
  StorageFullError,
} from '../../../src/client/data/blobs.repository';
import { TequioDb } from '../../../src/client/data/db';
import { createProcess } from '../../../src/client/data/processes.repository';
import { createSession, deleteSession } from '../../../src/client/data/sessions.repository';
import { createTourNote } from '../../../src/client/data/tour-notes.repository';
import { ApiError } from '../../../src/client/net/api-client';
import { aProcess, aSession } from '../../fixtures/sessions';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-03T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();
const dateDaysAgo = (days: number) => daysAgo(days).slice(0, 10);

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`eviction-${newId()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A browser reporting `usage` of `quota` bytes. */
const estimate = (usage: number, quota: number): StorageEstimator => ({
  estimate: async () => ({ usage, quota }),
});

/** A 1000-byte photo the server confirmed `confirmedDaysAgo` days ago (and last shown `usedDaysAgo`). */
async function confirmedPhoto(
  label: string,
  confirmedDaysAgo: number,
  usedDaysAgo?: number,
  size = 1000,
): Promise<BlobRef> {
  const ref = await storeBlob(db, new Blob([label.padEnd(size, '.')], { type: 'image/jpeg' }), {
    width: 1600,
    height: 1200,
  });
  await db.blobs.update(ref.sha256, {
    status: 'uploaded',
    uploadedBytes: size,
    createdAt: daysAgo(confirmedDaysAgo + 1),
    confirmedAt: daysAgo(confirmedDaysAgo),
    ...(usedDaysAgo === undefined ? {} : { lastUsedAt: daysAgo(usedDaysAgo) }),
  });
  return ref;
}

async function pendingPhoto(label: string, madeDaysAgo: number): Promise<BlobRef> {
  const ref = await storeBlob(db, new Blob([label.padEnd(1000, '.')], { type: 'image/jpeg' }));
  await db.blobs.update(ref.sha256, { createdAt: daysAgo(madeDaysAgo) });
  return ref;
}

const kept = async () => (await db.blobs.toCollection().primaryKeys()).sort();
const freed = async () => (await db.evictedBlobs.toCollection().primaryKeys()).sort();
const hashes = (...refs: BlobRef[]) => refs.map((r) => r.sha256).sort();
const at = (now: number) => () => now;

describe('eviction under storage pressure', () => {
  it('frees nothing while the site uses at most 80 % of its quota', async () => {
    const old = await confirmedPhoto('old', 60);
    const report = await evictUnderPressure(db, { storage: estimate(800, 1000), now: at(NOW) });
    expect(report).toEqual({ pressure: null, evicted: 0, freedBytes: 0, shortBytes: 0 });
    expect(await kept()).toEqual(hashes(old));
  });

  it('above 80 %, frees the least recently used confirmed copies until under 70 %', async () => {
    const a = await confirmedPhoto('a', 60, 30); // last shown 30 days ago
    const b = await confirmedPhoto('b', 20);
    const c = await confirmedPhoto('c', 40, 10);
    const d = await confirmedPhoto('d', 8);
    // 8,500 of 10,000 bytes used: 1,500 must go to be under 7,000, i.e. two 1,000-byte photos.
    const report = await evictUnderPressure(db, { storage: estimate(8_500, 10_000), now: at(NOW) });

    expect(report).toEqual({ pressure: 'quota', evicted: 2, freedBytes: 2000, shortBytes: 0 });
    expect(await freed()).toEqual(hashes(a, b));
    expect(await kept()).toEqual(hashes(c, d));
    expect(await db.evictedBlobs.get(a.sha256)).toEqual({
      sha256: a.sha256,
      mime: 'image/jpeg',
      size: 1000,
      width: 1600,
      height: 1200,
      createdAt: daysAgo(61),
      confirmedAt: daysAgo(60),
      evictedAt: new Date(NOW).toISOString(),
    });
    expect(await evictedBlobsSummary(db)).toEqual({ count: 2, bytes: 2000 });
  });

  it('never frees a pending copy, nor one confirmed or shown within the last week', async () => {
    const pending = await pendingPhoto('pending', 90);
    const justConfirmed = await confirmedPhoto('just confirmed', 6);
    const shownYesterday = await confirmedPhoto('shown yesterday', 30, 1);
    const idle = await confirmedPhoto('idle for 8 days', 8);
    // 2,900 bytes would have to go (99 % used), yet only the idle confirmed copy may.
    const report = await evictUnderPressure(db, { storage: estimate(9_900, 10_000), now: at(NOW) });

    expect(report).toEqual({ pressure: 'quota', evicted: 1, freedBytes: 1000, shortBytes: 1900 });
    expect(await freed()).toEqual(hashes(idle));
    expect(await kept()).toEqual(hashes(pending, justConfirmed, shownYesterday));
    expect((await db.blobs.get(pending.sha256))!.status).toBe('pending');
    expect(EVICTION_POLICY.minIdleMs).toBe(7 * DAY);
  });

  it('keeps the photos of sessions and tour notes dated within a week of today', async () => {
    const thisWeek = await confirmedPhoto('session this week', 30);
    const lastMonth = await confirmedPhoto('session last month', 30);
    const noteYesterday = await confirmedPhoto('note yesterday', 30);
    const deletedSession = await confirmedPhoto('deleted session', 30);
    const processId = await createProcess(db, aProcess());
    await createSession(db, aSession(processId, { date: dateDaysAgo(2), photos: [thisWeek] }));
    const tour = await createSession(
      db,
      aSession(processId, { type: 'territorial_tour', date: dateDaysAgo(40), photos: [lastMonth] }),
    );
    await createTourNote(db, tour, {
      theme: 'water',
      description: 'Fuga de agua',
      severity: 'high',
      photos: [noteYesterday],
      takenAt: daysAgo(1),
    });
    const gone = await createSession(
      db,
      aSession(processId, { date: dateDaysAgo(1), photos: [deletedSession] }),
    );
    await deleteSession(db, gone);

    await evictUnderPressure(db, { storage: estimate(9_900, 10_000), now: at(NOW) });
    expect(await freed()).toEqual(hashes(lastMonth, deletedSession));
    expect(await kept()).toEqual(hashes(thisWeek, noteYesterday));
  });

  it('where the browser gives no estimate, the cap on kept copies still applies', async () => {
    const oldest = await confirmedPhoto('oldest', 50);
    const older = await confirmedPhoto('older', 40);
    const newer = await confirmedPhoto('newer', 30);
    const pending = await pendingPhoto('pending', 90);
    const policy = { maxBlobBytes: 3_500, targetBlobBytes: 2_000 };

    const report = await evictUnderPressure(db, { storage: null, policy, now: at(NOW) });
    expect(report).toEqual({ pressure: 'cap', evicted: 2, freedBytes: 2000, shortBytes: 0 });
    expect(await kept()).toEqual(hashes(newer, pending));
    expect(await freed()).toEqual(hashes(oldest, older));
    // Under the cap now: nothing more goes.
    expect((await evictUnderPressure(db, { storage: null, policy, now: at(NOW) })).evicted).toBe(0);
  });

  it('an estimate the browser refuses counts as none', async () => {
    await confirmedPhoto('old', 60);
    const refusing: StorageEstimator = { estimate: () => Promise.reject(new Error('private mode')) };
    expect(await evictUnderPressure(db, { storage: refusing, now: at(NOW) })).toMatchObject({
      pressure: null,
      evicted: 0,
    });
  });

  it('copies confirmed before the device noted when start their week at the first pass', async () => {
    const legacy = await storeBlob(db, new Blob(['confirmed by an older version'], { type: 'image/jpeg' }));
    await db.blobs.update(legacy.sha256, { status: 'uploaded', createdAt: daysAgo(100) });

    await evictUnderPressure(db, { storage: estimate(990, 1000), now: at(NOW) });
    expect(await kept()).toEqual(hashes(legacy));
    expect((await db.blobs.get(legacy.sha256))!.confirmedAt).toBe(new Date(NOW).toISOString());

    await evictUnderPressure(db, { storage: estimate(990, 1000), now: at(NOW + 8 * DAY) });
    expect(await freed()).toEqual(hashes(legacy));
  });
});

describe('a freed photo', () => {
  it('is downloaded again when shown online, kept as confirmed, and not freed again for a week', async () => {
    const photo = await confirmedPhoto('plaza', 30);
    await evictUnderPressure(db, { storage: estimate(990, 1000), now: at(NOW) });
    expect(await isEvicted(db, photo.sha256)).toBe(true);

    const server = new Blob(['plaza'.padEnd(1000, '.')], { type: 'image/jpeg' });
    const downloads: string[] = [];
    const shownAt = NOW + DAY;
    const bytes = await loadBlob(
      db,
      photo.sha256,
      async (sha) => {
        downloads.push(sha);
        return server;
      },
      () => new Date(shownAt),
    );
    expect(await bytes.text()).toBe(await server.text());
    expect(downloads).toEqual([photo.sha256]);
    expect(await isEvicted(db, photo.sha256)).toBe(false);
    expect(await db.blobs.get(photo.sha256)).toMatchObject({
      status: 'uploaded',
      size: 1000,
      width: 1600,
      height: 1200,
      createdAt: daysAgo(31),
      confirmedAt: new Date(shownAt).toISOString(),
    });

    // Shown again: the device's copy, no download.
    await loadBlob(db, photo.sha256, () => Promise.reject(new Error('no network needed')));
    expect(downloads).toHaveLength(1);
    // Still under pressure: a photo just downloaded stays for a week, then may go again.
    await evictUnderPressure(db, { storage: estimate(990, 1000), now: at(shownAt + 6 * DAY) });
    expect(await kept()).toEqual(hashes(photo));
    await evictUnderPressure(db, { storage: estimate(990, 1000), now: at(shownAt + 8 * DAY) });
    expect(await freed()).toEqual(hashes(photo));
  });

  it('offline stays freed (the download fails) and the app knows the server holds it', async () => {
    const photo = await confirmedPhoto('mercado', 30);
    await evictUnderPressure(db, { storage: estimate(990, 1000), now: at(NOW) });
    const offline = () => Promise.reject(new ApiError(0, 'network', 'offline'));
    await expect(loadBlob(db, photo.sha256, offline)).rejects.toMatchObject({ code: 'network' });
    expect(await isEvicted(db, photo.sha256)).toBe(true);
    expect(await kept()).toEqual([]);
  });

  it('a copy shown recently goes after one shown long ago', async () => {
    const shownNow = await confirmedPhoto('shown now', 30, 20, 3000);
    const notShown = await confirmedPhoto('not shown', 10, undefined, 3000);
    await loadBlob(
      db,
      shownNow.sha256,
      () => Promise.reject(new Error('kept here')),
      () => new Date(NOW),
    );
    // Noted on the side (showing never waits for it).
    await vi.waitFor(async () =>
      expect((await db.blobs.get(shownNow.sha256))!.lastUsedAt).toBe(new Date(NOW).toISOString()),
    );
    // 1,100 bytes to free, one photo's worth: not the one shown last.
    await evictUnderPressure(db, { storage: estimate(8_100, 10_000), now: at(NOW + 8 * DAY) });
    expect(await freed()).toEqual(hashes(notShown));
  });
});

describe('eviction and a new server epoch', () => {
  it('kept copies go back to pending and are no longer evictable; freed ones stay freed', async () => {
    const freedBefore = await confirmedPhoto('freed before the restore', 30);
    await evictUnderPressure(db, { storage: estimate(8_500, 10_000), now: at(NOW) });
    const keptCopy = await confirmedPhoto('kept', 30);
    expect(await requeueConfirmedBlobs(db)).toBe(1);
    expect(await db.blobs.get(keptCopy.sha256)).toMatchObject({ status: 'pending', uploadedBytes: 0 });
    expect((await db.blobs.get(keptCopy.sha256))!.confirmedAt).toBeUndefined();

    const report = await evictUnderPressure(db, { storage: estimate(990, 1000), now: at(NOW + 30 * DAY) });
    expect(report.evicted).toBe(0);
    expect(await kept()).toEqual(hashes(keptCopy));
    expect(await freed()).toEqual(hashes(freedBefore));
  });

  it('a copy turned back to pending after the plan was made is not freed', async () => {
    const photo = await confirmedPhoto('requeued meanwhile', 30);
    await requeueConfirmedBlobs(db); // between choosing the copies and freeing them
    expect(await evictBlobs(db, [photo.sha256])).toEqual({ evicted: 0, freedBytes: 0 });
    expect((await db.blobs.get(photo.sha256))!.status).toBe('pending');
    expect(await freed()).toEqual([]);
  });
});

describe('the evictor', () => {
  it('frees room for a photo that does not fit, then stores it', async () => {
    const old = await confirmedPhoto('old', 30);
    let full = true;
    db.blobs.hook('creating', () => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const evictor = createBlobEvictor({ db, storage: null, now: at(NOW), locks: null });
    const photo = new Blob(['new photo'], { type: 'image/jpeg' });
    const ref = await storePhotoMakingRoom(db, photo, evictor, async (d, file) => {
      try {
        return await storeBlob(d, file);
      } catch (error) {
        full = false; // the next attempt finds the room eviction made
        throw error;
      }
    });
    expect(await freed()).toEqual(hashes(old));
    expect((await db.blobs.get(ref.sha256))!.status).toBe('pending');
  });

  it('still says the device is full when nothing may be freed', async () => {
    await pendingPhoto('pending', 30);
    db.blobs.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const evictor = createBlobEvictor({ db, storage: null, now: at(NOW), locks: null });
    await expect(
      storePhotoMakingRoom(db, new Blob(['new photo'], { type: 'image/jpeg' }), evictor, (d, file) =>
        storeBlob(d, file),
      ),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(await kept()).toHaveLength(1);
  });

  it('runs one pass at a time, and none while another tab holds the eviction lock', async () => {
    await confirmedPhoto('a', 30);
    await confirmedPhoto('b', 30);
    let calls = 0;
    const counting: StorageEstimator = {
      estimate: async () => {
        calls++;
        return { usage: 8_500, quota: 10_000 };
      },
    };
    const evictor = createBlobEvictor({ db, storage: counting, now: at(NOW), locks: null });
    const [first, second] = await Promise.all([evictor.run(), evictor.run()]);
    expect(second).toBe(first);
    expect(calls).toBe(1);
    expect(first.evicted).toBe(2);

    const busy = {
      request: (_name: string, _options: unknown, callback: (lock: null) => unknown) =>
        Promise.resolve(callback(null)),
    } as unknown as LockManager;
    await confirmedPhoto('c', 30);
    const other = createBlobEvictor({ db, storage: counting, now: at(NOW), locks: busy });
    expect(await other.run()).toMatchObject({ evicted: 0 });
    expect(await kept()).toHaveLength(1);
  });
});
