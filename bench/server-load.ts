/**
 * The real server under many devices at once: D simulated devices (default 200), each with its own
 * clientId and an account in scope of what it writes (coordinators on the whole borough,
 * facilitators on their own process), push small batches of 5–20 mutations and pull from their
 * own cursor in a loop, over keep-alive HTTP, for a bounded time. On SQLite and PostgreSQL.
 *
 *   node --import tsx bench/server-load.ts [--seconds 20] [--devices 200] [--coordinator-every 20]
 *     [--backend sqlite|postgres|postgres-2x-nginx|both|all]  (comma-separated list allowed)
 *
 * Reports applied mutations/s, push and pull latency p50/p99, errors by status and the server's
 * peak RSS. Prints a table and writes bench/results/server-load.json.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { newId, type PullResponse, type PushResponse } from '../src/domain';
import { deviceConnection, type DeviceConnection } from './lib/http';
import { deviceMutations, type DeviceMutations, type PutMutation } from './lib/mutations';
import { argValue, isMain, machine, percentile, round1, writeResult } from './lib/report';
import { parseBackends, postJson, startBenchServer, type Account, type Backend } from './lib/server';

export interface LoadOptions {
  seconds?: number;
  devices?: number;
  backends?: Backend[];
  /** Field accounts, each with their own process (devices share them). */
  facilitators?: number;
  coordinators?: number;
  /** One device in `coordinatorEvery` belongs to a coordinator (default 20: ten of 200). */
  coordinatorEvery?: number;
}

interface Device {
  kind: 'coordinator' | 'facilitator';
  account: Account;
  connection: DeviceConnection;
  processIds: string[];
  outbox: DeviceMutations;
  pending: PutMutation[];
  /** Mutations sent but not yet acknowledged (a failed push is retried with the same ids). */
  inFlight: PutMutation[] | null;
  cursor: string | undefined;
}

interface Tally {
  applied: number;
  rejected: number;
  pushes: number;
  pulls: number;
  pulledChanges: number;
  pushMs: number[];
  pullMs: number[];
  errors: Record<string, number>;
}

