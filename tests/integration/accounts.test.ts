/**
 * The office's accounts on SQLite and PostgreSQL: who sees and manages which
 * account (administrators everyone; coordinators field users in their scope
 * only), that no one raises a role past their own reach, that deactivation
 * signs every device out at once and keeps the account, and that a reset
 * password is a one-time code replaced at the next sign-in.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, unitIdFromKey } from '../../src/domain';
import { availableBackends, DEFAULT_PASSWORD, type Json, type TestServer, type TestUser } from './harness';
import { processFields, pushBody, put } from './server-fixtures';

const backends = await availableBackends();

describe.each(backends)('accounts on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  let borough: TestUser;
  const d1 = randomUUID();
  const d2 = randomUUID();
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const login = (username: string, password = DEFAULT_PASSWORD, extra: Record<string, unknown> = {}) =>
    server.request('POST', '/api/v1/auth/login', {
      body: { username, password, deviceLabel: 'Tableta', ...extra },
    });
  const create = (token: string, body: Record<string, unknown>) =>
    server.request('POST', '/api/v1/users', {
      token,
      body: { password: DEFAULT_PASSWORD, displayName: String(body.username), ...body },
    });
  const patch = (token: string, id: string, body: Record<string, unknown>) =>
    server.request('PATCH', `/api/v1/accounts/${id}`, { token, body });
  const listed = async (token: string) => {
    const res = await server.request('GET', '/api/v1/accounts', { token });
    expect(res.status).toBe(200);
    return (res.body.accounts as Json[]).map((a) => a.username as string).sort();
  };

  beforeAll(async () => {
    server = await backend.start();
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    borough = await server.createUser({ username: 'coord', role: 'coordinator' });
    ids.admin = admin.id;
    ids.coord = borough.id;
    for (const [username, role, directorateIds] of [
      ['dc1', 'coordinator', [d1]],
      ['dc2', 'coordinator', [d2]],
      ['fac2', 'facilitator', [d2]],
      ['fac0', 'promoter', undefined],
    ] as const) {
      const res = await create(admin.token, {
        username,
        role,
        ...(directorateIds ? { directorateIds } : {}),
      });
      expect(res.status).toBe(201);
      ids[username] = res.body.id;
    }
    for (const name of ['dc1', 'dc2', 'fac2']) tokens[name] = (await login(name)).body.token;
    // A directorate coordinator's new field user works in their directorates.
    const fac1 = await create(tokens.dc1!, { username: 'fac1', role: 'facilitator' });
    expect(fac1.status).toBe(201);
    ids.fac1 = fac1.body.id;
    tokens.fac1 = (await login('fac1')).body.token;
  });
  afterAll(() => server.close());

  it('lists every account to administrators and only the field users in scope to coordinators', async () => {
    expect(await listed(admin.token)).toEqual(['admin', 'coord', 'dc1', 'dc2', 'fac0', 'fac1', 'fac2']);
    expect(await listed(borough.token)).toEqual(['coord', 'fac0', 'fac1', 'fac2']);
    expect(await listed(tokens.dc1!)).toEqual(['dc1', 'fac1']);
    expect(await listed(tokens.dc2!)).toEqual(['dc2', 'fac2']);
    const mine = (await server.request('GET', '/api/v1/accounts', { token: tokens.dc1! })).body.accounts;
    expect(mine.find((a: Json) => a.username === 'fac1')).toMatchObject({
      role: 'facilitator',
      directorateIds: [d1],
      active: true,
      mustChangePassword: false,
    });
    expect((await server.request('GET', '/api/v1/accounts', { token: tokens.fac1! })).status).toBe(403);
  });

  it('refuses accounts outside the coordinator’s reach and weak passwords, in Spanish', async () => {
    expect((await create(tokens.dc1!, { username: 'xx1', role: 'coordinator' })).status).toBe(403);
    expect((await create(tokens.dc1!, { username: 'xx2', role: 'admin' })).status).toBe(403);
    expect(
      (await create(tokens.dc1!, { username: 'xx3', role: 'facilitator', directorateIds: [d2] })).status,
    ).toBe(403);
    for (const password of ['contraseña', 'Iztapalapa2024!', '1234567890', 'xx4-secreta-xx4']) {
      const res = await create(admin.token, { username: 'xx4', role: 'facilitator', password });
      expect(res.status, password).toBe(400);
      expect(res.body.error.details[0].path).toBe('password');
      expect(res.body.error.details[0].message).toMatch(/contraseña/i);
    }
    expect(
      (await create(admin.token, { username: 'xx5', role: 'facilitator', password: '12345678' })).body.error
        .details[0].message,
    ).toBe('La contraseña debe tener al menos 10 caracteres');
  });

  it('lets a coordinator edit their field users but never raise a role or reach beyond scope', async () => {
    const renamed = await patch(tokens.dc1!, ids.fac1!, { displayName: 'Fabiola Cruz' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe('Fabiola Cruz');
    expect((await patch(tokens.dc1!, ids.fac1!, { role: 'promoter' })).body.role).toBe('promoter');
    expect((await patch(tokens.dc1!, ids.fac1!, { role: 'coordinator' })).status).toBe(403);
    expect((await patch(borough.token, ids.fac0!, { role: 'admin' })).status).toBe(403);
    // Out of scope: answered as not found, so nothing is learnt about the account.
    expect((await patch(tokens.dc1!, ids.fac2!, { displayName: 'X' })).status).toBe(404);
    expect((await patch(tokens.dc1!, ids.admin!, { displayName: 'X' })).status).toBe(404);
    expect((await patch(borough.token, ids.admin!, { displayName: 'X' })).status).toBe(404);
    expect((await patch(borough.token, ids.dc1!, { active: false })).status).toBe(404);
    // Moving a field user to another coordinator's directorate is not theirs to do.
    expect((await patch(tokens.dc1!, ids.fac1!, { directorateIds: [d2] })).status).toBe(403);
    expect((await patch(tokens.dc1!, ids.dc1!, { role: 'admin' })).status).toBe(403);
    expect((await patch(tokens.dc1!, ids.dc1!, { active: false })).status).toBe(403);
    expect((await patch(admin.token, ids.fac2!, { directorateIds: [d1, d2] })).status).toBe(200);
    expect(await listed(tokens.dc1!)).toEqual(['dc1', 'fac1', 'fac2']);
    expect(
      (await patch(admin.token, ids.dc2!, { role: 'facilitator', directorateIds: [] })).body,
    ).toMatchObject({
      role: 'facilitator',
      directorateIds: [],
    });
    expect((await patch(admin.token, ids.admin!, { active: false })).status).toBe(403);
  });

  it('deactivation signs every device out at once and keeps the account', async () => {
    const second = (await login('fac2')).body.token as string;
    expect((await server.request('GET', '/api/v1/auth/me', { token: second })).status).toBe(200);
    const off = await patch(admin.token, ids.fac2!, { active: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false });
    expect(off.body.deactivatedAt).toEqual(expect.any(String));
    for (const token of [tokens.fac2!, second]) {
      expect((await server.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    }
    const devices = await server.request('GET', `/api/v1/auth/devices?userId=${ids.fac2}`, {
      token: admin.token,
    });
    expect(devices.body.devices.every((d: Json) => d.revokedAt !== null)).toBe(true);
    expect((await login('fac2')).status).toBe(403);
    expect(await listed(admin.token)).toContain('fac2');
    expect((await patch(admin.token, ids.fac2!, { active: true })).body.active).toBe(true);
    expect((await login('fac2')).status).toBe(200);
  });

  it('resets a password to a one-time code that must be replaced at the next sign-in', async () => {
    const reset = await server.request('POST', `/api/v1/accounts/${ids.fac1}/reset-password`, {
      token: tokens.dc1!,
    });
    expect(reset.status).toBe(200);
    const code = reset.body.oneTimeCode as string;
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect((await server.request('GET', '/api/v1/auth/me', { token: tokens.fac1! })).status).toBe(401);
    expect((await login('fac1')).status).toBe(401);
    const listedNow = (await server.request('GET', '/api/v1/accounts', { token: tokens.dc1! })).body.accounts;
    expect(listedNow.find((a: Json) => a.id === ids.fac1).mustChangePassword).toBe(true);

    const bare = await login('fac1', code);
    expect(bare.status).toBe(409);
    expect(bare.body.error.code).toBe('password_change_required');
    const weak = await login('fac1', code, { newPassword: 'contraseña123' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0]).toMatchObject({ path: 'newPassword', passwordProblem: 'common' });
    const done = await login('fac1', code, { newPassword: 'mi nueva frase segura' });
    expect(done.status).toBe(200);
    expect((await login('fac1', code)).status).toBe(401);
    expect((await login('fac1', 'mi nueva frase segura')).status).toBe(200);
    expect(
      (await server.request('POST', `/api/v1/accounts/${ids.fac0}/reset-password`, { token: tokens.dc1! }))
        .status,
    ).toBe(404);
  });

  it('puts a field user on a team of the coordinator’s processes in their care, and no further', async () => {
    expect(await listed(tokens.dc1!)).not.toContain('fac0');
    const stamp = formatHlc({ millis: Date.now(), counter: 1, node: '00000000000000a1' });
    const square = [
      [
        [-99.05, 19.35],
        [-99.04, 19.35],
        [-99.04, 19.36],
        [-99.05, 19.35],
      ],
    ];
    const pushed = await server.request('POST', '/api/v1/sync/push', {
      token: admin.token,
      body: pushBody(randomUUID(), [
        put(
          1,
          'territorialUnit',
          unitIdFromKey('07-001'),
          {
            key: '07-001',
            name: 'ACULCO (PBLO)',
            population: 1000,
            directorateId: d1,
            prioritised: false,
            geometry: { type: 'Polygon', coordinates: square },
          },
          stamp,
        ),
        put(
          2,
          'process',
          randomUUID(),
          processFields({ unitKeys: ['07-001'], teamUserIds: [ids.fac0] }),
          stamp,
        ),
      ]),
    });
    expect(pushed.body.results.map((r: Json) => r.status)).toEqual(['applied', 'applied']);
    expect(await listed(tokens.dc1!)).toContain('fac0');
    expect((await patch(tokens.dc1!, ids.fac0!, { displayName: 'Promotora del equipo' })).status).toBe(200);
    expect((await patch(tokens.dc1!, ids.fac0!, { role: 'coordinator' })).status).toBe(403);
    const code = await server.request('POST', '/api/v1/enrolment-codes', {
      token: tokens.dc1!,
      body: { userId: ids.fac0 },
    });
    expect(code.status).toBe(201);
  });
});
