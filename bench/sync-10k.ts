/**
 * Pushes N session records from one device through the real sync engine to the real server
 * (loopback, SQLite or PostgreSQL), then pulls them onto a fresh device, and prints the times.
 * The devices' IndexedDB is fake-indexeddb in Node (slower than a browser's).
 *
 *   node --import tsx bench/sync-10k.ts [N] [sqlite|postgres]
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { newId } from '../src/domain';
import { writeLocal } from '../src/client/data/records.repository';
import { createProcess } from '../src/client/data/processes.repository';
import { startServer } from '../tests/integration/harness';
import { openDevice } from '../tests/integration/device';
import { aProcess, aSession } from '../tests/fixtures/sessions';

const n = Number(process.argv[2] ?? 10_000);
const backend = (process.argv[3] ?? 'sqlite') as 'sqlite' | 'postgres';

const server = await startServer(backend);
try {
  const coordinator = await server.createUser({ username: 'bench', role: 'coordinator' });
  const tablet = await openDevice(server, coordinator);
  const processId = await createProcess(tablet.db, aProcess());
  let t = performance.now();
  for (let i = 0; i < n; i++) {
    await writeLocal(tablet.db, 'session', newId(), {
      op: 'put',
      fields: aSession(processId, { title: `Sesión ${i}` }),
    });
  }
  const writeMs = performance.now() - t;

  t = performance.now();
  const pushed = await tablet.engine.syncNow();
  const pushMs = performance.now() - t;
  if (!pushed.ok) throw new Error(`push failed: ${pushed.error}`);

  const office = await openDevice(server, coordinator);
  t = performance.now();
  const pulled = await office.engine.syncNow();
  const pullMs = performance.now() - t;
  if (!pulled.ok || (await office.db.sessions.count()) !== n) throw new Error('pull incomplete');

  const rows = [
    ['local writes (record + outbox, one transaction each)', n, writeMs],
    ['push through the engine', pushed.pushed, pushMs],
    ['pull onto a fresh device', pulled.pulled, pullMs],
  ] as const;
  console.log(`backend: ${backend}, records: ${n}`);
  for (const [what, count, ms] of rows) {
    console.log(
      `${what.padEnd(54)} ${String(count).padStart(6)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${Math.round(
        (count / ms) * 1000,
      )
        .toString()
        .padStart(7)} records/s`,
    );
  }
  await tablet.close();
  await office.close();
} finally {
  await server.close();
}
