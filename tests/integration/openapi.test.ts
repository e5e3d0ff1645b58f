/**
 * The OpenAPI document is generated from the routes' own schemas; this holds
 * it to the contract. Every endpoint spec/sync-protocol.md names is in the
 * document, every API route the server registers is documented, and the
 * document describes no route the server does not have.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Json, type TestServer, type TestUser } from './harness';

const SPEC = new URL('../../../shared/spec/sync-protocol.md', import.meta.url);
const METHODS = 'GET|POST|PUT|HEAD|DELETE|PATCH';

/** `/api/v1/blobs/<sha256 hex>` and `/api/v1/blobs/:sha256` both as `/api/v1/blobs/{sha256}`. */
const normalize = (path: string) =>
  path
    .trim()
    .replace(/<(\w+)[^>]*>/g, '{$1}')
    .replace(/:(\w+)/g, '{$1}');

/**
 * The endpoints the spec names: `METHOD /api/v1/...` in code spans, and a bare
 * `METHOD` later on the same line for the path named before it ("`HEAD /x` → 200. `GET` → the bytes").
 */
function specEndpoints(markdown: string): string[] {
  const found = new Set<string>();
  for (const line of markdown.split('\n')) {
    let path: string | null = null;
    for (const match of line.matchAll(new RegExp(`\`(${METHODS})(?: (/api/[^\`?]*))?[^\`]*\``, 'g'))) {
      if (match[2]) path = normalize(match[2]);
      if (path) found.add(`${match[1]} ${path}`);
    }
  }
  return [...found].sort();
}

/** `app.printRoutes()` as `METHOD /path` lines (the tree's nesting joined back into paths). */
function registeredRoutes(tree: string): string[] {
  const routes: string[] = [];
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== '-'))
      routes.push(`${method} ${normalize(path)}`);
  }
  return routes.sort();
}

function documented(doc: Json): string[] {
  return Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('the generated OpenAPI document', () => {
  let server: TestServer;
  let admin: TestUser;
  let doc: Json;

  beforeAll(async () => {
    server = await startServer('sqlite');
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    doc = (await server.request('GET', '/api/v1/openapi.json', { token: admin.token })).body;
  });
  afterAll(() => server.close());

  it('describes every endpoint the spec names', () => {
    const named = specEndpoints(readFileSync(SPEC, 'utf8'));
    // The parse itself: the spec's endpoints, including the blob verbs written on one line.
    expect(named).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'GET /api/v1/auth/me',
        'POST /api/v1/auth/logout',
        'POST /api/v1/sync/push',
        'GET /api/v1/sync/pull',
        'PUT /api/v1/blobs/{sha256}',
        'HEAD /api/v1/blobs/{sha256}',
        'GET /api/v1/blobs/{sha256}',
        'GET /api/v1/health',
        'GET /api/v1/schema',
        'GET /api/v1/openapi.json',
      ]),
    );
    expect(documented(doc)).toEqual(expect.arrayContaining(named));
  });

  it('documents every API route the server registers, and only those', () => {
    // The API and the public pages and their short addresses (HTML, no account: ADR 0008).
    const routes = registeredRoutes(server.app.printRoutes({ commonPrefix: false })).filter((r) =>
      /^\/(api|publico|p)\//.test(r.split(' ')[1]!),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/v1/map-packs',
        'GET /api/v1/map-packs/{sha256}',
        'GET /publico/{processId}',
      ]),
    );
    const operations = new Set(documented(doc));
    // A GET answers HEAD too (Fastify adds it); it is described by its GET.
    const undocumented = routes.filter(
      (r) => !operations.has(r) && !(r.startsWith('HEAD ') && operations.has(r.replace(/^HEAD/, 'GET'))),
    );
    expect(undocumented).toEqual([]);
    const unknown = [...operations].filter((op) => !routes.includes(op));
    expect(unknown).toEqual([]);
  });

  it('gives every operation an id, a summary, a success answer and its error answers', () => {
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.operationId, where).toMatch(/^[a-z]+[A-Za-z0-9]+$/);
        expect(op.summary, where).toBeTruthy();
        const statuses = Object.keys(op.responses);
        expect(
          // A redirect is the success of a short address (`/p/{code}` → the public page).
          statuses.some((s) => s.startsWith('2') || s === '302'),
          where,
        ).toBe(true);
        if (method !== 'head' && op.security === undefined) {
          expect(op.responses['401']?.content['application/json'].schema.$ref, where).toBe(
            '#/components/schemas/Error',
          );
        }
      }
    }
    const ids = Object.values(doc.paths as Record<string, Record<string, Json>>).flatMap((ops) =>
      Object.values(ops).map((op) => op.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes request bodies and answers from the schemas the routes validate with', async () => {
    const push = doc.paths['/api/v1/sync/push'].post;
    expect(push.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/PushRequest');
    const pull = doc.paths['/api/v1/sync/pull'].get;
    expect(pull.parameters.map((p: Json) => [p.in, p.name, p.required])).toEqual([
      ['query', 'cursor', false],
      ['query', 'limit', false],
      ['query', 'estimate', false],
    ]);
    expect(pull.parameters[1].schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000 });
    // The optional estimate extension: `estimate=1` asked, `remaining` answered (not required).
    expect(pull.parameters[2].schema).toMatchObject({ enum: ['0', '1'] });
    const page = doc.components.schemas.PullResponse;
    expect(page.properties.remaining).toMatchObject({ type: 'integer', minimum: 0 });
    expect(page.required).not.toContain('remaining');
    // What the document says of `limit` is what the route enforces.
    const tooMany = await server.request('GET', '/api/v1/sync/pull?limit=1001', { token: admin.token });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details.map((d: Json) => d.path)).toEqual(['query.limit']);
    const revoke = doc.paths['/api/v1/auth/devices/{id}/revoke'].post;
    expect(revoke.parameters[0]).toMatchObject({ in: 'path', name: 'id', required: true });
    expect(revoke.parameters[0].schema).toMatchObject({ type: 'string', format: 'uuid' });
    expect(doc.paths['/api/v1/health'].get.security).toEqual([]);
  });
});
