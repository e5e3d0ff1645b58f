/**
 * The real blob uploader and sync engine (Dexie on fake-indexeddb) against
 * the real server on SQLite and PostgreSQL, through a network that cuts
 * uploads midway.
 */
import 'fake-indexeddb/auto';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadBlob, storeBlob, storePhoto } from '../../src/client/data/blobs.repository';
import { TequioDb } from '../../src/client/data/db';
import { createProcess } from '../../src/client/data/processes.repository';
import { createSession } from '../../src/client/data/sessions.repository';
import { createApiClient } from '../../src/client/net/api-client';
import { createBlobsApi } from '../../src/client/net/blobs-api';
import { createBlobUploader } from '../../src/client/sync/blob-uploader';
import { createSyncEngine } from '../../src/client/sync/sync-engine';
import type { User } from '../../src/domain';
import { aProcess, aSession } from '../fixtures/sessions';
import { availableBackends, type TestServer, type TestUser } from './harness';

const backends = await availableBackends();
const MiB = 1024 * 1024;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const randomData = (size: number) => new Uint8Array(randomBytes(size));

/** Files stored under their final name (`<aa>/<sha>`), ignoring temp and partial uploads. */
function storedBlobFiles(blobDir: string): string[] {
  if (!existsSync(blobDir)) return [];
  return readdirSync(blobDir)
    .filter((dir) => /^[0-9a-f]{2}$/.test(dir))
    .flatMap((dir) => readdirSync(path.join(blobDir, dir)));
}

/** What a test network did: requests (with the server's Upload-Offset on HEAD), PUT bytes offered, cuts made. */
interface Traffic {
  requests: { method: string; range: string | null; offset?: number }[];
  bytesOffered: number;
  cuts: number;
}

/**
 * Sends the first half of a PUT over a raw connection, then destroys the
 * socket: the server keeps what arrived, the client sees a network error.
 */
function cutUpload(url: string, headers: Headers, bytes: Uint8Array): Promise<never> {
  return new Promise((_resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: Object.fromEntries(headers) });
    req.on('error', () => undefined);
    req.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    setTimeout(() => {
      req.destroy();
      reject(new TypeError('fetch failed: connection cut'));
    }, 150);
  });
}

/** A fetch that cuts the PUTs whose number (1-based) is in `cutPuts`. */
function cuttingFetch(traffic: Traffic, cutPuts: Set<number>): typeof fetch {
  let puts = 0;
  return async (input, init) => {
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const entry: Traffic['requests'][number] = { method, range: headers.get('content-range') };
    traffic.requests.push(entry);
    if (method !== 'PUT') {
      const response = await fetch(input, init);
      if (method === 'HEAD') entry.offset = Number(response.headers.get('upload-offset') ?? NaN);
      return response;
    }
    const bytes = new Uint8Array(await (init!.body as Blob).arrayBuffer());
    traffic.bytesOffered += bytes.length;
    if (!cutPuts.has(++puts)) return fetch(input, init);
    traffic.cuts++;
    headers.set('content-length', String(bytes.length));
    return cutUpload(String(input), headers, bytes);
  };
}

