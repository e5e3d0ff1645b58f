/**
 * Compressed transfers: JSON answers (a pull page, the OpenAPI document) are sent
 * brotli- or gzip-compressed when the client accepts it, with Vary: Accept-Encoding,
 * and decompress to exactly what an uncompressed answer carries; the build's
 * precompressed copies of static files (scripts/precompress.ts) are sent as they are,
 * for hashed assets and for index.html on a client route alike. Bytes are read off the
 * socket with node:http, which does not decompress.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { hlc, newId, processFields, pushBody, put } from './server-fixtures';

const backends = await availableBackends();

interface Sent {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** As it came over the socket. */
  wire: Buffer;
  /** Decompressed according to Content-Encoding. */
  body: Buffer;
}

function get(url: string, acceptEncoding: string | null, token?: string): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (acceptEncoding !== null) headers['accept-encoding'] = acceptEncoding;
    if (token) headers.authorization = `Bearer ${token}`;
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const wire = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const body =
            encoding === 'br' ? brotliDecompressSync(wire) : encoding === 'gzip' ? gunzipSync(wire) : wire;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, wire, body });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const varies = (sent: Sent) =>
  String(sent.headers.vary ?? '')
    .toLowerCase()
    .includes('accept-encoding');

// A build in miniature: an entry page, a hashed script, the service worker; then precompressed.
const staticDir = mkdtempSync(path.join(tmpdir(), 'tequio-static-'));
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `palabra ${i}`))};\n`;
const indexHtml = `<!doctype html><html lang="es-MX"><head><title>Tequio</title></head><body>${'<p>Tequio</p>'.repeat(200)}<script type="module" src="/assets/app-Ab12Cd34.js"></script></body></html>`;
mkdirSync(path.join(staticDir, 'assets'));
writeFileSync(path.join(staticDir, 'assets', 'app-Ab12Cd34.js'), script);
writeFileSync(path.join(staticDir, 'index.html'), indexHtml);
writeFileSync(
  path.join(staticDir, 'sw.js'),
  `self.precache = ${JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ url: `/assets/${i}.js` })))};\n`,
);
await precompressDir(staticDir);

describe.each(backends)('compression on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;

  beforeAll(async () => {
    server = await backend.start({ staticDir });
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    const mutations = Array.from({ length: 60 }, (_, i) =>
      put(
        i + 1,
        'process',
        newId(),
        processFields({ name: `Proceso de la colonia número ${i}` }),
        hlc(1_000 + i),
      ),
    );
    const pushed = await server.request('POST', '/api/v1/sync/push', {
      token: admin.token,
      body: pushBody(newId(), mutations),
    });
    expect(pushed.status).toBe(200);
  });
  afterAll(async () => {
    await server.close();
  });

  it('compresses a pull page as the client accepts, and it decompresses to the same answer', async () => {
    const url = `${server.url}/api/v1/sync/pull?limit=100`;
    const plain = await get(url, 'identity', admin.token);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const plainPage = JSON.parse(plain.body.toString('utf8')) as { changes: unknown[]; cursor: string };
    expect(plainPage.changes).toHaveLength(60);
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip, deflate', 'gzip'],
    ] as const) {
      const sent = await get(url, accept, admin.token);
      expect(sent.status).toBe(200);
      expect(sent.headers['content-encoding']).toBe(encoding);
      expect(varies(sent)).toBe(true);
      expect(sent.wire.length).toBeLessThan(plain.wire.length / 3);
      const page = JSON.parse(sent.body.toString('utf8')) as { changes: unknown[]; cursor: string };
      // serverTime differs from one answer to the next; the changes and the cursor do not.
      expect(page.changes).toEqual(plainPage.changes);
      expect(page.cursor).toBe(plainPage.cursor);
    }
    // No Accept-Encoding at all: sent as is.
    expect((await get(url, null, admin.token)).headers['content-encoding']).toBeUndefined();
  });

  it('compresses other JSON answers too, byte for byte the same once decompressed', async () => {
    const url = `${server.url}/api/v1/openapi.json`;
    const plain = await get(url, 'identity', admin.token);
    expect(plain.status).toBe(200);
    const sent = await get(url, 'br', admin.token);
    expect(sent.headers['content-encoding']).toBe('br');
    expect(varies(sent)).toBe(true);
    expect(sent.body.equals(plain.body)).toBe(true);
  });

  it('sends the build’s precompressed copies of hashed assets, with Content-Encoding and Vary', async () => {
    const url = `${server.url}/assets/app-Ab12Cd34.js`;
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const sent = await get(url, accept);
      expect(sent.status).toBe(200);
      expect(sent.headers['content-encoding']).toBe(encoding);
      expect(varies(sent)).toBe(true);
      expect(sent.headers['content-type']).toMatch(/javascript/);
      expect(sent.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(sent.body.toString('utf8')).toBe(script);
      if (encoding) expect(sent.wire.length).toBeLessThan(Buffer.byteLength(script) / 3);
    }
  });

  it('sends index.html compressed on a client route and the service worker revalidated, both intact', async () => {
    const page = await get(`${server.url}/procesos/123`, 'br, gzip');
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body.toString('utf8')).toBe(indexHtml);
    const sw = await get(`${server.url}/sw.js`, 'gzip');
    expect(sw.headers['content-encoding']).toBe('gzip');
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.body.equals((await get(`${server.url}/sw.js`, 'identity')).body)).toBe(true);
  });
});

afterAll(() => rmSync(staticDir, { recursive: true, force: true }));
