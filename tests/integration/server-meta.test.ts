import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_NAMES } from '../../src/domain';
import { availableBackends, type TestServer, type TestUser } from './harness';

const backends = await availableBackends();

function makeStaticDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tequio-static-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Tequio</title>');
  writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(path.join(dir, 'registerSW.js'), '/* register */');
  writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"Tequio"}');
  writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *');
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'assets', 'index-3f9a1c.js'), 'console.log(1);');
  return dir;
}

describe.each(backends)('discovery and static files on $name', (backend) => {
  let server: TestServer;
  let user: TestUser;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = makeStaticDir();
    server = await backend.start({ staticDir });
    user = await server.createUser({ username: 'reader', role: 'promoter' });
  });
  afterAll(async () => {
    await server.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('reports health without auth', async () => {
    const res = await server.request('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      storage: backend.name,
    });
  });

  it('serves the JSON Schema of every entity to signed-in users', async () => {
    expect((await server.request('GET', '/api/v1/schema')).status).toBe(401);
    const res = await server.request('GET', '/api/v1/schema', { token: user.token });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.entities).sort()).toEqual([...ENTITY_NAMES].sort());
    expect(res.body.appendOnly).toEqual(expect.any(Array));
    const session = res.body.entities.session;
    expect(session).toMatchObject({ type: 'object', appendOnly: false });
    expect(session.required).toEqual(expect.arrayContaining(['processId', 'title', 'date', 'attendance']));
    expect(session.properties.type.enum).toContain('community_assembly');
    expect(res.body.entities.process.properties.unitKeys).toMatchObject({ type: 'array', minItems: 1 });
  });

  it('serves an OpenAPI 3.1 document covering every endpoint, with resolvable refs', async () => {
    expect((await server.request('GET', '/api/v1/openapi.json')).status).toBe(401);
    const res = await server.request('GET', '/api/v1/openapi.json', { token: user.token });
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.1.0');
    const endpoints = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(endpoints).toEqual(
      expect.arrayContaining([
        'GET /api/v1/health',
        'GET /api/v1/schema',
        'GET /api/v1/openapi.json',
        'POST /api/v1/auth/login',
        'GET /api/v1/auth/me',
        'POST /api/v1/auth/logout',
        'GET /api/v1/auth/devices',
        'POST /api/v1/auth/devices/{id}/revoke',
        'GET /api/v1/users',
        'POST /api/v1/users',
        'GET /api/v1/setup',
        'POST /api/v1/setup',
        'POST /api/v1/sync/push',
        'GET /api/v1/sync/pull',
        'GET /api/v1/sync/rejections',
      ]),
    );
    const push = doc.components.schemas.PushRequest;
    expect(push.properties.mutations).toMatchObject({ type: 'array', maxItems: 500 });
    expect(doc.components.schemas.PullResponse.required).toEqual(
      expect.arrayContaining(['cursor', 'hasMore', 'changes']),
    );
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
  });

  it('serves entry files with no-cache and hashed assets as immutable', async () => {
    for (const file of ['/', '/sw.js', '/registerSW.js', '/manifest.webmanifest']) {
      const res = await server.request('GET', file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('cache-control'), file).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
    const asset = await server.request('GET', '/assets/index-3f9a1c.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await server.request('GET', '/robots.txt')).body).toBe('User-agent: *');
  });

  it('falls back to index.html for client routes but not for the API', async () => {
    const page = await server.request('GET', '/procesos/123/sesiones');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Tequio</title>');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const api = await server.request('GET', '/api/v1/nope');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('not_found');
    expect((await server.request('POST', '/procesos')).status).toBe(404);
  });

  it('keeps the API working when there is no build to serve', async () => {
    const bare = await backend.start();
    try {
      expect((await bare.request('GET', '/api/v1/health')).status).toBe(200);
      const root = await bare.request('GET', '/');
      expect(root.status).toBe(404);
      expect(root.body.error.code).toBe('not_found');
    } finally {
      await bare.close();
    }
  });
});