describe.each(backends)('blob uploads from a device on $name', (backend) => {
  let server: TestServer;
  let rosa: TestUser;
  let ana: TestUser;
  let blobDir: string;
  const dbs: TequioDb[] = [];

  async function device(user: TestUser) {
    const db = new TequioDb(`blobs-${randomUUID()}`);
    await db.open();
    const me = await server.request<User>('GET', '/api/v1/auth/me', { token: user.token });
    await db.setMeta('account', { token: user.token, user: me.body });
    dbs.push(db);
    return db;
  }
  function uploader(db: TequioDb, traffic: Traffic, cutPuts: number[] = []) {
    return createBlobUploader({
      db,
      baseUrl: server.url,
      fetch: cuttingFetch(traffic, new Set(cutPuts)),
      backoff: { baseMs: 0, maxMs: 0 },
    });
  }
  const newTraffic = (): Traffic => ({ requests: [], bytesOffered: 0, cuts: 0 });

  beforeAll(async () => {
    server = await backend.start();
    blobDir = path.join(server.env.DATA_DIR!, 'blobs');
    rosa = await server.createUser({ username: 'rosa', role: 'facilitator' });
    ana = await server.createUser({ username: 'ana', role: 'facilitator' });
  });
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  afterAll(() => server.close());

  it('a 20 MB audio upload cut three times resumes and completes', async () => {
    const tablet = await device(rosa);
    const audio = randomData(20_000_000);
    const ref = await storeBlob(tablet, new Blob([audio], { type: 'audio/webm' }));
    expect(ref.sha256).toBe(sha(audio));
    const traffic = newTraffic();
    const up = uploader(tablet, traffic, [3, 9, 15]);

    const passes = [];
    for (let i = 0; i < 6 && (await tablet.blobs.get(ref.sha256))!.status === 'pending'; i++) {
      passes.push(await up.uploadPending());
    }
    expect(passes.map((p) => p.error ?? 'ok')).toEqual(['network', 'network', 'network', 'ok']);
    expect(traffic.cuts).toBe(3);

    // Every pass after a cut asked the server how far it got, and it had kept more each time.
    const offsets = traffic.requests.filter((r) => r.method === 'HEAD').map((r) => r.offset!);
    expect(offsets).toHaveLength(4);
    expect(offsets[0]).toBe(0);
    for (let i = 1; i < offsets.length; i++) expect(offsets[i]!).toBeGreaterThan(offsets[i - 1]!);
    console.log(
      `resumable upload (${backend.name}): ${audio.length} bytes, ${traffic.cuts} cuts, ${passes.length} passes, ` +
        `${traffic.requests.filter((r) => r.method === 'PUT').length} PUTs, ${traffic.bytesOffered} bytes offered, ` +
        `resumed at ${offsets.slice(1).join(', ')}`,
    );
    // Never started over: each cut cost at most the chunk that was in flight.
    expect(traffic.bytesOffered).toBeLessThanOrEqual(audio.length + traffic.cuts * MiB);

    const local = (await tablet.blobs.get(ref.sha256))!;
    expect(local.status).toBe('uploaded');
    expect(local.uploadedBytes).toBe(audio.length);
    expect(await local.bytes.size).toBe(audio.length); // the device keeps its copy
    const onServer = readFileSync(path.join(blobDir, ref.sha256.slice(0, 2), ref.sha256));
    expect(sha(onServer)).toBe(ref.sha256);
  });

  it('an upload survives a server restart between chunks and a failing link leaves the copy pending', async () => {
    const tablet = await device(rosa);
    const audio = randomData(3 * MiB + 5);
    const ref = await storeBlob(tablet, new Blob([audio], { type: 'audio/mp4' }));
    const traffic = newTraffic();
    const up = uploader(tablet, traffic, [2]);
    expect((await up.uploadPending()).error).toBe('network');
    const waiting = (await tablet.blobs.get(ref.sha256))!;
    expect(waiting).toMatchObject({
      status: 'pending',
      uploadedBytes: MiB,
      attempts: 1,
      lastError: 'network',
    });

    await server.restart();
    // The server still holds what arrived before it stopped.
    const head = await server.request('HEAD', `/api/v1/blobs/${ref.sha256}`, { token: rosa.token });
    expect(Number(head.headers.get('upload-offset'))).toBeGreaterThanOrEqual(MiB);
    expect((await up.uploadPending()).confirmed).toBe(1);
    expect(sha(readFileSync(path.join(blobDir, ref.sha256.slice(0, 2), ref.sha256)))).toBe(ref.sha256);
    expect((await tablet.blobs.get(ref.sha256))!.status).toBe('uploaded');
  });

  it('the same photo attached twice is stored once: one row on the device, one file, one upload', async () => {
    const tablet = await device(rosa);
    const other = await device(ana);
    const photo = randomData(200_000);
    const keep = async (file: Blob) => ({ blob: file, width: 1600, height: 1200 });
    const first = await storePhoto(tablet, new Blob([photo], { type: 'image/jpeg' }), { resize: keep });
    const second = await storePhoto(tablet, new Blob([photo], { type: 'image/jpeg' }), { resize: keep });
    expect(second).toEqual(first);
    expect(await tablet.blobs.count()).toBe(1);

    const filesBefore = storedBlobFiles(blobDir).length;
    const t1 = newTraffic();
    expect((await uploader(tablet, t1).uploadPending()).confirmed).toBe(1);
    await storePhoto(other, new Blob([photo], { type: 'image/jpeg' }), { resize: keep });
    const t2 = newTraffic();
    expect((await uploader(other, t2).uploadPending()).confirmed).toBe(1);
    expect(t1.requests.map((r) => r.method)).toEqual(['HEAD', 'PUT']);
    // Another user's device cannot learn from HEAD that the photo exists (docs/authorization.md):
    // it sends the bytes, the server hashes them and keeps the one file it has.
    expect(t2.requests.map((r) => r.method)).toEqual(['HEAD', 'PUT']);
    expect(storedBlobFiles(blobDir).length).toBe(filesBefore + 1);
  });

  it('the engine uploads the photo before the session that holds it; a colleague then downloads it', async () => {
    const tablet = await device(rosa);
    const photo = randomData(80_000);
    const ref = await storePhoto(tablet, new Blob([photo], { type: 'image/jpeg' }), {
      resize: async (file) => ({ blob: file, width: 1600, height: 900 }),
    });
    const processId = await createProcess(tablet, aProcess({ teamUserIds: [ana.id] }));
    const sessionId = await createSession(tablet, aSession(processId, { photos: [ref] }));
    const order: string[] = [];
    const logFetch: typeof fetch = (input, init) => {
      order.push(
        `${init?.method ?? 'GET'} ${new URL(String(input)).pathname.split('/').slice(3, 5).join('/')}`,
      );
      return fetch(input, init);
    };
    const engine = createSyncEngine({
      db: tablet,
      locks: null,
      api: createApiClient({ baseUrl: server.url, getToken: () => rosa.token, fetch: logFetch }),
      blobs: createBlobUploader({ db: tablet, baseUrl: server.url, fetch: logFetch }),
    });
    const result = await engine.syncNow();
    expect(result).toMatchObject({ ok: true, pushed: 2, blobsConfirmed: 1 });
    expect(order.slice(0, 3)).toEqual([
      `HEAD blobs/${ref.sha256}`,
      `PUT blobs/${ref.sha256}`,
      'POST sync/push',
    ]);

    const office = await device(ana);
    const officeEngine = createSyncEngine({
      db: office,
      locks: null,
      api: createApiClient({ baseUrl: server.url, getToken: () => ana.token }),
      blobs: null,
    });
    expect((await officeEngine.syncNow()).ok).toBe(true);
    const pulled = (await office.sessions.get(sessionId))!;
    expect(pulled.fields.photos).toEqual([ref]);
    const api = createBlobsApi({ baseUrl: server.url, getToken: () => ana.token });
    const bytes = await loadBlob(office, ref.sha256, (h) => api.get(h));
    expect(sha(new Uint8Array(await bytes.arrayBuffer()))).toBe(ref.sha256);
    expect((await office.blobs.get(ref.sha256))!.status).toBe('uploaded'); // kept for offline viewing
  });

  it('after a restore that lost a blob, the device re-sends the copy it kept', async () => {
    const tablet = await device(rosa);
    const photo = randomData(40_000);
    const ref = await storeBlob(tablet, new Blob([photo], { type: 'image/png' }));
    await createProcess(tablet, aProcess());
    const engine = createSyncEngine({
      db: tablet,
      locks: null,
      api: createApiClient({ baseUrl: server.url, getToken: () => rosa.token }),
      blobs: createBlobUploader({ db: tablet, baseUrl: server.url, backoff: { baseMs: 0, maxMs: 0 } }),
    });
    expect((await engine.syncNow()).blobsConfirmed).toBe(1);

    // The backup predates the photo: restored database with a new epoch, blob file gone.
    rmSync(path.join(blobDir, ref.sha256.slice(0, 2), ref.sha256));
    await server.restart({ newEpoch: true });
    const first = await engine.syncNow();
    expect(first.ok).toBe(true);
    expect((await tablet.blobs.get(ref.sha256))!.status).toBe('pending'); // re-queued by the new epoch
    expect((await engine.syncNow()).blobsConfirmed).toBe(1);
    expect(sha(readFileSync(path.join(blobDir, ref.sha256.slice(0, 2), ref.sha256)))).toBe(ref.sha256);
  });
});
