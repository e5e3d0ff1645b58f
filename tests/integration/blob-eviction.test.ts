/**
 * Photo eviction with the real server on SQLite and PostgreSQL: the real sync engine uploads a
 * photo, frees the device copy under (stubbed) storage pressure a week later, and the photo is
 * downloaded back with the device token when shown; a restored server (new epoch) still gets
 * every copy the device kept, and nothing pending is ever freed.
 */
import 'fake-indexeddb/auto';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createBlobEvictor,
  evictUnderPressure,
  type StorageEstimator,
} from '../../src/client/data/blob-eviction';
import { isEvicted, loadBlob, storePhoto } from '../../src/client/data/blobs.repository';
import { TequioDb } from '../../src/client/data/db';
import { createProcess } from '../../src/client/data/processes.repository';
import { createSession } from '../../src/client/data/sessions.repository';
import { createApiClient } from '../../src/client/net/api-client';
import { createBlobsApi } from '../../src/client/net/blobs-api';
import { createBlobUploader } from '../../src/client/sync/blob-uploader';
import { createSyncEngine, type SyncEngineOptions } from '../../src/client/sync/sync-engine';
import type { BlobRef, User } from '../../src/domain';
import { aProcess, aSession } from '../fixtures/sessions';
import { availableBackends, type TestServer, type TestUser } from './harness';

const backends = await availableBackends();
const DAY = 24 * 60 * 60 * 1000;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A browser reporting 95 % of its quota used. */
const nearlyFull: StorageEstimator = { estimate: async () => ({ usage: 950_000_000, quota: 1_000_000_000 }) };
const aMonthAgo = () => new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10);

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(backends)('photo eviction against the server on $name', (backend) => {
  let server: TestServer;
  let rosa: TestUser;
  const dbs: TequioDb[] = [];

  async function device(user: TestUser) {
    const db = new TequioDb(`eviction-${randomUUID()}`);
    await db.open();
    const me = await server.request<User>('GET', '/api/v1/auth/me', { token: user.token });
    await db.setMeta('account', { token: user.token, user: me.body });
    dbs.push(db);
    return db;
  }

  function engineFor(db: TequioDb, user: TestUser, options: Partial<SyncEngineOptions> = {}) {
    return createSyncEngine({
      db,
      locks: null,
      api: createApiClient({ baseUrl: server.url, getToken: () => user.token }),
      blobs: createBlobUploader({ db, baseUrl: server.url, backoff: { baseMs: 0, maxMs: 0 } }),
      evictor: null,
      ...options,
    });
  }

  /** A photo of a session held a month ago (so no work in progress needs it offline). */
  async function sessionWithPhoto(db: TequioDb, size: number): Promise<{ ref: BlobRef; bytes: Uint8Array }> {
    const bytes = new Uint8Array(randomBytes(size));
    const ref = await storePhoto(db, new Blob([bytes], { type: 'image/jpeg' }), {
      resize: async (file) => ({ blob: file, width: 1600, height: 1200 }),
    });
    const processId = await createProcess(db, aProcess());
    await createSession(db, aSession(processId, { date: aMonthAgo(), photos: [ref] }));
    return { ref, bytes };
  }

  beforeAll(async () => {
    server = await backend.start();
    rosa = await server.createUser({ username: 'rosa', role: 'facilitator' });
  });
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  afterAll(() => server.close());

  it('a photo freed under storage pressure is downloaded again from the server when shown', async () => {
    const tablet = await device(rosa);
    const { ref, bytes } = await sessionWithPhoto(tablet, 120_000);
    // The engine frees copies after a cycle that confirmed uploads; this evictor lives a week ahead.
    const evictor = createBlobEvictor({
      db: tablet,
      storage: nearlyFull,
      now: () => Date.now() + 8 * DAY,
      locks: null,
    });
    const engine = engineFor(tablet, rosa, { evictor });
    expect(await engine.syncNow()).toMatchObject({ ok: true, blobsConfirmed: 1 });
    await waitFor(() => isEvicted(tablet, ref.sha256), 'the photo to be freed');
    expect(await tablet.blobs.get(ref.sha256)).toBeUndefined();

    // Offline (the server out of reach): the photo stays freed and the download fails as a network error.
    const unreachable = createBlobsApi({ baseUrl: 'http://127.0.0.1:9', getToken: () => rosa.token });
    await expect(loadBlob(tablet, ref.sha256, (h) => unreachable.get(h))).rejects.toMatchObject({
      code: 'network',
    });
    expect(await isEvicted(tablet, ref.sha256)).toBe(true);

    // Online: the real GET with the device token brings the same bytes back, kept as confirmed.
    const api = createBlobsApi({
      baseUrl: server.url,
      getToken: async () => (await tablet.getMeta('account'))?.token,
    });
    const shown = await loadBlob(tablet, ref.sha256, (h) => api.get(h));
    expect(sha(new Uint8Array(await shown.arrayBuffer()))).toBe(sha(bytes));
    expect(await tablet.blobs.get(ref.sha256)).toMatchObject({
      status: 'uploaded',
      size: bytes.length,
      mime: 'image/jpeg',
      width: 1600,
      height: 1200,
    });
    expect(await isEvicted(tablet, ref.sha256)).toBe(false);
    // Just downloaded: it stays for a week whatever the pressure.
    const sixDaysOn = () => Date.now() + 6 * DAY;
    expect(await evictUnderPressure(tablet, { storage: nearlyFull, now: sixDaysOn })).toMatchObject({
      evicted: 0,
    });
  });

  it('after a restore (new epoch) kept copies are re-sent before they may go, and freed ones are still served', async () => {
    const tablet = await device(rosa);
    const freed = await sessionWithPhoto(tablet, 60_000);
    const engine = engineFor(tablet, rosa);
    expect(await engine.syncNow()).toMatchObject({ ok: true, blobsConfirmed: 1 });
    const weekOn = () => Date.now() + 8 * DAY;
    expect(await evictUnderPressure(tablet, { storage: nearlyFull, now: weekOn })).toMatchObject({
      evicted: 1,
    });
    const kept = await sessionWithPhoto(tablet, 50_000);
    expect(await engine.syncNow()).toMatchObject({ ok: true, blobsConfirmed: 1 });

    // The server is restored from a backup that holds both photos: a new epoch.
    await server.restart({ newEpoch: true });
    expect((await engine.syncNow()).ok).toBe(true);
    expect((await tablet.blobs.get(kept.ref.sha256))!.status).toBe('pending');
    // Until the restored server confirms it again, no pressure frees the kept copy.
    const monthOn = () => Date.now() + 30 * DAY;
    expect(await evictUnderPressure(tablet, { storage: nearlyFull, now: monthOn })).toMatchObject({
      evicted: 0,
    });
    expect((await engine.syncNow()).blobsConfirmed).toBe(1);
    expect((await tablet.blobs.get(kept.ref.sha256))!.status).toBe('uploaded');

    // The freed photo was in the backup: the restored server serves it.
    const api = createBlobsApi({ baseUrl: server.url, getToken: () => rosa.token });
    const shown = await loadBlob(tablet, freed.ref.sha256, (h) => api.get(h));
    expect(sha(new Uint8Array(await shown.arrayBuffer()))).toBe(sha(freed.bytes));
  });
});
