/**
 * Device enrolment codes on SQLite and PostgreSQL: a coordinator issues a
 * code only for someone they manage; a tablet trades it, typed in any case
 * and grouping, for its own device token; a code works once, expires,
 * can be revoked, dies with a deactivated account, and wrong codes are
 * rate-limited per address.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, DEFAULT_PASSWORD, type Json, type TestServer, type TestUser } from './harness';

const backends = await availableBackends();
const CODE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

describe.each(backends)('enrolment codes on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  let dc1: string;
  const d1 = randomUUID();
  const ids: Record<string, string> = {};

  const issue = (token: string, userId: string) =>
    server.request('POST', '/api/v1/enrolment-codes', { token, body: { userId } });
  const redeem = (code: string) =>
    server.request('POST', '/api/v1/auth/enrol', { body: { code, deviceLabel: 'Tableta del módulo' } });

  beforeAll(async () => {
    server = await backend.start();
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    for (const [username, role, dirs] of [
      ['dc1', 'coordinator', [d1]],
      ['fac1', 'facilitator', [d1]],
      ['fac2', 'facilitator', undefined],
    ] as const) {
      const res = await server.request('POST', '/api/v1/users', {
        token: admin.token,
        body: {
          username,
          role,
          displayName: username,
          password: DEFAULT_PASSWORD,
          ...(dirs ? { directorateIds: dirs } : {}),
        },
      });
      expect(res.status).toBe(201);
      ids[username] = res.body.id;
    }
    const login = await server.request('POST', '/api/v1/auth/login', {
      body: { username: 'dc1', password: DEFAULT_PASSWORD, deviceLabel: 'Oficina' },
    });
    dc1 = login.body.token;
  });
  afterAll(() => server.close());

  it('issues a code only for someone the coordinator manages', async () => {
    const ok = await issue(dc1, ids.fac1!);
    expect(ok.status).toBe(201);
    expect(ok.body.code).toMatch(CODE);
    expect(ok.body.enrolment).toMatchObject({ userId: ids.fac1, state: 'active', createdBy: ids.dc1 });
    const ttl = Date.parse(ok.body.enrolment.expiresAt) - Date.parse(ok.body.enrolment.createdAt);
    expect(ttl).toBe(10 * 60 * 1000);
    expect((await issue(dc1, ids.fac2!)).status).toBe(404);
    expect((await issue(dc1, admin.id)).status).toBe(404);
    const field = await server.request('POST', '/api/v1/auth/login', {
      body: { username: 'fac1', password: DEFAULT_PASSWORD, deviceLabel: 'x' },
    });
    expect((await issue(field.body.token, ids.fac1!)).status).toBe(403);
  });

  it('trades a code once for the device’s own token, with no password', async () => {
    const { code } = (await issue(dc1, ids.fac1!)).body;
    const typed = code.toLowerCase().replace('-', ' ');
    const first = await redeem(typed);
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ id: ids.fac1, role: 'facilitator' });
    const me = await server.request('GET', '/api/v1/auth/me', { token: first.body.token });
    expect(me.body.username).toBe('fac1');
    const devices = await server.request('GET', '/api/v1/auth/devices', { token: first.body.token });
    expect(devices.body.devices.find((d: Json) => d.current).deviceLabel).toBe('Tableta del módulo');
    const again = await redeem(code);
    expect(again.status).toBe(401);
    expect((await redeem('ABCD-EFG0')).status).toBe(400);
  });

  it('refuses expired and revoked codes and lists every state without the code', async () => {
    const revoked = (await issue(dc1, ids.fac1!)).body;
    const rev = await server.request('POST', `/api/v1/enrolment-codes/${revoked.enrolment.id}/revoke`, {
      token: dc1,
    });
    expect(rev.body.state).toBe('revoked');
    expect((await redeem(revoked.code)).status).toBe(401);

    const expired = (await issue(dc1, ids.fac1!)).body;
    await server.db.db
      .updateTable('enrolment_codes')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.enrolment.id)
      .execute();
    expect((await redeem(expired.code)).status).toBe(401);

    const byAdmin = (await issue(admin.token, ids.fac2!)).body;
    const listed = await server.request('GET', '/api/v1/enrolment-codes', { token: dc1 });
    const states = Object.fromEntries(listed.body.codes.map((c: Json) => [c.id, c.state]));
    expect(states[revoked.enrolment.id]).toBe('revoked');
    expect(states[expired.enrolment.id]).toBe('expired');
    expect(Object.values(states)).toContain('used');
    expect(states[byAdmin.enrolment.id]).toBeUndefined();
    expect(JSON.stringify(listed.body)).not.toContain(revoked.code);
    const forbidden = await server.request('POST', `/api/v1/enrolment-codes/${byAdmin.enrolment.id}/revoke`, {
      token: dc1,
    });
    expect(forbidden.status).toBe(404);
    const stored = await server.db.db.selectFrom('enrolment_codes').select('code_hash').execute();
    expect(stored.map((r) => r.code_hash).join()).not.toContain(byAdmin.code.replace('-', ''));
  });

  it('a deactivated account’s codes stop working', async () => {
    const { code } = (await issue(admin.token, ids.fac2!)).body;
    await server.request('PATCH', `/api/v1/accounts/${ids.fac2}`, {
      token: admin.token,
      body: { active: false },
    });
    expect((await redeem(code)).status).toBe(401);
    expect((await issue(admin.token, ids.fac2!)).status).toBe(403);
  });
});

describe.each(backends)('enrolment rate limit on $name', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await backend.start({ throttle: { maxPerUsername: 5, maxPerIp: 3, windowMs: 60_000 } });
  });
  afterAll(() => server.close());

  it('answers 429 after repeated wrong codes from one address, even to a right code', async () => {
    const admin = await server.createUser({ username: 'admin', role: 'admin' });
    const fac = await server.createUser({ username: 'fac', role: 'facilitator' });
    const { code } = (
      await server.request('POST', '/api/v1/enrolment-codes', {
        token: admin.token,
        body: { userId: fac.id },
      })
    ).body;
    for (let i = 0; i < 3; i++) {
      const wrong = await server.request('POST', '/api/v1/auth/enrol', {
        body: { code: 'AAAA-AAAA', deviceLabel: 'x' },
      });
      expect(wrong.status).toBe(401);
    }
    const limited = await server.request('POST', '/api/v1/auth/enrol', { body: { code, deviceLabel: 'x' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
