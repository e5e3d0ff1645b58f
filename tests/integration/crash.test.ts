/**
 * Server crash safety: the real server runs as a child process and is
 * killed with SIGKILL while several clients push large batches at once.
 * After every kill the database must be consistent — every acknowledged
 * mutation is there, every batch is applied whole or not at all (a
 * client's lastMutationId always ends a batch, and its records are exactly
 * ids 1…lastMutationId), the commit sequence matches the records — and
 * clients re-pushing what was not acknowledged get `duplicate` for what
 * the server had committed and `applied` for the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, type Mutation } from '../../src/domain';
import { openDatabase } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrations';
import { createUsersRepository } from '../../src/server/repositories/users.repository';
import { createUsersService } from '../../src/server/services/users.service';
import {
  createThrowawayStore,
  startChildServer,
  type ChildServer,
  type ThrowawayStore,
} from './child-server';
import { availableBackends, DEFAULT_PASSWORD } from './harness';
import { newId, processFields, sessionFields } from './server-fixtures';

const backends = await availableBackends();

const CLIENTS = 4;
const BATCH = 250;
const BATCHES_PER_CLIENT = 8;
const KILLS = 3;
const NOTES = 'x'.repeat(1500); // ~0.5 MB per batch: commits take long enough to be cut

interface PushClient {
  index: number;
  clientId: string;
  /** Highest mutation id the server acknowledged (a 200 received). */
  acked: number;
  /** Highest mutation id sent (acknowledged or not). */
  sent: number;
  /** The server's lastMutationId for this client as far as the test knows (read after each kill). */
  known: number;
}

const stamp = (seconds: number) =>
  formatHlc({
    millis: Date.parse('2026-11-20T17:00:00.000Z') + seconds * 1000,
    counter: 0,
    node: '00000000000000c1',
  });

function batchOf(client: PushClient, processId: string, batch: number): Mutation[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const id = batch * BATCH + i + 1;
    return {
      id,
      entity: 'session',
      recordId: newId(),
      op: 'put',
      fields: sessionFields(processId, { title: `c${client.index} m${id}`, notes: NOTES }),
      hlc: stamp(id),
    } satisfies Mutation;
  });
}

