/**
 * Offline map packs on the server, on every backend: a coordinator uploads a
 * PMTiles file, the same file again changes nothing, facilitators cannot
 * upload but pull the record and download the file (whole and by Range),
 * and anything that is not a PMTiles archive is refused.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapPackIdOf } from '../../src/server/services/map-packs.service';
import { makeIztapalapaPack } from '../support/make-pmtiles';
import { availableBackends, type Json, type TestServer, type TestUser } from './harness';

const backends = await availableBackends();
const PACK = Buffer.from(makeIztapalapaPack());
const SHA = createHash('sha256').update(PACK).digest('hex');

describe.each(backends)('map packs on $name', (backend) => {
  let server: TestServer;
  let coord: TestUser;
  let fac: TestUser;

  const upload = (
    user: TestUser,
    body: Buffer,
    name = 'Iztapalapa centro',
    type = 'application/vnd.pmtiles',
  ) =>
    server.request('POST', `/api/v1/map-packs?name=${encodeURIComponent(name)}`, {
      token: user.token,
      rawBody: body,
      headers: { 'content-type': type },
    });
  const download = (user: TestUser, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/v1/map-packs/${SHA}`, {
      headers: { authorization: `Bearer ${user.token}`, ...headers },
    });
  const packRecords = async () =>
    server.db.db
      .selectFrom('records')
      .select(['id', 'fields', 'seq'])
      .where('entity', '=', 'mapPack')
      .execute();
  const pullAll = async (token: string) => {
    let cursor: string | undefined;
    const changes: Json[] = [];
    for (;;) {
      const res = await server.request(
        'GET',
        `/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
        {
          token,
        },
      );
      expect(res.status).toBe(200);
      changes.push(...res.body.changes);
      cursor = res.body.cursor;
      if (!res.body.hasMore) return changes;
    }
  };

  beforeAll(async () => {
    server = await backend.start();
    coord = await server.createUser({ username: 'coord', role: 'coordinator' });
    fac = await server.createUser({ username: 'fac', role: 'facilitator' });
  });
  afterAll(() => server.close());

  it('stores a coordinator’s upload under its hash and lists it once, even when sent again', async () => {
    const first = await upload(coord, PACK);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: mapPackIdOf(SHA),
      sha256: SHA,
      size: PACK.length,
      minZoom: 10,
      maxZoom: 14,
    });
    expect(first.body.bounds[0]).toBeCloseTo(-99.14, 5);
    expect(first.body.bounds[3]).toBeCloseTo(19.42, 5);
    const records = await packRecords();
    expect(records).toHaveLength(1);
    expect(JSON.parse(records[0]!.fields)).toMatchObject({
      name: 'Iztapalapa centro',
      sha256: SHA,
      active: true,
    });

    const again = await upload(coord, PACK, 'Otro nombre', 'application/octet-stream');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const after = await packRecords();
    expect(after).toHaveLength(1);
    expect(after[0]!.seq).toBe(records[0]!.seq);
    expect(JSON.parse(after[0]!.fields).name).toBe('Iztapalapa centro');
    // One file on disk, no temporary leftovers.
    const dir = path.join(server.env.DATA_DIR!, 'map-packs');
    expect(existsSync(path.join(dir, `${SHA}.pmtiles`))).toBe(true);
    expect(readdirSync(path.join(dir, '.tmp'))).toEqual([]);
  });

  it('refuses facilitators, other types, garbage and a missing name', async () => {
    expect((await upload(fac, PACK)).status).toBe(403);
    expect((await upload(coord, PACK, 'x y', 'image/png')).status).toBe(415);
    const garbage = await upload(coord, Buffer.from('not a pmtiles file, just text '.repeat(10)));
    expect(garbage.status).toBe(422);
    expect(garbage.body.error.code).toBe('invalid_map_pack');
    const wrongVersion = Buffer.from(PACK);
    wrongVersion[7] = 2;
    expect((await upload(coord, wrongVersion)).status).toBe(422);
    expect((await upload(coord, PACK, '')).status).toBe(400);
    const unauthenticated = await server.request('POST', '/api/v1/map-packs?name=abc', {
      rawBody: PACK,
      headers: { 'content-type': 'application/vnd.pmtiles' },
    });
    expect(unauthenticated.status).toBe(401);
    expect(await packRecords()).toHaveLength(1);
  });

  it('refuses a file over the limit by its Content-Length, before reading it', async () => {
    const res = await fetch(`${server.url}/api/v1/map-packs?name=grande`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${coord.token}`,
        'content-type': 'application/vnd.pmtiles',
        'content-length': String(300 * 1024 * 1024),
      },
      body: PACK.subarray(0, 16),
      // @ts-expect-error Node's fetch needs this for a body with an explicit length header
      duplex: 'half',
    }).catch(() => null);
    // Either the server answered 413 or refused the connection early; either way nothing is stored.
    if (res) expect(res.status).toBe(413);
    expect(await packRecords()).toHaveLength(1);
  });

  it('lets a facilitator pull the record and download the file, whole and by Range', async () => {
    const changes = await pullAll(fac.token);
    const pack = changes.find((c) => c.entity === 'mapPack');
    expect(pack).toMatchObject({ id: mapPackIdOf(SHA), deleted: false });
    expect(pack.fields).toMatchObject({ sha256: SHA, size: PACK.length, active: true });

    const whole = await download(fac);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('cache-control')).toContain('immutable');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(PACK)).toBe(true);

    const header = await download(fac, { range: 'bytes=0-126' });
    expect(header.status).toBe(206);
    expect(header.headers.get('content-range')).toBe(`bytes 0-126/${PACK.length}`);
    expect(Buffer.from(await header.arrayBuffer()).equals(PACK.subarray(0, 127))).toBe(true);

    const tail = await download(fac, { range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(PACK.subarray(PACK.length - 10))).toBe(true);

    expect((await download(fac, { range: `bytes=${PACK.length}-` })).status).toBe(416);
    const cached = await download(fac, { 'if-none-match': `"${SHA}"` });
    expect(cached.status).toBe(304);
    expect((await fetch(`${server.url}/api/v1/map-packs/${SHA}`)).status).toBe(401);
    expect(
      (
        await fetch(`${server.url}/api/v1/map-packs/${'0'.repeat(64)}`, {
          headers: { authorization: `Bearer ${fac.token}` },
        })
      ).status,
    ).toBe(404);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json', { token: fac.token })).body;
    expect(Object.keys(doc.paths['/api/v1/map-packs'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/map-packs/{sha256}'])).toEqual(['get']);
    expect(doc.components.schemas.MapPackUploaded.required).toEqual(
      expect.arrayContaining(['id', 'sha256', 'size', 'bounds', 'minZoom', 'maxZoom']),
    );
  });
});
