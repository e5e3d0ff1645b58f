/**
 * A push batch is read once and written at its end (apply-mutation.ts): the
 * outcome must be exactly that of applying its mutations one at a time —
 * later mutations see earlier ones, scope follows team changes made inside
 * the batch, refusals are stored, and commit order is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/domain';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const backends = await availableBackends();

function ballotFields(processId: string, roundId: string, problemId: string, dots = 1) {
  return {
    processId,
    roundId,
    kind: 'vote',
    castAt: '2026-11-20T18:00:00.000Z',
    dots: { [problemId]: dots },
  };
}

describe.each(backends)('push batches on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  let facilitator: TestUser;

  beforeAll(async () => {
    server = await backend.start();
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    facilitator = await server.createUser({ username: 'fac', role: 'facilitator' });
  });
  afterAll(() => server.close());

  const push = (clientId: string, mutations: Mutation[], token = admin.token) =>
    server.request('POST', '/api/v1/sync/push', { token, body: pushBody(clientId, mutations) });
  const pullAll = async (token = admin.token) => {
    const changes: { entity: string; id: string; fields: Record<string, unknown> }[] = [];
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
      if (!res.body.hasMore) return changes;
    }
  };
  const seqOf = async (id: string) =>
    Number(
      (await server.db.db.selectFrom('records').select('seq').where('id', '=', id).executeTakeFirstOrThrow())
        .seq,
    );

  it('follows a process created earlier in the same batch, and refuses a field user’s change of its team', async () => {
    const processId = newId();
    const [beforeRefusal, afterRefusal] = [newId(), newId()];
    const res = await push(
      newId(),
      [
        put(1, 'process', processId, processFields({ teamUserIds: [facilitator.id] }), hlc(1)),
        put(2, 'session', beforeRefusal, sessionFields(processId), hlc(2)),
        // The team belongs to coordinators once the process exists: handing it over is refused.
        put(3, 'process', processId, { teamUserIds: [admin.id] }, hlc(3)),
        put(4, 'session', afterRefusal, sessionFields(processId), hlc(4)),
      ],
      facilitator.token,
    );
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { id: 1, status: 'applied' },
      { id: 2, status: 'applied' },
      { id: 3, status: 'rejected', code: 'forbidden', message: expect.any(String) },
      { id: 4, status: 'applied' },
    ]);
    const members = await server.db.db
      .selectFrom('process_members')
      .select('user_id')
      .where('process_id', '=', processId)
      .execute();
    expect(members.map((m) => m.user_id)).toEqual([facilitator.id]);
    const ids = (await pullAll()).map((c) => c.id);
    expect(ids).toContain(beforeRefusal);
    expect(ids).toContain(afterRefusal);
  });

  it('applies a full batch of 500 as one-at-a-time would: merges, append-only refusals, order, rejections', async () => {
    const processId = newId();
    const roundId = newId();
    const problemId = newId();
    const earlier = newId();
    const setupClient = newId();
    const setup = await push(setupClient, [
      put(1, 'process', processId, processFields(), hlc(10)),
      put(2, 'session', earlier, sessionFields(processId, { title: 'Sesión previa' }), hlc(11)),
    ]);
    expect(setup.body.results.every((r: { status: string }) => r.status === 'applied')).toBe(true);

    const clientId = newId();
    const sessions = Array.from({ length: 240 }, () => newId());
    const ballots = Array.from({ length: 250 }, () => newId());
    const twice = newId();
    const changedBallot = ballots[0]!;
    const mutations: Mutation[] = [
      // An edit of a record stored by an earlier push, with a newer and an older stamp.
      put(1, 'session', earlier, { title: 'Sesión previa, corregida' }, hlc(20)),
      put(2, 'session', earlier, { place: 'Lugar viejo' }, hlc(5)),
      put(3, 'session', twice, sessionFields(processId, { title: 'Primera versión' }), hlc(21)),
    ];
    let id = 3;
    for (const sessionId of sessions) {
      mutations.push(put(++id, 'session', sessionId, sessionFields(processId), hlc(22)));
    }
    for (const ballotId of ballots) {
      mutations.push(put(++id, 'ballot', ballotId, ballotFields(processId, roundId, problemId), hlc(23)));
    }
    // The same record again later in the batch; a ballot changed after it was cast; an invalid session.
    mutations.push(put(++id, 'session', twice, { title: 'Segunda versión' }, hlc(24)));
    mutations.push(
      put(++id, 'ballot', changedBallot, ballotFields(processId, roundId, problemId, 3), hlc(25)),
    );
    mutations.push(put(++id, 'session', newId(), { processId, title: 'x' }, hlc(26)));
    while (mutations.length < 500) {
      mutations.push(put(++id, 'session', newId(), sessionFields(processId), hlc(27)));
    }
    expect(mutations).toHaveLength(500);

    const res = await push(clientId, mutations);
    expect(res.status).toBe(200);
    expect(res.body.lastMutationId).toBe(500);
    const rejected = res.body.results.filter((r: { status: string }) => r.status !== 'applied');
    expect(rejected).toEqual([
      { id: 495, status: 'rejected', code: 'append_only', message: expect.any(String) },
      { id: 496, status: 'rejected', code: 'validation_failed', message: expect.any(String) },
    ]);

    const changes = await pullAll();
    const byId = new Map(changes.map((c) => [c.id, c]));
    expect(changes.filter((c) => c.id === twice)).toHaveLength(1);
    expect(byId.get(twice)!.fields.title).toBe('Segunda versión');
    expect(byId.get(earlier)!.fields).toMatchObject({
      title: 'Sesión previa, corregida',
      place: 'Casa de cultura',
    });
    expect(byId.get(changedBallot)!.fields.dots).toEqual({ [problemId]: 1 });
    // Commit order: the record written twice takes the seq of its last write, after everything between.
    expect(await seqOf(twice)).toBeGreaterThan(await seqOf(ballots[ballots.length - 1]!));
    expect(await seqOf(sessions[0]!)).toBeGreaterThan(await seqOf(earlier));

    const stored = await server.request('GET', '/api/v1/sync/rejections?limit=1000', { token: admin.token });
    const ours = stored.body.rejections.filter((r: { clientId: string }) => r.clientId === clientId);
    expect(ours.map((r: { mutationId: number; code: string }) => [r.mutationId, r.code]).sort()).toEqual([
      [495, 'append_only'],
      [496, 'validation_failed'],
    ]);

    // Sent again whole: every mutation is a duplicate and nothing changes.
    const seqBefore = await seqOf(twice);
    const again = await push(clientId, mutations);
    expect(again.body.results.every((r: { status: string }) => r.status === 'duplicate')).toBe(true);
    expect(await seqOf(twice)).toBe(seqBefore);
  });
  it('answers pushes sent at the same time each once, in commit order, and fails only the one that throws', async () => {
    const sequence = async () =>
      Number(
        (
          await server.db.db
            .selectFrom('commit_sequence')
            .select('value')
            .where('id', '=', 1)
            .executeTakeFirstOrThrow()
        ).value,
      );
    const createProcess = (clientId: string, mutationId: number, processId: string, i: number) =>
      push(clientId, [
        put(mutationId, 'process', processId, processFields({ name: `Proceso ${i}` }), hlc(200 + i)),
      ]);

    for (const gapAt of [null, 5]) {
      const clients = Array.from({ length: 12 }, () => newId());
      const processes = clients.map(() => newId());
      const before = await sequence();
      // Each push creates a process; with gapAt, that one starts at id 3 on a new client: a gap (409).
      const answers = await Promise.all(
        clients.map((clientId, i) => createProcess(clientId, i === gapAt ? 3 : 1, processes[i]!, i)),
      );
      const applied = processes.filter((_, i) => i !== gapAt);
      answers.forEach((res, i) => {
        if (i === gapAt) return expect(res.status).toBe(409);
        expect(res.status).toBe(200);
        expect(res.body.results).toEqual([{ id: 1, status: 'applied' }]);
        expect(res.body.lastMutationId).toBe(1);
      });
      const changes = await pullAll();
      for (const [i, id] of processes.entries()) {
        expect(changes.filter((c) => c.id === id)).toHaveLength(i === gapAt ? 0 : 1);
      }
      // Each applied push took its own seq, after everything before; the stored sequence is the last one given.
      const seqs = await Promise.all(applied.map(seqOf));
      expect([...seqs].sort((a, b) => a - b)).toEqual(applied.map((_, i) => before + i + 1));
      expect(await sequence()).toBe(before + applied.length);

      // Sent again: duplicates, and nothing moves.
      const again = await Promise.all(
        clients.map((clientId, i) => (i === gapAt ? null : createProcess(clientId, 1, processes[i]!, i))),
      );
      for (const res of again) if (res) expect(res.body.results).toEqual([{ id: 1, status: 'duplicate' }]);
      expect(await Promise.all(applied.map(seqOf))).toEqual(seqs);
    }
  });
});
