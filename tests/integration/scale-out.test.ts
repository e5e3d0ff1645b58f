/**
 * Scale-out: two server instances (child processes, started at the same moment so their
 * migrations and start-up race) on ONE throwaway PostgreSQL database, behind a real nginx on
 * loopback configured from the repository's template (deploy/nginx/). The chaos workload
 * (eight devices running the real sync engine, tests/support/chaos-workload.ts) goes through
 * the fault proxy and nginx, which alternates the instances; one instance is killed mid-run
 * (SIGKILL) and the other restarted (SIGTERM). At the end every replica and the database are
 * identical, nothing is lost or applied twice, a pull that alternates instances page by page
 * receives every record in commit order, the login throttle and device keys are shared, and a
 * photo upload begun on one instance is finished on the other (the shared blob folder).
 *
 * Needs nginx (Debian's nginx-light; `.ci/run` installs it) and PostgreSQL.
 * Replay with CHAOS_SEED=<seed>; SCALE_MS sets the storm's length (default 12 s).
 */
import 'fake-indexeddb/auto'; // before anything that loads Dexie
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Mutation, PullResponse, User } from '../../src/domain';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/database';
import { createWorkload, logLocalWrites, pushOutcomes } from '../support/chaos-workload';
import { seededRandom, startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { startCluster, type Cluster } from '../support/cluster';
import { findNginx } from '../support/nginx';
import { deviceState, diffStates, expectedState, serverState } from '../support/replica-state';
import { createThrowawayStore, startChildServer, type ThrowawayStore } from './child-server';
import { openDevice, type Device } from './device';
import type { ApiResponse, Json, TestServer, TestUser } from './harness';

const NGINX = findNginx();
if (!NGINX) {
  throw new Error(
    'nginx is not installed: the scale-out test runs two instances behind it. Install Debian’s nginx-light ' +
      '(apt-get install nginx-light; .ci/run does it in CI) or set NGINX_BIN.',
  );
}

const SEED = process.env.CHAOS_SEED ? Number(process.env.CHAOS_SEED) : Math.floor(Math.random() * 2 ** 31);
const STORM_MS = Number(process.env.SCALE_MS ?? 12_000);
const PASSWORD = 'una contraseña larga';
const FAULT_RATES = {
  drop: 0.04,
  delay: 0.12,
  duplicate: 0.05,
  cutRequest: 0.03,
  cutResponse: 0.05,
  cutResponseBody: 0.04,
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(
  base: string,
  method: string,
  urlPath: string,
  token?: string,
  body?: unknown,
): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${urlPath}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
  return {
    status: res.status,
    headers: res.headers,
    body: isJson && text ? (JSON.parse(text) as Json) : text,
  };
}

const setupCodeIn = (output: string) => /setup code: ([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(output)?.[1];

describe('two instances on one PostgreSQL behind nginx', () => {
  let store: ThrowawayStore | undefined;
  let db: DatabaseHandle | undefined;
  let cluster: Cluster | undefined;
  let proxy: FaultProxy | undefined;
  const devices: Device[] = [];

  afterAll(async () => {
    await Promise.all(devices.splice(0).map((d) => d.close()));
    await proxy?.close();
    await cluster?.close('SIGKILL');
    await db?.close();
    await store?.drop();
  });

  it('devices syncing through nginx to two instances, one killed mid-run, converge with nothing lost or applied twice', async () => {
    const started = Date.now();
    console.log(`scale-out: seed ${SEED} (replay with CHAOS_SEED=${SEED})`);
    const random = seededRandom(SEED);
    store = await createThrowawayStore('postgres');
    // Both at once: the start-up lock lets one migrate and make the setup code, the other waits.
    cluster = await startCluster(store.env, { nginxBin: NGINX });
    const { instances, nginx } = cluster;
    const code = setupCodeIn(instances[0]!.output());
    expect(code).toBeDefined();
    expect(setupCodeIn(instances[1]!.output())).toBe(code);
    db = openDatabase(store.config);
    const [a, b] = instances.map((i) => i.url) as [string, string];

    // First run through the proxy, then accounts made by the admin.
    const setup = await call(nginx.url, 'POST', '/api/v1/setup', undefined, {
      code,
      username: 'admin',
      displayName: 'Admin',
      password: PASSWORD,
      deviceLabel: 'oficina',
    });
    expect(setup.status).toBe(200);
    const admin = setup.body.token as string;
    const people = [
      ['laura', 'coordinator'],
      ['mateo', 'coordinator'],
      ['rosa', 'facilitator'],
      ['ines', 'facilitator'],
      ['juan', 'promoter'],
    ] as const;
    const users: TestUser[] = [];
    for (const [username, role] of people) {
      const made = await call(nginx.url, 'POST', '/api/v1/users', admin, {
        username,
        displayName: username,
        role,
        password: PASSWORD,
      });
      expect(made.status).toBe(201);
      const login = await call(nginx.url, 'POST', '/api/v1/auth/login', undefined, {
        username,
        password: PASSWORD,
        deviceLabel: `tableta de ${username}`,
      });
      expect(login.status).toBe(200);
      users.push({
        id: (login.body.user as User).id,
        username,
        password: PASSWORD,
        role,
        token: login.body.token,
      });
    }

    const outcomes = pushOutcomes();
    proxy = await startFaultProxy({
      target: nginx.url,
      seed: SEED,
      maxDelayMs: 250,
      onExchange: (exchange) => outcomes.record(exchange),
    });
    // What openDevice needs of a server: its address and one request for /auth/me.
    const front = {
      url: nginx.url,
      request: (method: string, urlPath: string, options: { token?: string } = {}) =>
        call(nginx.url, method, urlPath, options.token),
    } as unknown as TestServer;
    const team = users.filter((u) => u.role !== 'coordinator').map((u) => u.id);
    const owners = [0, 1, 2, 2, 3, 3, 4, 0].map((i) => users[i]!);
    const writes: Mutation[] = [];
    for (const owner of owners) {
      const device = await openDevice(front, owner, {
        baseUrl: proxy.url,
        timeoutMs: 15_000,
        engine: { periodicMs: 400, debounceMs: 30, backoff: { baseMs: 20, maxMs: 400 } },
      });
      logLocalWrites(device.db, writes);
      devices.push(device);
    }
    const firstClientIds = await Promise.all(devices.map((d) => d.db.getMeta('clientId')));

    // The storm: writes on every device, faults, one instance killed, the other restarted.
    proxy.setRates(FAULT_RATES);
    devices.forEach((d) => d.engine.start());
    const stormEnds = Date.now() + STORM_MS;
    const writers = devices.map(async (device, index) => {
      const workload = createWorkload(seededRandom(SEED * 31 + index));
      while (Date.now() < stormEnds) {
        await workload.randomWrite(device.db, team);
        await sleep(20 + workload.int(120));
      }
    });
    const killer = (async () => {
      for (const [index, signal] of [
        [0, 'SIGKILL'],
        [1, 'SIGTERM'],
      ] as const) {
        await sleep((STORM_MS / 3) * (0.7 + random() * 0.5));
        const dying = instances[index]!;
        dying.kill(signal);
        await dying.exited;
        await sleep(300);
        instances[index] = await startChildServer(store!.env, { port: dying.port });
      }
    })();
    await Promise.all([...writers, killer]);

    proxy.setRates({});
    devices.forEach((d) => d.engine.stop());
    for (let round = 0; round < 10; round++) {
      const results = [];
      for (const device of devices) results.push(await device.engine.syncNow());
      const pending = (await Promise.all(devices.map((d) => d.db.outbox.count()))).reduce((x, y) => x + y);
      if (pending === 0 && results.every((r) => r.ok)) break;
    }
    for (const device of devices) expect((await device.engine.syncNow()).ok).toBe(true);

    // Identical replicas, every write explained, nothing applied twice.
    const onServer = await serverState({ db } as TestServer);
    const written = new Set(writes.map((w) => `${w.entity}:${w.recordId}`));
    // Besides the workload's records, only the shipped defaults the instances add at start.
    const defaults = [...onServer.keys()].filter((key) => !written.has(key));
    expect(defaults.filter((key) => !/^(rubricTemplate|governmentArea|projectStatus):/.test(key))).toEqual(
      [],
    );
    const workload = new Map([...onServer].filter(([key]) => written.has(key)));
    expect(diffStates(expectedState(writes), workload)).toEqual([]);
    for (const device of devices) {
      expect(await device.db.outbox.count()).toBe(0);
      expect(diffStates(onServer, await deviceState(device.db))).toEqual([]);
      expect(await device.db.rejected.toArray()).toEqual([]);
    }
    const clients = await db.db.selectFrom('clients').select(['client_id', 'last_mutation_id']).execute();
    const lastIds = new Map(clients.map((c) => [c.client_id, Number(c.last_mutation_id)]));
    for (const [index, device] of devices.entries()) {
      const clientId = (await device.db.getMeta('clientId'))!;
      expect(clientId).toBe(firstClientIds[index]);
      expect(lastIds.get(clientId)).toBe((await device.db.getMeta('nextMutationId'))! - 1);
    }
    expect([...outcomes.applied].filter(([, n]) => n > 1)).toEqual([]);
    expect(workload.size).toBe(written.size);
    expect(await db.db.selectFrom('rejected_mutations').selectAll().execute()).toEqual([]);

    // nginx alternated: both instances answered pushes and pulls.
    const served = (prefix: string) =>
      new Set(
        nginx
          .accessLog()
          .filter((line) => line.startsWith(prefix) && / 200 /.test(line))
          .map((line) => line.split(' ').at(-1)),
      );
    for (const upstream of instances.map((i) => `127.0.0.1:${i.port}`)) {
      expect(served('POST /api/v1/sync/push')).toContain(upstream);
      expect(served('GET /api/v1/sync/pull')).toContain(upstream);
    }

    // A pull started on one instance and continued on the other, page by page: every record,
    // in commit order.
    const byCommit = (
      await db.db.selectFrom('records').select(['entity', 'id']).orderBy('seq').execute()
    ).map((r) => `${r.entity}:${r.id}`);
    const laura = users[0]!.token;
    const received: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; ; page++) {
      const query = `/api/v1/sync/pull?limit=37${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await call(page % 2 === 0 ? a : b, 'GET', query, laura);
      expect(res.status).toBe(200);
      const body = res.body as PullResponse;
      received.push(...body.changes.map((c) => `${c.entity}:${c.id}`));
      cursor = body.cursor;
      if (!body.hasMore) break;
    }
    const receivedSet = new Set(received);
    expect(received.length).toBe(receivedSet.size);
    expect(received).toEqual(byCommit.filter((key) => receivedSet.has(key)));
    expect([...written].filter((key) => !receivedSet.has(key))).toEqual([]);

    // One login throttle for both: five wrong passwords spread over the two instances, then
    // the sixth waits on either; a device key issued by one instance is honoured by the other.
    const known = await call(a, 'POST', '/api/v1/auth/login', undefined, {
      username: 'rosa',
      password: PASSWORD,
      deviceLabel: 'otra tableta',
    });
    for (let i = 0; i < 5; i++) {
      const wrong = await call(i % 2 === 0 ? a : b, 'POST', '/api/v1/auth/login', undefined, {
        username: 'rosa',
        password: 'no es la contraseña',
        deviceLabel: 'extraño',
      });
      expect(wrong.status).toBe(401);
    }
    for (const base of [a, b]) {
      const held = await call(base, 'POST', '/api/v1/auth/login', undefined, {
        username: 'rosa',
        password: PASSWORD,
        deviceLabel: 'extraño',
      });
      expect(held.status).toBe(429);
    }
    const withKey = await call(b, 'POST', '/api/v1/auth/login', undefined, {
      username: 'rosa',
      password: PASSWORD,
      deviceLabel: 'otra tableta',
      deviceKey: known.body.deviceKey,
    });
    expect(withKey.status).toBe(200);

    // Photos on the shared folder: an upload begun on one instance is finished on the other,
    // and either serves it.
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(3000)]);
    const name = createHash('sha256').update(photo).digest('hex');
    const rosa = users[2]!.token;
    const chunk = async (base: string, from: number, to: number) =>
      fetch(`${base}/api/v1/blobs/${name}`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${rosa}`,
          'content-type': 'image/jpeg',
          'content-range': `bytes ${from}-${to - 1}/${photo.length}`,
        },
        body: new Uint8Array(photo.subarray(from, to)),
      });
    expect((await chunk(a, 0, 1500)).ok).toBe(true);
    const finished = await chunk(b, 1500, photo.length);
    expect(finished.ok).toBe(true);
    for (const base of [a, b, nginx.url]) {
      const res = await fetch(`${base}/api/v1/blobs/${name}`, {
        headers: { authorization: `Bearer ${rosa}` },
      });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true);
    }

    const stats = proxy.stats();
    console.log(
      [
        `scale-out — seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s, storm ${STORM_MS} ms`,
        `  mutations queued: ${writes.length}; records: ${onServer.size}; requests through the proxy: ${stats.requests}`,
        `  faults injected: ${stats.totalFaults}; nginx log lines: ${nginx.accessLog().length}`,
        `  result: ${devices.length + 1} replicas identical across 2 instances, none applied twice`,
      ].join('\n'),
    );
  }, 120_000);
});
