/**
 * Territorial scope, both ways: two facilitators, each on their own process,
 * can neither read nor write the other's — whichever of them tries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { del, hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const backends = await availableBackends();

interface Side {
  user: TestUser;
  clientId: string;
  next: number;
  process: string;
  session: string;
}

describe.each(backends)(
  'a facilitator of one process cannot read or write another’s, both ways, on $name',
  (backend) => {
    let server: TestServer;
    let a: Side;
    let b: Side;

    const push = (side: Side, mutations: (first: number) => ReturnType<typeof put>[]) => {
      const batch = mutations(side.next);
      side.next += batch.length;
      return server.request('POST', '/api/v1/sync/push', {
        token: side.user.token,
        body: pushBody(side.clientId, batch),
      });
    };
    const pullIds = async (side: Side) => {
      const res = await server.request('GET', '/api/v1/sync/pull?limit=1000', { token: side.user.token });
      expect(res.status).toBe(200);
      return (res.body.changes as { id: string }[]).map((c) => c.id);
    };
    const statuses = (body: { results: { status: string; code?: string }[] }) =>
      body.results.map((r) => r.code ?? r.status);

    beforeAll(async () => {
      server = await backend.start();
      const side = async (username: string): Promise<Side> => ({
        user: await server.createUser({ username, role: 'facilitator' }),
        clientId: newId(),
        next: 1,
        process: newId(),
        session: newId(),
      });
      a = await side('ana');
      b = await side('beto');
      // Each creates their own process and a session in it, from their own device.
      for (const s of [a, b]) {
        const res = await push(s, (n) => [
          put(
            n,
            'process',
            s.process,
            processFields({ name: `Proceso de ${s.user.username}`, teamUserIds: [s.user.id] }),
            hlc(0),
          ),
          put(
            n + 1,
            'session',
            s.session,
            sessionFields(s.process, { title: `Sesión de ${s.user.username}` }),
            hlc(1),
          ),
        ]);
        expect(statuses(res.body)).toEqual(['applied', 'applied']);
      }
    });
    afterAll(() => server.close());

    it.each([
      ['ana', 'beto'],
      ['beto', 'ana'],
    ])('%s cannot read %s’s process or sessions', async (me, other) => {
      const [mine, theirs] = me === 'ana' ? [a, b] : [b, a];
      expect(other).toBe(theirs.user.username);
      const visible = await pullIds(mine);
      expect(visible).toEqual(expect.arrayContaining([mine.process, mine.session]));
      expect(visible).not.toContain(theirs.process);
      expect(visible).not.toContain(theirs.session);
    });

    it.each([
      ['ana', 'beto'],
      ['beto', 'ana'],
    ])('%s cannot write %s’s process or sessions, and nothing of theirs changes', async (me) => {
      const [mine, theirs] = me === 'ana' ? [a, b] : [b, a];
      const before = await server.request('GET', '/api/v1/sync/pull?limit=1000', {
        token: theirs.user.token,
      });
      const res = await push(mine, (n) => [
        put(n, 'process', theirs.process, { name: 'Renombrado por otro' }, hlc(10)),
        put(n + 1, 'process', theirs.process, { teamUserIds: [theirs.user.id, mine.user.id] }, hlc(11)),
        put(n + 2, 'session', theirs.session, { title: 'Editada por otro' }, hlc(12)),
        del(n + 3, 'session', theirs.session, hlc(13)),
        put(n + 4, 'session', newId(), sessionFields(theirs.process), hlc(14)),
      ]);
      expect(res.status).toBe(200);
      expect(statuses(res.body)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden']);
      const after = await server.request('GET', '/api/v1/sync/pull?limit=1000', { token: theirs.user.token });
      expect(after.body.changes).toEqual(before.body.changes);
      // And still nothing of theirs reaches me.
      expect(await pullIds(mine)).not.toContain(theirs.process);
    });
  },
);
