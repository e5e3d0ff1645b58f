import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { del, hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const backends = await availableBackends();

describe.each(backends)('push on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  let processId: string;

  beforeAll(async () => {
    server = await backend.start();
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    processId = newId();
    const res = await push(newId(), [put(1, 'process', processId, processFields(), hlc(0))]);
    expect(res.status).toBe(200);
  });
  afterAll(() => server.close());

  const push = (
    clientId: string,
    mutations: Parameters<typeof pushBody>[1],
    epoch: string | null = null,
    token = admin.token,
  ) => server.request('POST', '/api/v1/sync/push', { token, body: pushBody(clientId, mutations, epoch) });
  const pullAll = async (token = admin.token) => {
    const changes = [];
    let cursor = '';
    for (;;) {
      const res = await server.request(
        'GET',
        `/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
        { token },
      );
      expect(res.status).toBe(200);
      changes.push(...res.body.changes);
      cursor = res.body.cursor;
      if (!res.body.hasMore) return { changes, cursor };
    }
  };
  const recordCount = async (id: string) =>
    Number(
      (
        await server.db.db
          .selectFrom('records')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('applies a batch and returns it on pull, with fields and per-field hlcs', async () => {
    const clientId = newId();
    const sessionId = newId();
    const res = await push(clientId, [
      put(1, 'session', sessionId, sessionFields(processId), hlc(10)),
      put(2, 'session', sessionId, { title: 'Asamblea de cierre' }, hlc(20)),
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      serverEpoch: expect.any(String),
      serverTime: expect.any(String),
      lastMutationId: 2,
      results: [
        { id: 1, status: 'applied' },
        { id: 2, status: 'applied' },
      ],
    });
    const { changes } = await pullAll();
    const change = changes.find((c) => c.id === sessionId);
    expect(change).toEqual({
      entity: 'session',
      id: sessionId,
      deleted: false,
      fields: { ...sessionFields(processId), title: 'Asamblea de cierre' },
      hlcs: expect.objectContaining({ title: hlc(20), place: hlc(10), processId: hlc(10) }),
    });
  });

  it('answers a retried batch with duplicate and stores no copy', async () => {
    const clientId = newId();
    const sessionId = newId();
    const batch = [put(1, 'session', sessionId, sessionFields(processId), hlc(30))];
    const first = await push(clientId, batch);
    const before = await pullAll();
    const retry = await push(clientId, batch);
    expect(retry.status).toBe(200);
    expect(retry.body.lastMutationId).toBe(1);
    expect(retry.body.results).toEqual([{ id: 1, status: 'duplicate' }]);
    expect(first.body.results).toEqual([{ id: 1, status: 'applied' }]);
    expect(await recordCount(sessionId)).toBe(1);
    const after = await server.request('GET', `/api/v1/sync/pull?cursor=${before.cursor}`, {
      token: admin.token,
    });
    expect(after.body.changes).toEqual([]);

    // A batch that overlaps what was stored: the old part is duplicate, the new part applies.
    const overlap = await push(clientId, [
      ...batch,
      put(2, 'session', sessionId, { place: 'Parque' }, hlc(31)),
    ]);
    expect(overlap.body.results).toEqual([
      { id: 1, status: 'duplicate' },
      { id: 2, status: 'applied' },
    ]);
  });

  it('refuses a batch that skips an id with 409 mutation_gap and applies nothing', async () => {
    const clientId = newId();
    const first = newId();
    expect((await push(clientId, [put(1, 'session', first, sessionFields(processId), hlc(40))])).status).toBe(
      200,
    );

    const okThenGap = newId();
    const gap = await push(clientId, [
      put(2, 'session', okThenGap, sessionFields(processId), hlc(41)),
      put(4, 'session', newId(), sessionFields(processId), hlc(42)),
    ]);
    expect(gap.status).toBe(409);
    expect(gap.body.error).toMatchObject({ code: 'mutation_gap', details: [{ expected: 3 }] });
    expect(await recordCount(okThenGap)).toBe(0);

    const fresh = await push(newId(), [put(5, 'session', newId(), sessionFields(processId), hlc(43))]);
    expect(fresh.status).toBe(409);
    expect(fresh.body.error.details).toEqual([{ expected: 1 }]);

    // The counter did not move: id 2 is still the next one.
    const next = await push(clientId, [put(2, 'session', okThenGap, sessionFields(processId), hlc(41))]);
    expect(next.body.results).toEqual([{ id: 2, status: 'applied' }]);
  });

  it('rejects an invalid mutation without blocking the ones after it, and keeps it for review', async () => {
    const clientId = newId();
    const good1 = newId();
    const bad = newId();
    const good2 = newId();
    const { title: _omit, ...withoutTitle } = sessionFields(processId);
    const res = await push(clientId, [
      put(1, 'session', good1, sessionFields(processId), hlc(50)),
      put(2, 'session', bad, { ...withoutTitle, date: '20-11-2026' }, hlc(51)),
      put(3, 'session', good2, sessionFields(processId), hlc(52)),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.lastMutationId).toBe(3);
    expect(res.body.results[0]).toEqual({ id: 1, status: 'applied' });
    expect(res.body.results[1]).toMatchObject({ id: 2, status: 'rejected', code: 'validation_failed' });
    expect(res.body.results[1].message).toContain('title');
    expect(res.body.results[1].message).toContain('date');
    expect(res.body.results[2]).toEqual({ id: 3, status: 'applied' });
    expect(await recordCount(bad)).toBe(0);

    const next = await push(clientId, [put(4, 'session', bad, sessionFields(processId), hlc(53))]);
    expect(next.body.results).toEqual([{ id: 4, status: 'applied' }]);

    const coord = await server.createUser({ username: 'coord-review', role: 'coordinator' });
    const list = await server.request('GET', '/api/v1/sync/rejections', { token: coord.token });
    expect(list.status).toBe(200);
    expect(list.body.rejections).toContainEqual(
      expect.objectContaining({
        clientId,
        mutationId: 2,
        userId: admin.id,
        entity: 'session',
        recordId: bad,
        code: 'validation_failed',
      }),
    );
    const entry = list.body.rejections.find((r: { clientId: string }) => r.clientId === clientId);
    expect(entry.mutation).toMatchObject({ id: 2, op: 'put', recordId: bad });

    const fac = await server.createUser({ username: 'fac-review', role: 'facilitator' });
    expect((await server.request('GET', '/api/v1/sync/rejections', { token: fac.token })).status).toBe(403);
  });

  it('merges field by field: a stale write changes nothing and takes no new seq', async () => {
    const sessionId = newId();
    const a = newId();
    const b = newId();
    await push(a, [put(1, 'session', sessionId, sessionFields(processId), hlc(60))]);
    const { cursor } = await pullAll();
    // Device B edits the place later; device A's older title edit arrives after it.
    await push(b, [put(1, 'session', sessionId, { place: 'Mercado' }, hlc(70, '00000000000000b2'))]);
    await push(a, [put(2, 'session', sessionId, { title: 'Título viejo', place: 'Escuela' }, hlc(65))]);
    const changes = (
      await server.request('GET', `/api/v1/sync/pull?cursor=${cursor}`, { token: admin.token })
    ).body.changes;
    expect(changes).toHaveLength(1);
    expect(changes[0].fields).toMatchObject({ title: 'Título viejo', place: 'Mercado' });
    const { cursor: latest } = await pullAll();

    const stale = await push(a, [put(3, 'session', sessionId, { title: 'Aún más viejo' }, hlc(61))]);
    expect(stale.body.results).toEqual([{ id: 3, status: 'applied' }]);
    const none = await server.request('GET', `/api/v1/sync/pull?cursor=${latest}`, { token: admin.token });
    expect(none.body.changes).toEqual([]);
  });

  it('deletes with a tombstone that only a later put with deleted:false undoes', async () => {
    const clientId = newId();
    const sessionId = newId();
    await push(clientId, [
      put(1, 'session', sessionId, sessionFields(processId), hlc(80)),
      del(2, 'session', sessionId, hlc(81)),
    ]);
    let change = (await pullAll()).changes.find((c) => c.id === sessionId);
    expect(change).toMatchObject({ deleted: true, hlcs: { deleted: hlc(81) } });

    await push(clientId, [put(3, 'session', sessionId, { title: 'Editado' }, hlc(82))]);
    change = (await pullAll()).changes.find((c) => c.id === sessionId);
    expect(change).toMatchObject({ deleted: true, fields: { title: 'Editado' } });

    await push(clientId, [put(4, 'session', sessionId, { deleted: false }, hlc(83))]);
    change = (await pullAll()).changes.find((c) => c.id === sessionId);
    expect(change).toMatchObject({ deleted: false, hlcs: { deleted: hlc(83) } });
  });

  it('rejects a put that creates a record without its required fields', async () => {
    const res = await push(newId(), [put(1, 'session', newId(), { title: 'Solo título' }, hlc(90))]);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'validation_failed' });
  });
});
