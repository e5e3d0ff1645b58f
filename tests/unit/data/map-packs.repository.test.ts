/**
 * Offline map packs on the device: the list with what is downloaded, the
 * basemap every map uses (newest active pack on the device), downloading
 * (checked against its hash), removing, retiring and uploading. The network
 * is a stand-in `fetch` serving a real generated PMTiles file.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { PMTiles } from 'pmtiles';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type MapPack } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import {
  downloadMapPack,
  listMapPacks,
  mapPacksApi,
  offlineBasemap,
  removeMapPackFile,
  retireMapPack,
} from '../../../src/client/data/map-packs.repository';
import { writeLocal } from '../../../src/client/data/records.repository';
import { ApiError } from '../../../src/client/net/api-client';
import { makeIztapalapaPack } from '../../support/make-pmtiles';

const BYTES = makeIztapalapaPack();
const SHA = createHash('sha256').update(BYTES).digest('hex');
const OTHER = 'ab'.repeat(32);

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`map-packs-${newId()}`);
  await db.open();
  await db.setMeta('account', {
    user: {
      id: 'u1',
      username: 'coord',
      displayName: 'Coord',
      role: 'coordinator',
      scope: { kind: 'borough' },
    },
    token: 'secret-token',
  } as never);
});
afterEach(async () => {
  await db.delete();
});

function pack(overrides: Partial<MapPack>): MapPack {
  return {
    name: 'Iztapalapa',
    sha256: SHA,
    size: BYTES.length,
    bounds: [-99.14, 19.27, -98.94, 19.42],
    minZoom: 10,
    maxZoom: 14,
    uploadedAt: '2026-01-10T10:00:00.000Z',
    active: true,
    ...overrides,
  };
}

/** Puts pack records on the device as a pull would leave them. */
async function seed(...packs: MapPack[]): Promise<string[]> {
  const ids: string[] = [];
  for (const p of packs) {
    const id = newId();
    await writeLocal(db, 'mapPack', id, { op: 'put', fields: { ...p } });
    ids.push(id);
  }
  await db.outbox.clear();
  return ids;
}

/** A server answering GET /api/v1/map-packs/<sha> with `bytes`; records what was asked. */
function server(
  bytes: Uint8Array<ArrayBuffer>,
  requests: { url: string; headers: Headers }[] = [],
): typeof fetch {
  return async (input, init) => {
    requests.push({ url: String(input), headers: new Headers(init?.headers) });
    return new Response(new Blob([bytes]), {
      status: 200,
      headers: { 'content-type': 'application/vnd.pmtiles', 'content-length': String(bytes.length) },
    });
  };
}

describe('map packs on the device', () => {
  it('uses the newest active pack this device has downloaded, and none before downloading', async () => {
    const [, newer] = await seed(
      pack({ name: 'Antiguo', sha256: OTHER, uploadedAt: '2025-06-01T10:00:00.000Z' }),
      pack({ name: 'Nuevo' }),
    );
    expect((await listMapPacks(db)).map((p) => [p.name, p.downloaded])).toEqual([
      ['Nuevo', false],
      ['Antiguo', false],
    ]);
    expect(await offlineBasemap(db)).toBeNull();

    const requests: { url: string; headers: Headers }[] = [];
    const progress: number[] = [];
    await downloadMapPack(db, SHA, { fetch: server(BYTES, requests), onProgress: (f) => progress.push(f) });
    expect(requests[0]!.url).toBe(`/api/v1/map-packs/${SHA}`);
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer secret-token');
    expect(progress.at(-1)).toBe(1);

    const listed = await listMapPacks(db);
    expect(listed[0]).toMatchObject({ id: newer, name: 'Nuevo', downloaded: true });
    expect(listed[0]!.downloadedAt).not.toBeNull();
    const basemap = await offlineBasemap(db);
    expect(basemap?.key).toBe(SHA);
    expect(basemap?.bytes.size).toBe(BYTES.length);

    // The stored Blob is what a map reads: the pmtiles reader opens it by slices.
    const blob = basemap!.bytes;
    const archive = new PMTiles({
      getKey: () => SHA,
      getBytes: async (offset, length) => ({ data: await blob.slice(offset, offset + length).arrayBuffer() }),
    });
    expect((await archive.getHeader()).maxZoom).toBe(14);
    expect(await archive.getZxy(14, 3683, 7293)).toBeDefined();
  });

  it('retiring a pack stops its use as a basemap and queues the edit for sync', async () => {
    const [id] = await seed(pack({}));
    await downloadMapPack(db, SHA, { fetch: server(BYTES) });
    expect((await offlineBasemap(db))?.key).toBe(SHA);
    await retireMapPack(db, id!);
    expect(await offlineBasemap(db)).toBeNull();
    expect((await listMapPacks(db))[0]).toMatchObject({ active: false, downloaded: true });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      entity: 'mapPack',
      recordId: id,
      op: 'put',
      fields: { active: false },
    });
  });

  it('removing the file frees it and the maps go back to the plain style', async () => {
    await seed(pack({}));
    await downloadMapPack(db, SHA, { fetch: server(BYTES) });
    await removeMapPackFile(db, SHA);
    expect(await db.mapPackFiles.count()).toBe(0);
    expect(await offlineBasemap(db)).toBeNull();
    expect((await listMapPacks(db))[0]!.downloaded).toBe(false);
  });

  it('keeps nothing when the download is cut, corrupt or offline', async () => {
    await seed(pack({}));
    await expect(downloadMapPack(db, SHA, { fetch: server(BYTES.slice(0, 1000)) })).rejects.toBeInstanceOf(
      ApiError,
    );
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(downloadMapPack(db, SHA, { fetch: offline })).rejects.toMatchObject({ code: 'network' });
    const missing: typeof fetch = async () =>
      new Response(JSON.stringify({ error: { code: 'not_found', message: 'No such map pack' } }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    await expect(downloadMapPack(db, SHA, { fetch: missing })).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
    expect(await db.mapPackFiles.count()).toBe(0);
  });

  it('uploads a file with its name and reports whether it was new', async () => {
    const sent: { url: string; init: RequestInit | undefined }[] = [];
    const answer =
      (status: number, body: unknown): typeof fetch =>
      async (input, init) => {
        sent.push({ url: String(input), init });
        return new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        });
      };
    const file = new Blob([BYTES]);
    const ok = {
      id: newId(),
      sha256: SHA,
      size: BYTES.length,
      bounds: [0, 0, 1, 1],
      minZoom: 10,
      maxZoom: 14,
    };
    expect(
      await mapPacksApi(db, { fetch: answer(201, ok) }).upload(file, ' Iztapalapa calles '),
    ).toMatchObject({
      sha256: SHA,
      created: true,
    });
    expect(sent[0]!.url).toBe('/api/v1/map-packs?name=Iztapalapa%20calles');
    expect(sent[0]!.init?.method).toBe('POST');
    expect(new Headers(sent[0]!.init?.headers).get('content-type')).toBe('application/vnd.pmtiles');
    expect(new Headers(sent[0]!.init?.headers).get('authorization')).toBe('Bearer secret-token');
    expect(sent[0]!.init?.body).toBe(file);
    expect((await mapPacksApi(db, { fetch: answer(200, ok) }).upload(file, 'Otra vez')).created).toBe(false);
    await expect(
      mapPacksApi(db, {
        fetch: answer(422, {
          error: { code: 'invalid_map_pack', message: 'Not a PMTiles v3 vector archive' },
        }),
      }).upload(file, 'Basura'),
    ).rejects.toMatchObject({ status: 422, code: 'invalid_map_pack' });
  });
});
