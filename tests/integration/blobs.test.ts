/**
 * The blob endpoints against the real server on SQLite and PostgreSQL:
 * content addressing, dedupe on disk, refusals (422/415/413/400/401),
 * resumable chunks, and who may read a blob back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, type ApiResponse, type TestServer, type TestUser } from './harness';
import { del, hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const backends = await availableBackends();

const MiB = 1024 * 1024;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Files stored under their final name (`<aa>/<sha>`), ignoring temp and partial uploads. */
function storedBlobFiles(blobDir: string): string[] {
  if (!existsSync(blobDir)) return [];
  return readdirSync(blobDir)
    .filter((dir) => /^[0-9a-f]{2}$/.test(dir))
    .flatMap((dir) => readdirSync(path.join(blobDir, dir)).map((f) => path.join(dir, f)));
}

describe.each(backends)('blobs on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  let coordinator: TestUser;
  let facA: TestUser;
  let facA2: TestUser;
  let facB: TestUser;
  let blobDir: string;
  const processA = newId();
  const processB = newId();
  let adminNext = 1;
  const adminClient = newId();

  const upload = (
    user: TestUser | null,
    bytes: Buffer,
    options: { name?: string; mime?: string | null; range?: string } = {},
  ): Promise<ApiResponse> => {
    const headers: Record<string, string> = {};
    if (options.mime !== null) headers['content-type'] = options.mime ?? 'image/jpeg';
    if (options.range) headers['content-range'] = options.range;
    return server.request('PUT', `/api/v1/blobs/${options.name ?? sha(bytes)}`, {
      token: user?.token,
      rawBody: bytes,
      headers,
    });
  };
  const head = (user: TestUser, name: string) =>
    server.request('HEAD', `/api/v1/blobs/${name}`, { token: user.token });
  const get = (user: TestUser, name: string) =>
    fetch(`${server.url}/api/v1/blobs/${name}`, { headers: { authorization: `Bearer ${user.token}` } });
  const adminPush = async (mutations: (n: number) => Parameters<typeof pushBody>[1]) => {
    const batch = mutations(adminNext);
    adminNext += batch.length;
    const res = await server.request('POST', '/api/v1/sync/push', {
      token: admin.token,
      body: pushBody(adminClient, batch),
    });
    expect(res.status).toBe(200);
    return res;
  };

  beforeAll(async () => {
    server = await backend.start();
    blobDir = path.join(server.env.DATA_DIR!, 'blobs');
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    coordinator = await server.createUser({ username: 'coord', role: 'coordinator' });
    facA = await server.createUser({ username: 'fac-a', role: 'facilitator' });
    facA2 = await server.createUser({ username: 'fac-a2', role: 'facilitator' });
    facB = await server.createUser({ username: 'fac-b', role: 'facilitator' });
    await adminPush((n) => [
      put(
        n,
        'process',
        processA,
        processFields({ name: 'Proceso A', teamUserIds: [facA.id, facA2.id] }),
        hlc(0),
      ),
      put(n + 1, 'process', processB, processFields({ name: 'Proceso B', teamUserIds: [facB.id] }), hlc(0)),
    ]);
  });
  afterAll(() => server.close());

  it('stores a photo under its hash (201), answers HEAD 200, and serves the same bytes as immutable', async () => {
    const bytes = randomBytes(50_000);
    const res = await upload(facA, bytes);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(readFileSync(path.join(blobDir, sha(bytes).slice(0, 2), sha(bytes)))).toEqual(bytes);

    const h = await head(facA, sha(bytes));
    expect(h.status).toBe(200);
    expect(h.headers.get('content-length')).toBe(String(bytes.length));

    const g = await get(facA, sha(bytes));
    expect(g.status).toBe(200);
    expect(g.headers.get('content-type')).toBe('image/jpeg');
    expect(g.headers.get('cache-control')).toContain('immutable');
    expect(g.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await g.arrayBuffer())).toEqual(bytes);
    const again = await fetch(`${server.url}/api/v1/blobs/${sha(bytes)}`, {
      headers: { authorization: `Bearer ${facA.token}`, 'if-none-match': g.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('stores the same photo attached twice (and by two users) once: 200 and one file', async () => {
    const bytes = randomBytes(30_000);
    const before = storedBlobFiles(blobDir).length;
    expect((await upload(facA, bytes)).status).toBe(201);
    const second = await upload(facA, bytes);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect((await upload(facB, bytes, { mime: 'image/webp' })).status).toBe(200);
    // Two at once: still one file.
    const both = await Promise.all([upload(facA2, bytes), upload(coordinator, bytes)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(storedBlobFiles(blobDir).length).toBe(before + 1);
    // The first type given is the one served.
    expect((await get(facA, sha(bytes))).headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses bytes that do not hash to the name (422) and keeps nothing', async () => {
    const bytes = randomBytes(10_000);
    const wrongName = sha(randomBytes(8));
    const before = storedBlobFiles(blobDir).length;
    const res = await upload(facA, bytes, { name: wrongName });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('hash_mismatch');
    expect((await head(facA, wrongName)).status).toBe(404);
    expect(storedBlobFiles(blobDir).length).toBe(before);
    expect(readdirSync(path.join(blobDir, '.tmp'))).toEqual([]);
  });

  it('refuses other types with 415: text, JSON, SVG, none', async () => {
    const bytes = randomBytes(100);
    for (const mime of ['text/plain', 'application/json', 'image/svg+xml', 'video/mp4', null]) {
      const res = await upload(facA, bytes, { mime });
      expect(res.status, String(mime)).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
    }
    expect((await upload(facA, bytes, { mime: 'audio/webm;codecs=opus' })).status).toBe(201);
    expect((await get(facA, sha(bytes))).headers.get('content-type')).toBe('audio/webm');
  });

  it('refuses more than 20 MiB with 413, whole or announced by Content-Range', async () => {
    const bytes = Buffer.alloc(20 * MiB + 1, 7);
    const res = await upload(facA, bytes, { mime: 'audio/mpeg' });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    const chunk = await upload(facA, bytes.subarray(0, MiB), {
      name: sha(bytes),
      mime: 'audio/mpeg',
      range: `bytes 0-${MiB - 1}/${bytes.length}`,
    });
    expect(chunk.status).toBe(413);
    // Exactly 20 MiB is fine.
    const max = Buffer.alloc(20 * MiB, 9);
    expect((await upload(facA, max, { mime: 'audio/mpeg' })).status).toBe(201);
  });

  it('refuses bad names, bad ranges, an empty body and a missing token', async () => {
    const bytes = randomBytes(100);
    for (const name of ['abc', 'z'.repeat(64), `${sha(bytes)}0`, '..%2F..%2Fetc%2Fpasswd']) {
      const res = await upload(facA, bytes, { name });
      expect(res.status, name).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    for (const range of ['bytes 5-1/10', 'bytes 0-99/50', 'items 0-1/2', 'bytes 0-9/100']) {
      const res = await upload(facA, bytes, { range });
      expect(res.status, range).toBe(400);
    }
    expect((await upload(facA, Buffer.alloc(0))).status).toBe(400);
    const anonymous = await upload(null, bytes);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
    expect((await server.request('GET', `/api/v1/blobs/${sha(bytes)}`)).status).toBe(401);
    // Upper-case hex names the same blob.
    expect((await upload(facA, bytes, { name: sha(bytes).toUpperCase() })).status).toBe(201);
    expect((await head(facA, sha(bytes))).status).toBe(200);
  });

  it('resumes a chunked upload: 202 per chunk, HEAD 404 with Upload-Offset, 409 off the offset, 201 at the end', async () => {
    const bytes = randomBytes(3 * MiB + 123);
    const name = sha(bytes);
    const total = bytes.length;
    const chunk = (start: number, end: number) =>
      upload(facA, bytes.subarray(start, end + 1), {
        name,
        mime: 'audio/mp4',
        range: `bytes ${start}-${end}/${total}`,
      });

    expect((await head(facA, name)).headers.get('upload-offset')).toBe('0');
    const first = await chunk(0, MiB - 1);
    expect(first.status).toBe(202);
    expect(first.headers.get('upload-offset')).toBe(String(MiB));
    expect(first.body).toEqual({ sha256: name, offset: MiB, total });

    const h = await head(facA, name);
    expect(h.status).toBe(404);
    expect(h.headers.get('upload-offset')).toBe(String(MiB));
    // Another user's upload of the same blob is their own.
    expect((await head(facB, name)).headers.get('upload-offset')).toBe('0');

    const skipped = await chunk(2 * MiB, 3 * MiB - 1);
    expect(skipped.status).toBe(409);
    expect(skipped.body.error.code).toBe('upload_offset_mismatch');
    expect(skipped.headers.get('upload-offset')).toBe(String(MiB));
    expect(skipped.body.error.details).toEqual([{ expected: MiB }]);

    expect((await chunk(MiB, 3 * MiB - 1)).status).toBe(202);
    expect(storedBlobFiles(blobDir).some((f) => f.endsWith(name))).toBe(false); // never a partial blob under its name
    const last = await chunk(3 * MiB, total - 1);
    expect(last.status).toBe(201);
    expect(last.body).toEqual({ sha256: name, size: total });
    expect(readFileSync(path.join(blobDir, name.slice(0, 2), name)).equals(bytes)).toBe(true);
    expect((await head(facA, name)).status).toBe(200);
  });

  it('keeps the bytes of a chunk whose connection was cut, and goes on from there', async () => {
    const bytes = randomBytes(2 * MiB);
    const name = sha(bytes);
    const req = request(`${server.url}/api/v1/blobs/${name}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${facA.token}`,
        'content-type': 'audio/ogg',
        'content-range': `bytes 0-${MiB - 1}/${bytes.length}`,
        'content-length': String(MiB),
      },
    });
    req.on('error', () => undefined);
    req.write(bytes.subarray(0, 300_000));
    const offset = async () => (await head(facA, name)).headers.get('upload-offset') ?? '';
    // Cut the connection once the server holds those bytes (it counts them while the chunk is open).
    await expect.poll(offset, { timeout: 15_000 }).toBe('300000');
    req.destroy();
    await expect.poll(offset, { timeout: 15_000 }).toBe('300000');
    const rest = await upload(facA, bytes.subarray(300_000), {
      name,
      mime: 'audio/ogg',
      range: `bytes 300000-${bytes.length - 1}/${bytes.length}`,
    });
    expect(rest.status).toBe(201);
    expect(readFileSync(path.join(blobDir, name.slice(0, 2), name)).equals(bytes)).toBe(true);
  });

  it('discards a chunked upload whose bytes do not match the name (422) and starts over at 0', async () => {
    const bytes = randomBytes(2 * MiB);
    const name = sha(randomBytes(4));
    const range = (s: number, e: number) => `bytes ${s}-${e}/${bytes.length}`;
    expect((await upload(facA, bytes.subarray(0, MiB), { name, range: range(0, MiB - 1) })).status).toBe(202);
    const last = await upload(facA, bytes.subarray(MiB), { name, range: range(MiB, 2 * MiB - 1) });
    expect(last.status).toBe(422);
    expect(last.body.error.code).toBe('hash_mismatch');
    const h = await head(facA, name);
    expect(h.status).toBe(404);
    expect(h.headers.get('upload-offset')).toBe('0');
  });

  it('is described in the OpenAPI document, resumable extension included', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json', { token: facA.token })).body;
    const blobs = doc.paths['/api/v1/blobs/{sha256}'];
    expect(Object.keys(blobs).sort()).toEqual(['get', 'head', 'put']);
    expect(Object.keys(blobs.put.responses)).toEqual(
      expect.arrayContaining(['200', '201', '202', '409', '413', '415', '422']),
    );
    expect(blobs.put.responses['202'].headers['Upload-Offset']).toBeDefined();
    expect(blobs.head.responses['404'].headers['Upload-Offset']).toBeDefined();
    const refs = JSON.stringify(blobs).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    for (const ref of new Set(refs)) expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
  });

  describe('who may read a blob back', () => {
    const photo = randomBytes(20_000);
    const name = sha(photo);
    const sessionId = newId();

    beforeAll(async () => {
      expect((await upload(facA, photo)).status).toBe(201);
    });

    it('the uploader may; a colleague of the same process may not before a record references it', async () => {
      expect((await get(facA, name)).status).toBe(200);
      const res = await get(facA2, name);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    });

    it('once a session of process A references it: process A and the borough may, process B may not', async () => {
      const res = await server.request('POST', '/api/v1/sync/push', {
        token: facA.token,
        body: pushBody(newId(), [
          put(
            1,
            'session',
            sessionId,
            sessionFields(processA, { photos: [{ sha256: name, mime: 'image/jpeg' }] }),
            hlc(5),
          ),
        ]),
      });
      expect(res.body.results[0].status).toBe('applied');
      expect((await get(facA2, name)).status).toBe(200);
      expect((await get(admin, name)).status).toBe(200);
      expect((await get(coordinator, name)).status).toBe(200);
      expect((await get(facB, name)).status).toBe(403);
      // Knowing the hash is not enough: wrong bytes under its name are refused and grant nothing.
      expect((await upload(facB, randomBytes(100), { name })).status).toBe(422);
      expect((await get(facB, name)).status).toBe(403);
    });

    it('a deleted record no longer lends access; holding the bytes does', async () => {
      await adminPush((n) => [del(n, 'session', sessionId, hlc(50))]);
      expect((await get(facA2, name)).status).toBe(403);
      expect((await get(facA, name)).status).toBe(200); // the uploader
      expect((await upload(facB, photo)).status).toBe(200);
      expect((await get(facB, name)).status).toBe(200);
    });

    it('an unknown blob is 404', async () => {
      expect((await get(admin, sha(randomBytes(3)))).status).toBe(404);
    });
  });
});
