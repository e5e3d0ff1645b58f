import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const backends = await availableBackends();

describe.each(backends)('territorial scope on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  let fac: TestUser;
  const mine = newId();
  const theirs = newId();
  const theirSession = newId();
  const adminClient = newId();
  let adminNext = 1;

  const push = (user: TestUser, clientId: string, mutations: Parameters<typeof pushBody>[1]) =>
    server.request('POST', '/api/v1/sync/push', { token: user.token, body: pushBody(clientId, mutations) });
  const adminPush = (mutations: (id: number) => Parameters<typeof pushBody>[1]) => {
    const batch = mutations(adminNext);
    adminNext += batch.length;
    return push(admin, adminClient, batch);
  };
  const pull = (user: TestUser, cursor?: string) =>
    server.request('GET', `/api/v1/sync/pull${cursor ? `?cursor=${cursor}` : ''}`, { token: user.token });

  beforeAll(async () => {
    server = await backend.start();
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    fac = await server.createUser({ username: 'fac', role: 'facilitator' });
    const res = await adminPush((n) => [
      put(n, 'process', mine, processFields({ name: 'Proceso propio', teamUserIds: [fac.id] }), hlc(0)),
      put(n + 1, 'process', theirs, processFields({ name: 'Proceso ajeno' }), hlc(0)),
      put(n + 2, 'session', theirSession, sessionFields(theirs), hlc(1)),
    ]);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
  });
  afterAll(() => server.close());

  it('lets a facilitator write in their process and rejects the others as forbidden', async () => {
    const clientId = newId();
    const ownSession = newId();
    const res = await push(fac, clientId, [
      put(1, 'session', newId(), sessionFields(theirs), hlc(10)),
      put(2, 'session', ownSession, sessionFields(mine), hlc(11)),
      put(3, 'session', theirSession, { title: 'Intruso' }, hlc(12)),
      put(4, 'process', theirs, { name: 'Renombrado' }, hlc(13)),
      // Moving their own session into a process they are not in is also outside their scope.
      put(5, 'session', ownSession, { processId: theirs }, hlc(14)),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.lastMutationId).toBe(5);
    expect(res.body.results.map((r: { status: string; code?: string }) => r.code ?? r.status)).toEqual([
      'forbidden',
      'applied',
      'forbidden',
      'forbidden',
      'forbidden',
    ]);
    const adminView = (await pull(admin)).body.changes;
    expect(adminView.find((c: { id: string }) => c.id === theirSession).fields.title).toBe(
      'Asamblea de arranque',
    );
    expect(adminView.find((c: { id: string }) => c.id === ownSession).fields.processId).toBe(mine);
  });

  it('lets a facilitator create a process only with themselves on its team', async () => {
    const clientId = newId();
    const withMe = newId();
    const res = await push(fac, clientId, [
      put(1, 'process', newId(), processFields({ teamUserIds: [] }), hlc(20)),
      put(2, 'process', withMe, processFields({ name: 'Proceso nuevo', teamUserIds: [fac.id] }), hlc(21)),
      put(3, 'session', newId(), sessionFields(withMe), hlc(22)),
    ]);
    expect(res.body.results.map((r: { status: string; code?: string }) => r.code ?? r.status)).toEqual([
      'forbidden',
      'applied',
      'applied',
    ]);
  });

  it('pulls to a facilitator only the records of their processes', async () => {
    const changes = (await pull(fac)).body.changes as {
      entity: string;
      id: string;
      fields: { processId?: string };
    }[];
    expect(changes.some((c) => c.id === mine)).toBe(true);
    expect(changes.some((c) => c.id === theirs || c.id === theirSession)).toBe(false);
    expect(changes.filter((c) => c.entity === 'session').every((c) => c.fields.processId !== theirs)).toBe(
      true,
    );

    const promoter = await server.createUser({ username: 'prom', role: 'promoter' });
    expect((await pull(promoter)).body.changes).toEqual([]);
  });

  it('sends a newly assigned process with its history, even from a later cursor', async () => {
    const { cursor } = (await pull(fac)).body;
    await adminPush((n) => [put(n, 'process', theirs, { teamUserIds: [fac.id] }, hlc(30))]);
    const changes = (await pull(fac, cursor)).body.changes as { id: string }[];
    expect(changes.map((c) => c.id)).toEqual(expect.arrayContaining([theirs, theirSession, mine]));

    // And now the facilitator may edit it.
    const res = await push(fac, newId(), [put(1, 'session', theirSession, { title: 'Ahora sí' }, hlc(31))]);
    expect(res.body.results).toEqual([{ id: 1, status: 'applied' }]);
  });
});
