import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, DEFAULT_PASSWORD, type TestServer } from './harness';

const backends = await availableBackends();

describe.each(backends)('auth and users on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await backend.start();
  });
  afterAll(() => server.close());

  const login = (username: string, password: string, deviceLabel = 'Tablet 1') =>
    server.request('POST', '/api/v1/auth/login', { body: { username, password, deviceLabel } });

  it('logs in with the right password and returns a token, the user and their scope', async () => {
    await server.createUser({ username: 'admin1', role: 'admin', displayName: 'Admin Uno' });
    const res = await login('Admin1', DEFAULT_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.user).toMatchObject({
      username: 'admin1',
      displayName: 'Admin Uno',
      role: 'admin',
      scope: { kind: 'borough' },
    });

    const me = await server.request('GET', '/api/v1/auth/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.user);
  });

  it('gives a facilitator the processes scope', async () => {
    const f = await server.createUser({ username: 'fac-scope', role: 'facilitator' });
    const me = await server.request('GET', '/api/v1/auth/me', { token: f.token });
    expect(me.body.scope).toEqual({ kind: 'processes' });
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    await server.createUser({ username: 'bea', role: 'promoter' });
    const wrong = await login('bea', 'not the password');
    const unknown = await login('nobody-here', 'whatever-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('unauthenticated');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses requests without a valid token', async () => {
    const none = await server.request('GET', '/api/v1/auth/me');
    const garbage = await server.request('GET', '/api/v1/auth/me', { token: 'x'.repeat(43) });
    const malformed = await server.request('GET', '/api/v1/auth/me', {
      headers: { authorization: 'Basic abc' },
    });
    for (const res of [none, garbage, malformed]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });

  it('logout revokes only that device’s token', async () => {
    await server.createUser({ username: 'carla', role: 'facilitator' });
    const a = (await login('carla', DEFAULT_PASSWORD, 'Phone')).body.token as string;
    const b = (await login('carla', DEFAULT_PASSWORD, 'Laptop')).body.token as string;
    const out = await server.request('POST', '/api/v1/auth/logout', { token: a });
    expect(out.status).toBe(204);
    const revoked = await server.request('GET', '/api/v1/auth/me', { token: a });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('unauthenticated');
    expect((await server.request('GET', '/api/v1/auth/me', { token: b })).status).toBe(200);
    // A revoked token stays revoked for every endpoint.
    expect((await server.request('GET', '/api/v1/sync/pull', { token: a })).status).toBe(401);
  });

  it('lists own devices and lets a coordinator list and revoke another user’s', async () => {
    const fac = await server.createUser({ username: 'dario', role: 'facilitator' });
    const coord = await server.createUser({ username: 'coord1', role: 'coordinator' });
    const other = await server.createUser({ username: 'elena', role: 'facilitator' });

    const own = await server.request('GET', '/api/v1/auth/devices', { token: fac.token });
    expect(own.status).toBe(200);
    expect(own.body.devices).toHaveLength(1);
    expect(own.body.devices[0]).toMatchObject({ userId: fac.id, current: true, revokedAt: null });

    const peek = await server.request('GET', `/api/v1/auth/devices?userId=${other.id}`, { token: fac.token });
    expect(peek.status).toBe(403);
    expect(peek.body.error.code).toBe('forbidden');
    const notMine = await server.request('POST', `/api/v1/auth/devices/${own.body.devices[0].id}/revoke`, {
      token: other.token,
    });
    expect(notMine.status).toBe(403);

    const listed = await server.request('GET', `/api/v1/auth/devices?userId=${fac.id}`, {
      token: coord.token,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.devices[0]).toMatchObject({ userId: fac.id, current: false });
    const revoke = await server.request('POST', `/api/v1/auth/devices/${listed.body.devices[0].id}/revoke`, {
      token: coord.token,
    });
    expect(revoke.status).toBe(200);
    expect(revoke.body.revokedAt).toEqual(expect.any(String));
    expect((await server.request('GET', '/api/v1/auth/me', { token: fac.token })).status).toBe(401);

    const missing = await server.request(
      'POST',
      '/api/v1/auth/devices/00000000-0000-4000-8000-000000000000/revoke',
      { token: coord.token },
    );
    expect(missing.status).toBe(404);
  });

  it('lists every user to managers and only themselves to field roles', async () => {
    const admin = await server.createUser({ username: 'admin-list', role: 'admin' });
    const prom = await server.createUser({ username: 'prom-list', role: 'promoter' });
    const all = await server.request('GET', '/api/v1/users', { token: admin.token });
    expect(all.status).toBe(200);
    expect(all.body.users.length).toBeGreaterThan(2);
    expect(all.body.users[0]).toEqual({
      id: expect.any(String),
      username: expect.any(String),
      displayName: expect.any(String),
      role: expect.any(String),
    });
    const self = await server.request('GET', '/api/v1/users', { token: prom.token });
    expect(self.body.users).toEqual([
      { id: prom.id, username: 'prom-list', displayName: 'prom-list', role: 'promoter' },
    ]);
  });

  it('applies the role rules when creating users', async () => {
    const admin = await server.createUser({ username: 'admin-create', role: 'admin' });
    const coord = await server.createUser({ username: 'coord-create', role: 'coordinator' });
    const fac = await server.createUser({ username: 'fac-create', role: 'facilitator' });
    const body = (username: string, role: string, password = 'a long enough password') => ({
      body: { username, displayName: 'Nueva Persona', role, password },
    });

    const byCoord = await server.request('POST', '/api/v1/users', {
      token: coord.token,
      ...body('new-fac', 'facilitator'),
    });
    expect(byCoord.status).toBe(201);
    expect(byCoord.body).toMatchObject({
      username: 'new-fac',
      role: 'facilitator',
      scope: { kind: 'processes' },
    });
    expect((await login('new-fac', 'a long enough password')).status).toBe(200);

    const coordMakesAdmin = await server.request('POST', '/api/v1/users', {
      token: coord.token,
      ...body('x-admin', 'admin'),
    });
    expect(coordMakesAdmin.status).toBe(403);
    const facMakesUser = await server.request('POST', '/api/v1/users', {
      token: fac.token,
      ...body('x-prom', 'promoter'),
    });
    expect(facMakesUser.status).toBe(403);
    const adminMakesCoord = await server.request('POST', '/api/v1/users', {
      token: admin.token,
      ...body('new-coord', 'coordinator'),
    });
    expect(adminMakesCoord.status).toBe(201);

    const duplicate = await server.request('POST', '/api/v1/users', {
      token: admin.token,
      ...body('NEW-FAC', 'promoter'),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('username_taken');
    const short = await server.request('POST', '/api/v1/users', {
      token: admin.token,
      ...body('shorty', 'promoter', 'short'),
    });
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('invalid_request');
    expect(short.body.error.details).toEqual([expect.objectContaining({ path: 'password' })]);
  });
});

describe.each(backends)('login rate limit on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await backend.start();
  });
  afterAll(() => server.close());

  const login = (username: string, password: string) =>
    server.request('POST', '/api/v1/auth/login', { body: { username, password, deviceLabel: 'Tablet' } });

  it('answers 429 after 5 failures for one username, even with the right password', async () => {
    await server.createUser({ username: 'target', role: 'facilitator' });
    for (let i = 0; i < 5; i++) expect((await login('target', `wrong password ${i}`)).status).toBe(401);
    const limited = await login('target', DEFAULT_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other usernames from the same IP are not blocked yet.
    await server.createUser({ username: 'bystander', role: 'facilitator' });
    expect((await login('bystander', DEFAULT_PASSWORD)).status).toBe(200);
  });

  it('answers 429 after 20 failures from one IP across usernames', async () => {
    // 5 failures were counted above for this IP.
    for (let i = 0; i < 15; i++) expect((await login(`ghost-${i}`, 'wrong password')).status).toBe(401);
    const limited = await login('bystander', DEFAULT_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
  });
});
