/** Storage safety: persistence asked once, storage use, the age of unsynced data, and when it is at risk. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newId } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { createProcess } from '../../../src/client/data/processes.repository';
import { createSession } from '../../../src/client/data/sessions.repository';
import {
  readDeviceStorage,
  readUnsynced,
  requestPersistentStorage,
  storageRisks,
  type StorageInfo,
  type StorageManagerLike,
} from '../../../src/client/data/storage.repository';
import { aProcess, aSession } from '../../fixtures/sessions';

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`storage-${newId()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const HOUR = 60 * 60 * 1000;
const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

const safe: StorageInfo = {
  persisted: true,
  usage: 10 * 1024 * 1024,
  quota: 1024 * 1024 * 1024,
  pendingCount: 3,
  pendingBlobs: 0,
  oldestUnsyncedAt: ago(2 * HOUR),
};

describe('storage risk rules', () => {
  it('finds nothing wrong with persistent storage, room to spare and recent changes', () => {
    expect(storageRisks(safe, NOW)).toEqual([]);
  });

  it('changes waiting offline are no risk by themselves, however many, on any storage', () => {
    expect(storageRisks({ ...safe, pendingCount: 300 }, NOW)).toEqual([]);
    expect(storageRisks({ ...safe, persisted: false }, NOW)).toEqual([]);
    expect(storageRisks({ ...safe, persisted: false, pendingBlobs: 4, pendingCount: 0 }, NOW)).toEqual([]);
    // Old changes on storage the browser protects: not at risk either (the sync page notes their age).
    expect(storageRisks({ ...safe, oldestUnsyncedAt: ago(72 * HOUR) }, NOW)).toEqual([]);
  });

  it('warns when storage is not persistent and the oldest unsynced change is more than a day old, not before', () => {
    const unprotected = { ...safe, persisted: false };
    expect(storageRisks({ ...unprotected, oldestUnsyncedAt: ago(23 * HOUR) }, NOW)).toEqual([]);
    expect(storageRisks({ ...unprotected, oldestUnsyncedAt: ago(25 * HOUR) }, NOW)).toEqual([
      'unprotected_old_changes',
    ]);
    // Unknown persistence (no API) is not reported as a risk.
    expect(storageRisks({ ...safe, persisted: null, oldestUnsyncedAt: ago(25 * HOUR) }, NOW)).toEqual([]);
  });

  it('warns above 80 % of the quota, not at it', () => {
    expect(storageRisks({ ...safe, usage: 800, quota: 1000 }, NOW)).toEqual([]);
    expect(storageRisks({ ...safe, usage: 801, quota: 1000 }, NOW)).toEqual(['nearly_full']);
    // A browser that does not report a quota is not guessed at.
    expect(storageRisks({ ...safe, usage: 801, quota: null }, NOW)).toEqual([]);
  });

  it('warns about a refused session (revoked token, expired session) only while something waits to sync', () => {
    expect(storageRisks(safe, NOW, { sessionRefused: true })).toEqual(['session_refused']);
    expect(
      storageRisks({ ...safe, pendingCount: 0, pendingBlobs: 1 }, NOW, { sessionRefused: true }),
    ).toEqual(['session_refused']);
    expect(
      storageRisks({ ...safe, pendingCount: 0, oldestUnsyncedAt: null }, NOW, { sessionRefused: true }),
    ).toEqual([]);
    expect(storageRisks(safe, NOW, { sessionRefused: false })).toEqual([]);
  });

  it('reports every risk at once', () => {
    expect(
      storageRisks(
        { ...safe, persisted: false, usage: 95, quota: 100, oldestUnsyncedAt: ago(48 * HOUR) },
        NOW,
        { sessionRefused: true },
      ),
    ).toEqual(['unprotected_old_changes', 'nearly_full', 'session_refused']);
  });
});

describe('unsynced data on the device', () => {
  it('counts the outbox and dates the oldest change', async () => {
    expect(await readUnsynced(db)).toEqual({ pendingCount: 0, pendingBlobs: 0, oldestUnsyncedAt: null });
    const processId = await createProcess(db, aProcess());
    await createSession(db, aSession(processId));
    const first = (await db.outbox.orderBy('id').first())!;
    const info = await readUnsynced(db);
    expect(info.pendingCount).toBe(2);
    expect(info.oldestUnsyncedAt).toBe(first.createdAt);
  });

  it('counts photos the server has not confirmed, and an older photo dates the oldest change', async () => {
    const bytes = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    const base = { bytes, mime: 'image/jpeg', size: 3, uploadedBytes: 0 };
    await db.blobs.bulkAdd([
      { ...base, sha256: 'a'.repeat(64), status: 'pending', createdAt: '2026-11-19T08:00:00.000Z' },
      { ...base, sha256: 'b'.repeat(64), status: 'uploaded', createdAt: '2026-11-18T08:00:00.000Z' },
    ]);
    await createProcess(db, aProcess());
    expect(await readUnsynced(db)).toEqual({
      pendingCount: 1,
      pendingBlobs: 1,
      oldestUnsyncedAt: '2026-11-19T08:00:00.000Z',
    });
  });
});

describe('persistent storage and quota', () => {
  function manager(answers: { persisted: boolean; grant: boolean }): Required<StorageManagerLike> {
    return {
      persisted: vi.fn(async () => answers.persisted),
      persist: vi.fn(async () => answers.grant),
      estimate: vi.fn(async () => ({ usage: 5_000, quota: 100_000 })),
    };
  }

  it('asks the browser once and remembers a refusal', async () => {
    const browser = manager({ persisted: false, grant: false });
    expect(await requestPersistentStorage(db, browser)).toBe(false);
    expect(await requestPersistentStorage(db, browser)).toBe(false);
    expect(browser.persist).toHaveBeenCalledTimes(1);
    expect(await db.getMeta('storagePersisted')).toBe(false);
  });

  it('does not ask when storage is already persistent, and remembers that', async () => {
    const browser = manager({ persisted: true, grant: false });
    expect(await requestPersistentStorage(db, browser)).toBe(true);
    expect(browser.persist).not.toHaveBeenCalled();
    expect(await db.getMeta('storagePersisted')).toBe(true);
  });

  it('answers null where the browser has no such API, and never throws', async () => {
    expect(await requestPersistentStorage(db, null)).toBeNull();
    expect(
      await requestPersistentStorage(db, { persist: () => Promise.reject(new Error('denied')) }),
    ).toBeNull();
  });

  it('reads usage, quota and persistence from the browser, else the remembered answer', async () => {
    expect(await readDeviceStorage(db, manager({ persisted: true, grant: true }))).toEqual({
      persisted: true,
      usage: 5_000,
      quota: 100_000,
    });
    await db.setMeta('storagePersisted', false);
    expect(await readDeviceStorage(db, null)).toEqual({ persisted: false, usage: null, quota: null });
    expect(
      await readDeviceStorage(db, { estimate: () => Promise.reject(new Error('private mode')) }),
    ).toEqual({ persisted: false, usage: null, quota: null });
  });
});
