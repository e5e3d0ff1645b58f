/**
 * Directorate scope: a coordinator limited to some territorial directorates
 * reads and writes only the processes covering their units (plus reference
 * data), and a unit moved into their directorate restarts their pulls so
 * its history reaches them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, unitIdFromKey } from '../../src/domain';
import { runCli } from './child-server';
import { availableBackends, DEFAULT_PASSWORD, type Json, type TestServer, type TestUser } from './harness';
import { newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const REAL_FILE = path.resolve('..', 'shared', 'data', 'iztapalapa-unidades-territoriales-2022.geojson');

let tick = 0;
/** Increasing device stamps from now (later than the import's server stamps). */
const stamp = () => formatHlc({ millis: Date.now() + 1000, counter: ++tick, node: '00000000000000d1' });

const backends = await availableBackends();

describe.each(backends)('directorate scope on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  let dirCoord: { id: string; token: string };
  const d1 = newId();
  const d2 = newId();
  const p1 = newId();
  const p2 = newId();
  const s1 = newId();
  const s2 = newId();
  const adminClient = newId();
  let adminNext = 1;

  const adminPush = (items: [string, string, Record<string, unknown>][]) => {
    const mutations = items.map(([entity, id, fields]) => put(adminNext++, entity, id, fields, stamp()));
    return server.request('POST', '/api/v1/sync/push', {
      token: admin.token,
      body: pushBody(adminClient, mutations),
    });
  };
  const pullAll = async (token: string, from?: string) => {
    let cursor = from;
    const changes: Json[] = [];
    for (;;) {
      const res = await server.request(
        'GET',
        `/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
        { token },
      );
      expect(res.status).toBe(200);
      changes.push(...res.body.changes);
      cursor = res.body.cursor;
      if (!res.body.hasMore) return { changes, cursor: cursor! };
    }
  };
  const idsOf = (changes: Json[], entity: string) =>
    changes.filter((c) => c.entity === entity).map((c) => c.id as string);
  const login = async (username: string) => {
    const res = await server.request('POST', '/api/v1/auth/login', {
      body: { username, password: DEFAULT_PASSWORD, deviceLabel: 'Tableta' },
    });
    expect(res.status).toBe(200);
    return { id: res.body.user.id as string, token: res.body.token as string, user: res.body.user as Json };
  };

  beforeAll(async () => {
    server = await backend.start();
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    const imported = await server.request('POST', '/api/v1/territory/import', {
      token: admin.token,
      body: JSON.parse(readFileSync(REAL_FILE, 'utf8')),
    });
    expect(imported.body.added).toBe(295);
    const res = await adminPush([
      ['directorate', d1, { name: 'Dirección Territorial 1', number: 1 }],
      ['directorate', d2, { name: 'Dirección Territorial 2', number: 2 }],
      ['territorialUnit', unitIdFromKey('07-001'), { directorateId: d1 }],
      ['territorialUnit', unitIdFromKey('07-002'), { directorateId: d2 }],
      ['process', p1, processFields({ name: 'Proceso D1', unitKeys: ['07-001'] })],
      ['process', p2, processFields({ name: 'Proceso D2', unitKeys: ['07-002'] })],
      ['session', s1, sessionFields(p1)],
      ['session', s2, sessionFields(p2)],
    ]);
    expect(res.body.results.every((r: Json) => r.status === 'applied')).toBe(true);

    const created = await server.request('POST', '/api/v1/users', {
      token: admin.token,
      body: {
        username: 'coord-d1',
        displayName: 'Coordinación D1',
        role: 'coordinator',
        password: DEFAULT_PASSWORD,
        directorateIds: [d1],
      },
    });
    expect(created.status).toBe(201);
    const session = await login('coord-d1');
    expect(session.user.scope).toEqual({ kind: 'directorates', directorates: [d1] });
    dirCoord = session;
  });
  afterAll(() => server.close());

  it('pulls the processes of their directorates and all reference data, nothing else', async () => {
    const { changes } = await pullAll(dirCoord.token);
    expect(idsOf(changes, 'process')).toEqual([p1]);
    expect(idsOf(changes, 'session')).toEqual([s1]);
    expect(idsOf(changes, 'territorialUnit')).toHaveLength(295);
    expect(idsOf(changes, 'directorate').sort()).toEqual([d1, d2].sort());
  });

  it('writes only inside their directorates', async () => {
    const inside = newId();
    const res = await server.request('POST', '/api/v1/sync/push', {
      token: dirCoord.token,
      body: pushBody(newId(), [
        put(1, 'session', newId(), sessionFields(p1), stamp()),
        put(2, 'session', newId(), sessionFields(p2), stamp()),
        put(3, 'process', p2, { name: 'Tomado' }, stamp()),
        put(4, 'process', newId(), processFields({ unitKeys: ['07-002'] }), stamp()),
        put(5, 'process', inside, processFields({ unitKeys: ['07-001', '07-002'] }), stamp()),
        put(6, 'process', p1, { unitKeys: ['07-002'] }, stamp()),
      ]),
    });
    expect(res.body.results.map((r: Json) => r.code ?? r.status)).toEqual([
      'applied',
      'forbidden',
      'forbidden',
      'forbidden',
      'applied',
      'forbidden',
    ]);
    const { changes } = await pullAll(dirCoord.token);
    expect(idsOf(changes, 'process').sort()).toEqual([p1, inside].sort());
  });

  it('restarts pulls when a unit moves into their directorate, and the other way', async () => {
    const { cursor } = await pullAll(dirCoord.token);
    await adminPush([['territorialUnit', unitIdFromKey('07-002'), { directorateId: d1 }]]);
    const after = await pullAll(dirCoord.token, cursor);
    expect(idsOf(after.changes, 'process')).toContain(p2);
    expect(idsOf(after.changes, 'session')).toContain(s2);

    await adminPush([['territorialUnit', unitIdFromKey('07-001'), { directorateId: d2 }]]);
    await adminPush([['territorialUnit', unitIdFromKey('07-002'), { directorateId: d2 }]]);
    const none = await pullAll(dirCoord.token, after.cursor);
    expect(idsOf(none.changes, 'process')).toEqual([]);
    expect(idsOf(none.changes, 'session')).toEqual([]);
    const refused = await server.request('POST', '/api/v1/sync/push', {
      token: dirCoord.token,
      body: pushBody(newId(), [put(1, 'session', newId(), sessionFields(p1), stamp())]),
    });
    expect(refused.body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });

  it('refuses directorates for administrators (field accounts carry them only to say who manages them)', async () => {
    const res = await server.request('POST', '/api/v1/users', {
      token: admin.token,
      body: {
        username: 'admin-d1',
        displayName: 'Administradora',
        role: 'admin',
        password: DEFAULT_PASSWORD,
        directorateIds: [d1],
      },
    });
    expect(res.status).toBe(400);
  });

  it('creates a directorate coordinator from the CLI', async () => {
    const out = await runCli(
      [
        'user',
        'add',
        '--username',
        'coord-cli',
        '--role',
        'coordinator',
        '--password-stdin',
        '--directorate',
        d2,
      ],
      server.env,
      DEFAULT_PASSWORD,
    );
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const session = await login('coord-cli');
    expect(session.user.scope).toEqual({ kind: 'directorates', directorates: [d2] });
  });
});
