/**
 * Push throughput of the real server: N realistic mutations (sessions, tour notes, ballots, rubric
 * scores over several processes, as a coordinator syncing a directorate) pushed by ONE client in
 * batches of 500 over HTTP, on SQLite and PostgreSQL. Beside it, the raw limit of the same machine:
 * the same bodies POSTed to a trivial Node HTTP server, and the same rows inserted in ONE SQL
 * transaction into a plain table (better-sqlite3 / pg directly).
 *
 *   node --import tsx bench/server-push.ts [--n 5000] [--batch 500] [--backend sqlite|postgres|both|…]
 *
 * Prints a table and writes bench/results/server-push.json.
 */
import { performance } from 'node:perf_hooks';
import { newId, type PushResponse } from '../src/domain';
import { deviceMutations, type PutMutation } from './lib/mutations';
import { rawHttp, rawSql, type RawRow } from './lib/raw';
import { argValue, isMain, machine, round1, writeResult } from './lib/report';
import { parseBackends, postJson, startBenchServer, type Backend } from './lib/server';

export interface PushOptions {
  n?: number;
  batch?: number;
  backends?: Backend[];
  processes?: number;
}

function bodiesOf(clientId: string, serverEpoch: string, mutations: PutMutation[], batch: number) {
  const bodies: string[] = [];
  for (let start = 0; start < mutations.length; start += batch) {
    bodies.push(JSON.stringify({ clientId, serverEpoch, mutations: mutations.slice(start, start + batch) }));
  }
  return bodies;
}

function rowsOf(mutations: PutMutation[], now: string): RawRow[] {
  return mutations.map((m, i) => [
    m.entity,
    m.recordId,
    typeof m.fields.processId === 'string' ? m.fields.processId : m.recordId,
    JSON.stringify(m.fields),
    JSON.stringify(Object.fromEntries(Object.keys(m.fields).map((k) => [k, m.hlc]))),
    0,
    i + 1,
    now,
  ]);
}

async function pushBench(backend: Backend, n: number, batch: number, processes: number) {
  const server = await startBenchServer(backend);
  try {
    const coordinator = await server.account('coordinator', 'bench-coordinator');
    const setup = deviceMutations();
    const processIds = Array.from({ length: processes }, () => newId());
    const first = await postJson<PushResponse>(
      `${server.url}/api/v1/sync/push`,
      {
        clientId: setup.clientId,
        serverEpoch: null,
        mutations: processIds.map((id, i) => setup.process(id, [], `Proceso de la unidad ${i + 1}`)),
      },
      coordinator.token,
    );
    const epoch = first.serverEpoch;

    const device = deviceMutations();
    const perProcess = Math.ceil(n / processes);
    const mutations = processIds
      .flatMap((id) => device.mixed(id, perProcess))
      .slice(0, n)
      .map((m, i) => ({ ...m, id: i + 1 }));
    const bodies = bodiesOf(device.clientId, epoch, mutations, batch);
    const bytes = bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0);

    const batchMs: number[] = [];
    let applied = 0;
    const t = performance.now();
    for (const body of bodies) {
      const tb = performance.now();
      const res = await fetch(`${server.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator.token}` },
        body,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`push → ${res.status}: ${text.slice(0, 300)}`);
      const response = JSON.parse(text) as PushResponse;
      applied += response.results.filter((r) => r.status === 'applied').length;
      batchMs.push(performance.now() - tb);
    }
    const serverMs = performance.now() - t;
    if (applied !== mutations.length) throw new Error(`only ${applied} of ${mutations.length} applied`);

    const httpMs = await rawHttp(bodies);
    const sqlMs = await rawSql(backend, rowsOf(mutations, new Date().toISOString()));
    return {
      backend,
      mutations: mutations.length,
      batch,
      requestBytes: bytes,
      serverMs: round1(serverMs),
      serverMutationsPerSecond: Math.round((mutations.length / serverMs) * 1000),
      slowestBatchMs: round1(Math.max(...batchMs)),
      rawHttpMs: round1(httpMs),
      rawSqlMs: round1(sqlMs),
      rawSqlRowsPerSecond: Math.round((mutations.length / sqlMs) * 1000),
      serverOverRawHttp: round1(serverMs / httpMs),
      serverOverRawSql: round1(serverMs / sqlMs),
      serverOverRawHttpPlusSql: round1(serverMs / (httpMs + sqlMs)),
      serverPeakRssMiB: server.memory().peakRssMiB,
    };
  } finally {
    await server.stop();
  }
}

export async function run(options: PushOptions = {}): Promise<Record<string, unknown>> {
  const n = options.n ?? 5000;
  const batch = options.batch ?? 500;
  const processes = options.processes ?? 10;
  const backends = options.backends ?? ['sqlite', 'postgres'];
  const results = [];
  for (const backend of backends) results.push(await pushBench(backend, n, batch, processes));
  console.table(
    results.map((r) => ({
      backend: r.backend,
      mutations: r.mutations,
      'server s': Math.round(r.serverMs) / 1000,
      'server mut/s': r.serverMutationsPerSecond,
      'raw http s': Math.round(r.rawHttpMs) / 1000,
      'raw sql s': Math.round(r.rawSqlMs) / 1000,
      'server ÷ raw http': r.serverOverRawHttp,
      'server ÷ raw sql': r.serverOverRawSql,
      'target ≤ 2 s': r.serverMs <= 2000 ? 'yes' : 'no',
    })),
  );
  const result = {
    name: 'server-push',
    target: { mutations: 5000, seconds: 2 },
    machine: machine(),
    results,
  };
  console.log(`written ${writeResult('server-push', result)}`);
  return result;
}

if (isMain(import.meta.url)) {
  const backend = argValue('backend') ?? 'both';
  await run({
    n: Number(argValue('n') ?? 5000),
    batch: Number(argValue('batch') ?? 500),
    backends: parseBackends(backend),
  });
}
