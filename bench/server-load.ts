/**
 * The real server under many devices at once: D simulated devices (default 200), each with its own
 * clientId and an account in scope of what it writes (coordinators on the whole borough,
 * facilitators on their own process), push batches of mutations and pull from their own cursor,
 * over keep-alive HTTP, for a bounded time. On SQLite and PostgreSQL. Two runs per backend:
 *
 * - open loop, at the target's rate (the target's verdict): each device pushes ~16 mutations
 *   (10–22) about once a second (0.8–1.2 s apart) and pulls after each push. Every cycle has a
 *   scheduled start and the push latency is measured from it, not from when the request left:
 *   a device still waiting for a slow answer sends its next cycle late, and that lateness is
 *   counted (no coordinated omission). A probe asks GET /api/v1/health every 100 ms on its own
 *   connection, also timed from its schedule: how long any request waits to be read.
 * - closed loop, the saturation (capacity) run: each device pushes 5–20 mutations then pulls,
 *   back to back, with no pause. It measures the most mutations/s the server applies; its
 *   latencies are, by Little's law, devices ÷ throughput — they say how saturated the server is,
 *   not what a device waits at the target's rate.
 *
 *   node --import tsx bench/server-load.ts [--seconds 20] [--devices 200] [--coordinator-every 20]
 *     [--backend sqlite|postgres|postgres-2x-nginx|both|all]  (comma-separated list allowed)
 *     [--mode open|closed|both]
 *
 * Reports applied mutations/s, push and pull latency p50/p99, the probe's p99, errors by status,
 * the driver's event-loop delay and the server's peak RSS. Prints a table and writes
 * bench/results/server-load.json (one entry per backend and mode).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { newId, type PullResponse, type PushResponse } from '../src/domain';
import { deviceConnection, type DeviceConnection } from './lib/http';
import { deviceMutations, type DeviceMutations, type PutMutation } from './lib/mutations';
import { argValue, isMain, machine, percentile, round1, writeResult } from './lib/report';
import { parseBackends, postJson, startBenchServer, type Account, type Backend } from './lib/server';

export type LoadMode = 'open' | 'closed';

export interface LoadOptions {
  seconds?: number;
  /** Open loop at the target's rate, closed loop (saturation), or both (default). */
  modes?: LoadMode[];
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
  /** Open loop: scheduled start of a cycle → its pull answered. */
  cycleMs: number[];
  errors: Record<string, number>;
}

/** Open loop: mutations per push and seconds between a device's cycles. */
const OPEN_BATCH = { min: 10, max: 22 };
const OPEN_INTERVAL_MS = { min: 800, max: 1200 };
/** Open loop: cycles scheduled before the end may finish this long after it. */
const OPEN_DRAIN_MS = 60_000;
const PROBE_EVERY_MS = 100;

