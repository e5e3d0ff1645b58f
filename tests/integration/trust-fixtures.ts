/**
 * A small borough for the trust-boundary tests: two directorates with one unit
 * and one process each, a facilitator and a promoter on each process's team, a
 * coordinator limited to the first directorate, an administrator — and helpers
 * to push and pull as any of them.
 */
import { expect } from 'vitest';
import { DEFAULT_RUBRIC_TEMPLATES, unitIdFromKey, type Fields, type Mutation } from '../../src/domain';
import { DEFAULT_PASSWORD, type Json, type TestServer, type TestUser } from './harness';
import { hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

export interface Borough {
  admin: TestUser;
  /** Coordinator limited to directorate d1 (and d3, which holds no unit). */
  dirCoord: TestUser;
  fac1: TestUser;
  prom1: TestUser;
  fac2: TestUser;
  d1: string;
  d2: string;
  d3: string;
  /** Processes on unit 07-001 (d1) and 07-002 (d2). */
  p1: string;
  p2: string;
  s1: string;
  s2: string;
  /** A round of p2 (on session s2), with two problems of p2. */
  round2: string;
  /** A rubric template (reference data) and its version. */
  template: { id: string; version: number };
  push(user: TestUser, mutations: Mutation[], clientId?: string): Promise<Json>;
  pullAll(
    user: TestUser,
  ): Promise<{ entity: string; id: string; fields: Fields; hlcs: Record<string, string> }[]>;
}

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 19.3],
      [x + 0.01, 19.3],
      [x + 0.01, 19.31],
      [x, 19.3],
    ],
  ],
});

export function unitFields(key: string, directorateId: string | null, x: number): Fields {
  return {
    key,
    name: `Unidad ${key}`,
    population: 1000,
    directorateId,
    prioritised: false,
    geometry: square(x),
  };
}

export async function setUpBorough(server: TestServer): Promise<Borough> {
  const admin = await server.createUser({ username: 'admin', role: 'admin' });
  const [fac1, prom1, fac2] = [
    await server.createUser({ username: 'fac1', role: 'facilitator' }),
    await server.createUser({ username: 'prom1', role: 'promoter' }),
    await server.createUser({ username: 'fac2', role: 'facilitator' }),
  ];
  const [d1, d2, d3, p1, p2, s1, s2, round2, probA, probB] = Array.from({ length: 10 }, newId);
  let seq = 0;
  const adminClient = newId();
  const push = async (user: TestUser, mutations: Mutation[], clientId = newId()) => {
    const res = await server.request('POST', '/api/v1/sync/push', {
      token: user.token,
      body: pushBody(clientId, mutations),
    });
    return res;
  };
  const adminWrite = async (writes: [string, string, Fields][]) => {
    const res = await push(
      admin,
      writes.map(([entity, id, fields]) => put(++seq, entity, id, fields, hlc(seq))),
      adminClient,
    );
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: Json) => r.code ?? r.status)).toEqual(writes.map(() => 'applied'));
  };
  const { id: templateId, ...templateFields } = DEFAULT_RUBRIC_TEMPLATES[0]!;
  await adminWrite([
    ['rubricTemplate', templateId, templateFields as unknown as Fields],
    ['directorate', d1, { name: 'Dirección Territorial 1', number: 1 }],
    ['directorate', d2, { name: 'Dirección Territorial 2', number: 2 }],
    ['directorate', d3, { name: 'Dirección Territorial 3', number: 3 }],
    ['territorialUnit', unitIdFromKey('07-001'), unitFields('07-001', d1, -99.05)],
    ['territorialUnit', unitIdFromKey('07-002'), unitFields('07-002', d2, -99.03)],
    [
      'process',
      p1,
      processFields({ name: 'Proceso D1', unitKeys: ['07-001'], teamUserIds: [fac1.id, prom1.id] }),
    ],
    ['process', p2, processFields({ name: 'Proceso D2', unitKeys: ['07-002'], teamUserIds: [fac2.id] })],
    ['session', s1, sessionFields(p1)],
    ['session', s2, sessionFields(p2)],
    ['problem', probA, { processId: p2, title: 'Fugas de agua', theme: 'water' }],
    ['problem', probB, { processId: p2, title: 'Sin alumbrado', theme: 'safety' }],
    [
      'round',
      round2,
      {
        processId: p2,
        sessionId: s2,
        title: 'Priorización',
        options: [
          { problemId: probA, title: 'Fugas de agua' },
          { problemId: probB, title: 'Sin alumbrado' },
        ],
        method: 'dots',
        dotsPerPerson: 2,
        status: 'open',
        openedAt: '2026-11-20T18:00:00.000Z',
      },
    ],
  ]);
  const created = await server.request('POST', '/api/v1/users', {
    token: admin.token,
    body: {
      username: 'coord-d1',
      displayName: 'Coordinación D1',
      role: 'coordinator',
      password: DEFAULT_PASSWORD,
      directorateIds: [d1, d3],
    },
  });
  expect(created.status).toBe(201);
  const login = await server.request('POST', '/api/v1/auth/login', {
    body: { username: 'coord-d1', password: DEFAULT_PASSWORD, deviceLabel: 'Oficina' },
  });
  expect(login.status).toBe(200);
  const dirCoord: TestUser = {
    id: login.body.user.id,
    username: 'coord-d1',
    password: DEFAULT_PASSWORD,
    role: 'coordinator',
    token: login.body.token,
  };

  const pullAll = async (user: TestUser) => {
    const changes: Json[] = [];
    let cursor = '';
    for (;;) {
      const res = await server.request(
        'GET',
        `/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
        {
          token: user.token,
        },
      );
      expect(res.status).toBe(200);
      changes.push(...res.body.changes);
      cursor = res.body.cursor;
      if (!res.body.hasMore) return changes;
    }
  };
  const template = { id: templateId, version: templateFields.version };
  return { admin, dirCoord, fac1, prom1, fac2, d1, d2, d3, p1, p2, s1, s2, round2, template, push, pullAll };
}

/** `code ?? status` of each result, the shape most assertions compare. */
export const outcomes = (res: Json): string[] => res.body.results.map((r: Json) => r.code ?? r.status);