describe.each(backends)('server killed with SIGKILL mid-push on $name', (backend) => {
  let store: ThrowawayStore;
  let server: ChildServer | null = null;
  let token: string;
  let epoch: string;
  const processId = newId();

  beforeAll(async () => {
    store = await createThrowawayStore(backend.name);
    const database = openDatabase(store.config);
    await migrateToLatest(database.db);
    await createUsersService({ users: createUsersRepository(database.db) }).createUser(
      { username: 'admin', displayName: 'Admin', role: 'admin', password: DEFAULT_PASSWORD },
      'system',
    );
    await database.close();
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await server?.exited;
    await store.drop();
  });

  const push = (clientId: string, mutations: Mutation[]) =>
    fetch(`${server!.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, serverEpoch: epoch, mutations }),
    });

  /** What the database holds for each client, read directly (the server is dead). */
  async function inspect() {
    const database = openDatabase(store.config);
    try {
      const db = database.db;
      const clients = await db.selectFrom('clients').select(['client_id', 'last_mutation_id']).execute();
      const sessions = await db
        .selectFrom('records')
        .select(['fields', 'seq'])
        .where('entity', '=', 'session')
        .execute();
      const sequence = await db.selectFrom('commit_sequence').select('value').executeTakeFirstOrThrow();
      const maxSeq = await db
        .selectFrom('records')
        .select((eb) => eb.fn.max('seq').as('max'))
        .executeTakeFirstOrThrow();
      const rejected = await db
        .selectFrom('rejected_mutations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const idsByClient = new Map<number, number[]>();
      for (const row of sessions) {
        const match = /^c(\d+) m(\d+)$/.exec((JSON.parse(row.fields) as { title: string }).title);
        expect(match, 'every session is one of ours').not.toBeNull();
        const list = idsByClient.get(Number(match![1])) ?? [];
        list.push(Number(match![2]));
        idsByClient.set(Number(match![1]), list);
      }
      return {
        last: new Map(clients.map((c) => [c.client_id, Number(c.last_mutation_id)])),
        idsByClient,
        sequence: Number(sequence.value),
        maxSeq: Number(maxSeq.max ?? 0),
        rejected: Number(rejected.n),
        sessions: sessions.length,
      };
    } finally {
      await database.close();
    }
  }

  it('keeps the database consistent and lets clients re-push exactly what was not committed', async () => {
    server = await startChildServer(store.env);
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEFAULT_PASSWORD, deviceLabel: 'crash test' }),
    });
    ({ token } = (await login.json()) as { token: string });
    const setupClient = newId();
    const first = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: setupClient,
        serverEpoch: null,
        mutations: [
          {
            id: 1,
            entity: 'process',
            recordId: processId,
            op: 'put',
            fields: processFields(),
            hlc: stamp(0),
          },
        ],
      }),
    });
    epoch = ((await first.json()) as { serverEpoch: string }).serverEpoch;

    const clients: PushClient[] = Array.from({ length: CLIENTS }, (_, index) => ({
      index,
      clientId: newId(),
      acked: 0,
      sent: 0,
      known: 0,
    }));
    const total = BATCH * BATCHES_PER_CLIENT;
    const figures = { kills: 0, inFlightAtKill: [] as number[], appliedNotAcked: 0, duplicates: 0 };
    type PushBody = { lastMutationId: number; results: { id: number; status: string }[] };

    /** Each result must say what the server already had: duplicate up to its counter, applied after. */
    function checkResults(client: PushClient, body: PushBody) {
      const expected = body.results.map((r) => ({
        id: r.id,
        status: r.id <= client.known ? 'duplicate' : 'applied',
      }));
      expect(body.results, `client ${client.index}: results`).toEqual(expected);
      figures.duplicates += body.results.filter((r) => r.status === 'duplicate').length;
      client.known = body.lastMutationId;
    }

    /** Pushes the client's batches from its acknowledged point until done or the server dies. */
    async function run(client: PushClient, inFlight: { n: number }) {
      while (client.acked < total) {
        const batch = client.acked / BATCH;
        client.sent = (batch + 1) * BATCH;
        inFlight.n++;
        try {
          const res = await push(client.clientId, batchOf(client, processId, batch));
          if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
          const body = (await res.json()) as PushBody;
          checkResults(client, body);
          expect(body.lastMutationId).toBe(client.sent);
          client.acked = body.lastMutationId;
        } catch (error) {
          if (error instanceof TypeError) return; // connection refused or reset: the server died
          throw error;
        } finally {
          inFlight.n--;
        }
      }
    }

    for (let round = 0; round <= KILLS; round++) {
      const inFlight = { n: 0 };
      const runs = Promise.all(clients.map((c) => run(c, inFlight)));
      if (round < KILLS) {
        // Kill once pushes are well under way, at a moment that differs every round.
        const ackedBefore = clients.reduce((n, c) => n + c.acked, 0);
        while (clients.reduce((n, c) => n + c.acked, 0) < ackedBefore + BATCH)
          await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, 20 + round * 60));
        figures.inFlightAtKill.push(inFlight.n);
        server.kill('SIGKILL');
        await server.exited;
        figures.kills++;
      }
      await runs;
      const state = await inspect();
      expect(state.rejected).toBe(0);
      expect(state.sequence).toBe(state.maxSeq);
      expect(state.sessions).toBe(
        [...state.last.entries()].filter(([id]) => id !== setupClient).reduce((n, [, l]) => n + l, 0),
      );
      for (const client of clients) {
        const last = state.last.get(client.clientId) ?? 0;
        expect(last % BATCH, `client ${client.index}: a batch is applied whole or not at all`).toBe(0);
        expect(last, `client ${client.index}: acknowledged mutations are kept`).toBeGreaterThanOrEqual(
          client.acked,
        );
        expect(last).toBeLessThanOrEqual(client.sent);
        if (last > client.acked) figures.appliedNotAcked++;
        client.known = last;
        const ids = (state.idsByClient.get(client.index) ?? []).sort((a, b) => a - b);
        expect(ids, `client ${client.index}: records are exactly ids 1…lastMutationId`).toEqual(
          Array.from({ length: last }, (_, i) => i + 1),
        );
      }
      if (round === KILLS) break;
      server = await startChildServer(store.env, { port: server.port });
      // A response lost in the crash looks the same to a client as no answer: it sends its batches
      // again from the last one it has an answer for. What the server had committed comes back as
      // duplicates, never as copies; what it had not is applied now.
      for (const client of clients.filter((c) => c.acked > 0)) {
        for (let batch = client.acked / BATCH - 1; batch < client.sent / BATCH; batch++) {
          const res = await push(client.clientId, batchOf(client, processId, batch));
          expect(res.status).toBe(200);
          const body = (await res.json()) as PushBody;
          checkResults(client, body);
          client.acked = Math.max(client.acked, body.lastMutationId);
        }
      }
    }
    expect((await inspect()).sessions, 'no copies after the re-sends').toBe(
      CLIENTS * BATCH * BATCHES_PER_CLIENT,
    );

    for (const client of clients) expect(client.acked).toBe(total);
    expect(
      figures.inFlightAtKill.every((n) => n > 0),
      'each kill hit pushes in flight',
    ).toBe(true);
    console.log(
      `crash (${backend.name}): ${CLIENTS} clients × ${total} mutations in batches of ${BATCH}; ` +
        `${figures.kills} SIGKILLs with ${figures.inFlightAtKill.join('/')} pushes in flight; ` +
        `${figures.appliedNotAcked} batches committed whose answer was lost; ` +
        `${figures.duplicates} re-sent mutations answered as duplicates; database consistent after each kill`,
    );
    server.kill('SIGTERM');
    await server.exited;
    server = null;
  }, 180_000);
});