function randomInt(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function fail(tally: Tally, key: string) {
  tally.errors[key] = (tally.errors[key] ?? 0) + 1;
}

/** Sends the device's in-flight batch (a new one of `size` when none is waiting for a retry). */
async function push(device: Device, epoch: string, size: number, tally: Tally, sentAt: number) {
  if (!device.inFlight) {
    if (device.pending.length < size) {
      const processId = device.processIds[randomInt(0, device.processIds.length - 1)]!;
      device.pending.push(...device.outbox.mixed(processId, 200));
    }
    device.inFlight = device.pending.splice(0, size);
  }
  try {
    const res = await device.connection.request('POST', '/api/v1/sync/push', {
      token: device.account.token,
      body: JSON.stringify({
        clientId: device.outbox.clientId,
        serverEpoch: epoch,
        mutations: device.inFlight,
      }),
    });
    const text = res.text;
    tally.pushMs.push(performance.now() - sentAt);
    tally.pushes++;
    if (res.status === 200) {
      const body = JSON.parse(text) as PushResponse;
      for (const r of body.results) {
        if (r.status === 'applied') tally.applied++;
        else if (r.status === 'rejected') tally.rejected++;
      }
      device.inFlight = null;
    } else fail(tally, `push ${res.status}`);
  } catch {
    fail(tally, 'push network');
  }
}

async function pull(device: Device, tally: Tally) {
  const t = performance.now();
  try {
    const query = device.cursor ? `?cursor=${encodeURIComponent(device.cursor)}` : '';
    const res = await device.connection.request('GET', `/api/v1/sync/pull${query}`, {
      token: device.account.token,
    });
    const text = res.text;
    tally.pullMs.push(performance.now() - t);
    tally.pulls++;
    if (res.status === 200) {
      const body = JSON.parse(text) as PullResponse;
      device.cursor = body.cursor;
      tally.pulledChanges += body.changes.length;
    } else fail(tally, `pull ${res.status}`);
  } catch {
    fail(tally, 'pull network');
  }
}

/** Closed loop: push then pull, back to back, until the deadline. */
async function closedLoop(device: Device, epoch: string, deadline: number, tally: Tally) {
  while (performance.now() < deadline) {
    await push(device, epoch, randomInt(5, 20), tally, performance.now());
    if (performance.now() >= deadline) break;
    await pull(device, tally);
  }
}

/**
 * Open loop: a cycle (push, then pull) scheduled about once a second from a random start;
 * latencies run from the schedule, so a late cycle counts its lateness.
 */
async function openLoop(device: Device, epoch: string, start: number, deadline: number, tally: Tally) {
  let scheduled = start + Math.random() * OPEN_INTERVAL_MS.max;
  while (scheduled < deadline && performance.now() < deadline + OPEN_DRAIN_MS) {
    await sleep(scheduled - performance.now());
    await push(device, epoch, randomInt(OPEN_BATCH.min, OPEN_BATCH.max), tally, scheduled);
    await pull(device, tally);
    tally.cycleMs.push(performance.now() - scheduled);
    scheduled += randomInt(OPEN_INTERVAL_MS.min, OPEN_INTERVAL_MS.max);
  }
}

/** GET /api/v1/health every PROBE_EVERY_MS on its own connection, timed from its schedule. */
async function probeLoop(connection: DeviceConnection, start: number, deadline: number, waits: number[]) {
  for (let scheduled = start; scheduled < deadline; scheduled += PROBE_EVERY_MS) {
    await sleep(scheduled - performance.now());
    try {
      await connection.request('GET', '/api/v1/health');
      waits.push(performance.now() - scheduled);
    } catch {
      waits.push(Number.POSITIVE_INFINITY);
    }
  }
}

async function loadBench(
  backend: Backend,
  mode: LoadMode,
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
      cycleMs: [],
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
    const probe = deviceConnection(server.url);
    const probeMs: number[] = [];
    await Promise.all([
      probeLoop(probe, start, deadline, probeMs),
      ...devices.map((d) =>
        mode === 'open'
          ? openLoop(d, created.serverEpoch, start, deadline, byKind[d.kind])
          : closedLoop(d, created.serverEpoch, deadline, byKind[d.kind]),
      ),
    ]);
    const elapsed = performance.now() - start;
    probe.close();
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
      cycleMs: parts.flatMap((t) => t.cycleMs),
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
      mode,
      devices: deviceCount,
      accounts: { coordinators: coordinatorCount, facilitators: facilitatorCount },
      seconds: round1(elapsed / 1000),
      ...(mode === 'open'
        ? {
            offeredPerSecond: Math.round(
              (deviceCount * (OPEN_BATCH.min + OPEN_BATCH.max) * 1000) /
                (OPEN_INTERVAL_MS.min + OPEN_INTERVAL_MS.max),
            ),
          }
        : {}),
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
      ...(mode === 'open'
        ? {
            cycleP50Ms: round1(percentile(tally.cycleMs, 50)),
            cycleP99Ms: round1(percentile(tally.cycleMs, 99)),
          }
        : {}),
      // A trivial request every 100 ms, timed from its schedule: how long a request waits to be read.
      probeP50Ms: round1(percentile(probeMs, 50)),
      probeP99Ms: round1(percentile(probeMs, 99)),
      probeMaxMs: round1(Math.max(...probeMs)),
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
  const modes = options.modes ?? ['open', 'closed'];
  const results = [];
  for (const backend of backends) {
    for (const mode of modes) {
      results.push(
        await loadBench(
          backend,
          mode,
          seconds,
          devices,
          options.facilitators ?? 40,
          options.coordinators ?? 5,
          options.coordinatorEvery ?? 20,
        ),
      );
    }
  }
  console.table(
    results.map((r) => ({
      backend: r.backend,
      run: r.mode === 'open' ? 'open loop (target rate)' : 'closed loop (saturation)',
      devices: r.devices,
      s: r.seconds,
      'applied/s': r.appliedPerSecond,
      'push p50 ms': r.pushP50Ms,
      'push p99 ms': r.pushP99Ms,
      'pull p50 ms': r.pullP50Ms,
      'pull p99 ms': r.pullP99Ms,
      'probe p99 ms': r.probeP99Ms,
      'driver loop p99 ms': r.driver.eventLoopDelayP99Ms,
      errors:
        Object.entries(r.errors)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ') || 'none',
      'peak RSS MiB': r.serverPeakRssMiB,
    })),
  );
  const result = {
    name: 'server-load',
    // Judged on the open-loop run; the closed-loop run gives the capacity (appliedPerSecond).
    target: { appliedPerSecond: 3000, pushP99Ms: 250, devices: 200, seconds: 20, mode: 'open' },
    machine: machine(),
    results,
  };
  console.log(`written ${writeResult('server-load', result)}`);
  return result;
}

if (isMain(import.meta.url)) {
  const backend = argValue('backend') ?? 'both';
  const mode = argValue('mode') ?? 'both';
  await run({
    seconds: Number(argValue('seconds') ?? 20),
    devices: Number(argValue('devices') ?? 200),
    coordinatorEvery: Number(argValue('coordinator-every') ?? 20),
    backends: parseBackends(backend),
    modes: mode === 'both' ? ['open', 'closed'] : [mode as LoadMode],
  });
}