function randomInt(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

async function deviceLoop(device: Device, epoch: string, deadline: number, tally: Tally) {
  const token = device.account.token;
  const fail = (key: string) => (tally.errors[key] = (tally.errors[key] ?? 0) + 1);
  while (performance.now() < deadline) {
    if (!device.inFlight) {
      const size = randomInt(5, 20);
      if (device.pending.length < size) {
        const processId = device.processIds[randomInt(0, device.processIds.length - 1)]!;
        device.pending.push(...device.outbox.mixed(processId, 200));
      }
      device.inFlight = device.pending.splice(0, size);
    }
    let t = performance.now();
    try {
      const res = await device.connection.request('POST', '/api/v1/sync/push', {
        token,
        body: JSON.stringify({
          clientId: device.outbox.clientId,
          serverEpoch: epoch,
          mutations: device.inFlight,
        }),
      });
      const text = res.text;
      tally.pushMs.push(performance.now() - t);
      tally.pushes++;
      if (res.status === 200) {
        const body = JSON.parse(text) as PushResponse;
        for (const r of body.results) {
          if (r.status === 'applied') tally.applied++;
          else if (r.status === 'rejected') tally.rejected++;
        }
        device.inFlight = null;
      } else fail(`push ${res.status}`);
    } catch {
      fail('push network');
    }
    if (performance.now() >= deadline) break;
    t = performance.now();
    try {
      const query = device.cursor ? `?cursor=${encodeURIComponent(device.cursor)}` : '';
      const res = await device.connection.request('GET', `/api/v1/sync/pull${query}`, { token });
      const text = res.text;
      tally.pullMs.push(performance.now() - t);
      tally.pulls++;
      if (res.status === 200) {
        const body = JSON.parse(text) as PullResponse;
        device.cursor = body.cursor;
        tally.pulledChanges += body.changes.length;
      } else fail(`pull ${res.status}`);
    } catch {
      fail('pull network');
    }
  }
}

async function loadBench(
  backend: Backend,
  seconds: number,
  deviceCount: number,
  facilitatorCount: number,
  coordinatorCount: number,
  coordinatorEvery: number,
) {
  const server = await startBenchServer(backend);
  try {
    const coordinators: Account[] = [];
    for (let i = 0; i < coordinatorCount; i++) {
      coordinators.push(await server.account('coordinator', `bench-coord-${i}`));
    }
    const facilitators: { account: Account; processId: string }[] = [];
    for (let i = 0; i < facilitatorCount; i++) {
      facilitators.push({
        account: await server.account('facilitator', `bench-fac-${i}`),
        processId: newId(),
      });
    }
    // The admin creates one process per facilitator, each listing them in its team.
    const setup = deviceMutations();
    const created = await postJson<PushResponse>(
      `${server.url}/api/v1/sync/push`,
      {
        clientId: setup.clientId,
        serverEpoch: null,
        mutations: facilitators.map((f, i) =>
          setup.process(f.processId, [f.account.user.id], `Proceso de la unidad ${i + 1}`),
        ),
      },
      server.admin.token,
    );
    if (created.results.some((r) => r.status !== 'applied')) throw new Error('setup processes refused');
    const allProcesses = facilitators.map((f) => f.processId);

    // One device in `coordinatorEvery` belongs to a coordinator (writing anywhere and pulling
    // everything everyone writes), the rest to facilitators in the field.
    const devices: Device[] = Array.from({ length: deviceCount }, (_, i) => {
      const field = i % coordinatorEvery !== 0 || coordinators.length === 0;
      const f = facilitators[i % facilitators.length]!;
      const outbox = deviceMutations();
      return {
        kind: field ? 'facilitator' : 'coordinator',
        connection: deviceConnection(server.url),
        account: field ? f.account : coordinators[i % coordinators.length]!,
        processIds: field ? [f.processId] : allProcesses,
        outbox,
        pending: [],
        inFlight: null,
        cursor: undefined,
      };
    });
    // Outboxes filled before the clock starts, so the driver spends its CPU on requests.
    for (const d of devices) d.pending = d.outbox.mixed(d.processIds[0]!, 120);

    const newTally = (): Tally => ({
      applied: 0,
      rejected: 0,
      pushes: 0,
      pulls: 0,
      pulledChanges: 0,
      pushMs: [],
      pullMs: [],
      errors: {},
    });
    const byKind = { coordinator: newTally(), facilitator: newTally() };
    const rssBefore = server.memory().rssMiB;
    let sampledPeak = 0;
    const sampler = setInterval(() => {
      sampledPeak = Math.max(sampledPeak, server.memory().rssMiB ?? 0);
    }, 500);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    const deadline = start + seconds * 1000;
    await Promise.all(devices.map((d) => deviceLoop(d, created.serverEpoch, deadline, byKind[d.kind])));
    const elapsed = performance.now() - start;
    loopDelay.disable();
    for (const d of devices) d.connection.close();
    const cpu = process.cpuUsage(cpuBefore);
    const parts = Object.values(byKind);
    const tally: Tally = {
      applied: parts.reduce((sum, t) => sum + t.applied, 0),
      rejected: parts.reduce((sum, t) => sum + t.rejected, 0),
      pushes: parts.reduce((sum, t) => sum + t.pushes, 0),
      pulls: parts.reduce((sum, t) => sum + t.pulls, 0),
      pulledChanges: parts.reduce((sum, t) => sum + t.pulledChanges, 0),
      pushMs: parts.flatMap((t) => t.pushMs),
      pullMs: parts.flatMap((t) => t.pullMs),
      errors: {},
    };
    for (const t of parts) {
      for (const [key, count] of Object.entries(t.errors))
        tally.errors[key] = (tally.errors[key] ?? 0) + count;
    }
    clearInterval(sampler);
    const memory = server.memory();
    return {
      backend,
      devices: deviceCount,
      accounts: { coordinators: coordinatorCount, facilitators: facilitatorCount },
      seconds: round1(elapsed / 1000),
      applied: tally.applied,
      rejected: tally.rejected,
      appliedPerSecond: Math.round((tally.applied / elapsed) * 1000),
      pushes: tally.pushes,
      pulls: tally.pulls,
      pulledChanges: tally.pulledChanges,
      pushP50Ms: round1(percentile(tally.pushMs, 50)),
      pushP99Ms: round1(percentile(tally.pushMs, 99)),
      pullP50Ms: round1(percentile(tally.pullMs, 50)),
      pullP99Ms: round1(percentile(tally.pullMs, 99)),
      errors: tally.errors,
      byDeviceKind: Object.fromEntries(
        Object.entries(byKind).map(([kind, t]) => [
          kind,
          {
            devices: devices.filter((d) => d.kind === kind).length,
            applied: t.applied,
            pulledChanges: t.pulledChanges,
            pushP50Ms: round1(percentile(t.pushMs, 50)),
            pushP99Ms: round1(percentile(t.pushMs, 99)),
            pullP50Ms: round1(percentile(t.pullMs, 50)),
            pullP99Ms: round1(percentile(t.pullMs, 99)),
          },
        ]),
      ),
      // The driver shares the machine: a busy driver inflates the latencies it measures.
      driver: {
        cpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / elapsed) * 100),
        eventLoopDelayP99Ms: round1(loopDelay.percentile(99) / 1e6),
        eventLoopDelayMaxMs: round1(loopDelay.max / 1e6),
      },
      serverRssBeforeMiB: rssBefore,
      serverRssAfterMiB: memory.rssMiB,
      serverPeakRssMiB: memory.peakRssMiB ?? sampledPeak,
    };
  } finally {
    await server.stop();
  }
}

export async function run(options: LoadOptions = {}): Promise<Record<string, unknown>> {
  const seconds = options.seconds ?? 20;
  const devices = options.devices ?? 200;
  const backends = options.backends ?? ['sqlite', 'postgres'];
  const results = [];
  for (const backend of backends) {
    results.push(
      await loadBench(
        backend,
        seconds,
        devices,
        options.facilitators ?? 40,
        options.coordinators ?? 5,
        options.coordinatorEvery ?? 20,
      ),
    );
  }
  console.table(
    results.map((r) => ({
      backend: r.backend,
      devices: r.devices,
      s: r.seconds,
      'applied/s': r.appliedPerSecond,
      'push p50 ms': r.pushP50Ms,
      'push p99 ms': r.pushP99Ms,
      'pull p50 ms': r.pullP50Ms,
      'pull p99 ms': r.pullP99Ms,
      errors:
        Object.entries(r.errors)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ') || 'none',
      'peak RSS MiB': r.serverPeakRssMiB,
    })),
  );
  const result = {
    name: 'server-load',
    target: { appliedPerSecond: 3000, pushP99Ms: 250, backend: 'sqlite', devices: 200 },
    machine: machine(),
    results,
  };
  console.log(`written ${writeResult('server-load', result)}`);
  return result;
}

if (isMain(import.meta.url)) {
  const backend = argValue('backend') ?? 'both';
  await run({
    seconds: Number(argValue('seconds') ?? 20),
    devices: Number(argValue('devices') ?? 200),
    coordinatorEvery: Number(argValue('coordinator-every') ?? 20),
    backends: parseBackends(backend),
  });
}
