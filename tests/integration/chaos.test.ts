/**
 * Chaos: many simulated devices, each running the REAL client sync engine and repositories
 * on its own fake-indexeddb database, make random creates, edits and deletes of processes
 * and sessions while a fault proxy drops, delays, duplicates and cuts their requests and
 * the server is restarted and killed several times. At the end every replica and the server
 * must hold identical data (full records, hlcs included), every write must be explained by
 * the merge rule (nothing lost), and no mutation may be applied twice.
 *
 * Replay a failure with the seed it prints: CHAOS_SEED=<seed> npx vitest run tests/integration/chaos.test.ts
 * (CHAOS_MS sets the length of the storm, default 15 s per backend).
 */
import 'fake-indexeddb/auto'; // before anything that loads Dexie
import { afterAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../src/domain';
import {
  createWorkload,
  logLocalWrites,
  pushOutcomes,
  WRITE_KINDS,
  type WriteKind,
} from '../support/chaos-workload';
import { seededRandom, startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { deviceState, diffStates, expectedState, serverState } from '../support/replica-state';
import { openDevice, type Device } from './device';
import { availableBackends, type TestServer, type TestUser } from './harness';

const backends = await availableBackends();
const SEED = process.env.CHAOS_SEED ? Number(process.env.CHAOS_SEED) : Math.floor(Math.random() * 2 ** 31);
const STORM_MS = Number(process.env.CHAOS_MS ?? 15_000);
const SERVER_DEATHS = 5;
const FAULT_RATES = {
  drop: 0.05,
  delay: 0.15,
  duplicate: 0.06,
  cutRequest: 0.04,
  cutResponse: 0.06,
  cutResponseBody: 0.05,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(backends)('chaos on $name', (backend) => {
  let server: TestServer | undefined;
  let proxy: FaultProxy | undefined;
  const devices: Device[] = [];

  afterAll(async () => {
    await Promise.all(devices.splice(0).map((d) => d.close()));
    await proxy?.close();
    await server?.close();
  });

  it('devices writing through a faulty network to a dying server converge; nothing is lost or applied twice', async () => {
    const started = Date.now();
    const seed = SEED + (backend.name === 'postgres' ? 1 : 0);
    console.log(`chaos on ${backend.name}: seed ${seed} (replay with CHAOS_SEED=${SEED})`);
    const random = seededRandom(seed);
    server = await backend.start();
    const outcomes = pushOutcomes();
    proxy = await startFaultProxy({
      target: server.url,
      seed,
      maxDelayMs: 250,
      onExchange: (exchange) => outcomes.record(exchange),
    });

    const users: TestUser[] = [
      await server.createUser({ username: 'laura', role: 'coordinator' }),
      await server.createUser({ username: 'mateo', role: 'coordinator' }),
      await server.createUser({ username: 'rosa', role: 'facilitator' }),
      await server.createUser({ username: 'ines', role: 'facilitator' }),
      await server.createUser({ username: 'juan', role: 'promoter' }),
    ];
    const team = users.filter((u) => u.role !== 'coordinator').map((u) => u.id);
    // Eight tablets: some people carry two, so one account also syncs from two devices.
    const owners = [0, 1, 2, 2, 3, 3, 4, 0].map((i) => users[i]!);
    const writes: Mutation[] = [];
    for (const owner of owners) {
      const device = await openDevice(server, owner, {
        baseUrl: proxy.url,
        timeoutMs: 15_000,
        engine: { periodicMs: 400, debounceMs: 30, backoff: { baseMs: 20, maxMs: 400 } },
      });
      logLocalWrites(device.db, writes);
      devices.push(device);
    }

    const firstClientIds = await Promise.all(devices.map((d) => d.db.getMeta('clientId')));

    // The storm: random writes on every device, engines syncing on their own, faults, server deaths.
    proxy.setRates(FAULT_RATES);
    devices.forEach((d) => d.engine.start());
    const attempted = Object.fromEntries(WRITE_KINDS.map((k) => [k, 0])) as Record<WriteKind, number>;
    const stormEnds = Date.now() + STORM_MS;
    const writers = devices.map(async (device, index) => {
      const workload = createWorkload(seededRandom(seed * 31 + index));
      while (Date.now() < stormEnds) {
        attempted[await workload.randomWrite(device.db, team)]++;
        await sleep(20 + workload.int(120));
      }
    });
    let restarts = 0;
    let crashes = 0;
    const killer = (async () => {
      for (let i = 0; i < SERVER_DEATHS; i++) {
        await sleep((STORM_MS / (SERVER_DEATHS + 1)) * (0.6 + random() * 0.8));
        if (i % 2 === 0) {
          await server!.crash();
          crashes++;
        } else {
          await server!.restart();
          restarts++;
        }
      }
    })();
    await Promise.all([...writers, killer]);

    // Calm: the network heals, background sync stops, every device syncs until nothing is pending.
    proxy.setRates({});
    devices.forEach((d) => d.engine.stop());
    for (let round = 0; round < 10; round++) {
      const results = [];
      for (const device of devices) results.push(await device.engine.syncNow());
      const pending = (await Promise.all(devices.map((d) => d.db.outbox.count()))).reduce((a, b) => a + b);
      if (pending === 0 && results.every((r) => r.ok)) break;
    }
    for (const device of devices) expect((await device.engine.syncNow()).ok).toBe(true);

    // Identical replicas, every write explained, nothing applied twice.
    const onServer = await serverState(server);
    const expected = expectedState(writes);
    expect(diffStates(expected, onServer)).toEqual([]);
    for (const device of devices) {
      expect(await device.db.outbox.count()).toBe(0);
      expect(diffStates(onServer, await deviceState(device.db))).toEqual([]);
      expect(await device.db.rejected.toArray()).toEqual([]);
    }
    const clients = await server.db.db
      .selectFrom('clients')
      .select(['client_id', 'last_mutation_id'])
      .execute();
    const lastIds = new Map(clients.map((c) => [c.client_id, Number(c.last_mutation_id)]));
    let clientResets = 0;
    for (const [index, device] of devices.entries()) {
      const clientId = (await device.db.getMeta('clientId'))!;
      const next = (await device.db.getMeta('nextMutationId'))!;
      expect(lastIds.get(clientId)).toBe(next - 1);
      if (clientId !== firstClientIds[index]) clientResets++;
    }
    // No epoch change happened, so a device that had to start over under a new clientId
    // (after a mutation gap) means the queue lost or skipped a mutation somewhere.
    expect(clientResets).toBe(0);
    const appliedTwice = [...outcomes.applied].filter(([, n]) => n > 1);
    expect(appliedTwice).toEqual([]);
    const createdIds = new Set(writes.map((w) => `${w.entity}:${w.recordId}`));
    expect(onServer.size).toBe(createdIds.size);
    const rejections = await server.db.db.selectFrom('rejected_mutations').selectAll().execute();
    expect(rejections).toEqual([]);

    const stats = proxy.stats();
    const byOp = (op: string) => writes.filter((w) => w.op === op).length;
    console.log(
      [
        `chaos on ${backend.name} — seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `  devices: ${devices.length} (users: ${users.length}), storm: ${STORM_MS} ms`,
        `  writes attempted: ${JSON.stringify(attempted)}`,
        `  mutations queued: ${writes.length} (put ${byOp('put')}, delete ${byOp('delete')}); records: ${onServer.size}`,
        `  requests through the proxy: ${stats.requests}; answered 502/504 while the server was down: ${stats.upstreamDown}`,
        `  faults injected: ${stats.totalFaults} ${JSON.stringify(stats.faults)}`,
        `  server deaths: ${crashes + restarts} (crashes ${crashes}, graceful restarts ${restarts})`,
        `  push results seen: ${outcomes.applied.size} applied/rejected once, ${outcomes.duplicates()} duplicates; client resets: ${clientResets}`,
        `  result: ${devices.length + 1} replicas identical, every write explained, none applied twice`,
      ].join('\n'),
    );
  }, 120_000);
});
