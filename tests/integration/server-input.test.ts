import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_LIMITS } from '../../src/domain';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const backends = await availableBackends();

describe.each(backends)('malformed input on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  const processId = newId();

  beforeAll(async () => {
    server = await backend.start();
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    const res = await server.request('POST', '/api/v1/sync/push', {
      token: admin.token,
      body: pushBody(newId(), [put(1, 'process', processId, processFields(), hlc(0))]),
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => server.close());

  const count = async (table: 'records' | 'clients' | 'rejected_mutations') =>
    Number(
      (
        await server.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const snapshot = async () => [
    await count('records'),
    await count('clients'),
    await count('rejected_mutations'),
  ];
  const rawPush = (rawBody: string | Buffer, contentType = 'application/json', token = admin.token) =>
    server.request('POST', '/api/v1/sync/push', { token, rawBody, headers: { 'content-type': contentType } });
  const jsonPush = (body: unknown) =>
    server.request('POST', '/api/v1/sync/push', { token: admin.token, body });

  it('answers bad JSON with 400 invalid_json', async () => {
    const before = await snapshot();
    for (const raw of ['{"clientId":', 'not json', '{"__proto__":{"x":1}}']) {
      const res = await rawPush(raw);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_json');
    }
    const login = await server.request('POST', '/api/v1/auth/login', {
      rawBody: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(login.body.error.code).toBe('invalid_json');
    expect(await snapshot()).toEqual(before);
  });

  it('answers schema violations with 400 invalid_request listing the paths', async () => {
    const before = await snapshot();
    const valid = put(1, 'session', newId(), sessionFields(processId), hlc(1));
    const loose = (mutations: unknown[]) => ({ clientId: newId(), serverEpoch: null, mutations });
    const cases: [unknown, string[]][] = [
      [{ clientId: 42, serverEpoch: null, mutations: [valid] }, ['clientId']],
      [{ clientId: newId(), serverEpoch: null, mutations: 'all of them' }, ['mutations']],
      [{ clientId: newId(), serverEpoch: null, mutations: [] }, ['mutations']],
      [{ clientId: newId(), mutations: [valid] }, ['serverEpoch']],
      [loose([{ ...valid, id: '1' }]), ['mutations.0.id']],
      [loose([{ ...valid, recordId: 'not-a-uuid' }]), ['mutations.0.recordId']],
      [loose([{ ...valid, hlc: '2026-11-20' }]), ['mutations.0.hlc']],
      [loose([{ ...valid, op: 'patch' }]), ['mutations.0.op']],
      [loose([valid, { ...valid, id: 2, fields: 'x' }]), ['mutations.1.fields']],
      [[], ['(root)']],
    ];
    for (const [body, paths] of cases) {
      const res = await jsonPush(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(
        expect.arrayContaining(paths),
      );
    }
    const login = await server.request('POST', '/api/v1/auth/login', {
      body: { username: 'a', password: 5 },
    });
    expect(login.status).toBe(400);
    expect(login.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['password', 'deviceLabel']),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses more than 500 mutations in one push', async () => {
    const before = await snapshot();
    const mutations = Array.from({ length: PROTOCOL_LIMITS.maxMutationsPerPush + 1 }, (_, i) =>
      put(i + 1, 'session', newId(), sessionFields(processId), hlc(2)),
    );
    const res = await jsonPush(pushBody(newId(), mutations));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid_request',
      details: [expect.objectContaining({ path: 'mutations' })],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a push with an unknown entity as a whole, applying nothing', async () => {
    const before = await snapshot();
    const clientId = newId();
    const res = await jsonPush(
      pushBody(clientId, [
        put(1, 'session', newId(), sessionFields(processId), hlc(3)),
        put(2, 'unknownEntity', newId(), { x: 1 }, hlc(3)),
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'invalid_request',
      details: [expect.objectContaining({ path: 'mutations.1.entity' })],
    });
    expect(await snapshot()).toEqual(before);
    // The client's counter did not move either.
    const retry = await jsonPush(
      pushBody(clientId, [put(1, 'session', newId(), sessionFields(processId), hlc(3))]),
    );
    expect(retry.body.results).toEqual([{ id: 1, status: 'applied' }]);
  });

  it('answers a body over 5 MiB with 413 and accepts one just under it', async () => {
    const before = await snapshot();
    const huge = JSON.stringify(
      pushBody(newId(), [
        put(
          1,
          'session',
          newId(),
          sessionFields(processId, { notes: 'x'.repeat(PROTOCOL_LIMITS.maxPushBytes) }),
          hlc(4),
        ),
      ]),
    );
    const res = await rawPush(huge);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(await snapshot()).toEqual(before);

    const notes = 'n'.repeat(12_000);
    const big = pushBody(
      newId(),
      Array.from({ length: 400 }, (_, i) =>
        put(i + 1, 'session', newId(), sessionFields(processId, { notes }), hlc(5)),
      ),
    );
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(4.5 * 1024 * 1024);
    expect(Buffer.byteLength(JSON.stringify(big))).toBeLessThan(PROTOCOL_LIMITS.maxPushBytes);
    const ok = await jsonPush(big);
    expect(ok.status).toBe(200);
    expect(ok.body.lastMutationId).toBe(400);
  });

  it('answers a non-JSON content type with 415', async () => {
    const before = await snapshot();
    const body = JSON.stringify(
      pushBody(newId(), [put(1, 'session', newId(), sessionFields(processId), hlc(6))]),
    );
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await rawPush(body, type);
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('checks the token before reading the body', async () => {
    const res = await rawPush('{broken', 'application/json', 'not-a-token');
    expect(res.status).toBe(401);
    const none = await server.request('POST', '/api/v1/sync/push', { body: pushBody(newId(), []) });
    expect(none.status).toBe(401);
  });

  it('answers unknown routes with 404 not_found, and every response carries the security headers', async () => {
    const missing = await server.request('GET', '/api/v1/nothing-here', { token: admin.token });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect((await server.request('DELETE', '/api/v1/health')).status).toBe(404);
    const bad = await rawPush('nope');
    for (const res of [missing, bad, await server.request('GET', '/api/v1/health')]) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});
