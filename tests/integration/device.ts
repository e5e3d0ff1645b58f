/**
 * A simulated device for integration tests: its own IndexedDB database (fake-indexeddb in
 * Node), the real repositories and the real sync engine talking HTTP to the real server —
 * directly, or through a fault-injecting proxy (`baseUrl`).
 */
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { Dexie } from 'dexie';
import type { User } from '../../src/domain';
import { TequioDb } from '../../src/client/data/db';
import { createApiClient } from '../../src/client/net/api-client';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../src/client/sync/sync-engine';
import type { TestServer, TestUser } from './harness';

export interface Device {
  db: TequioDb;
  engine: SyncEngine;
  /** Turn on to make the network drop the server's answers (the request still reaches the server). */
  faults: { loseResponses: boolean; failPullsAfter: number | null; offline: boolean };
  close(): Promise<void>;
}

export interface DeviceOptions {
  pullLimit?: number;
  pushBatchSize?: number;
  /** Where the engine sends its requests (e.g. a fault proxy's url); default: the server itself. */
  baseUrl?: string;
  /** IndexedDB name; two devices with the same name are two tabs of one browser. */
  dbName?: string;
  /** Per-request timeout of the HTTP client (ms). */
  timeoutMs?: number;
  /** Anything else for the engine (periodicMs, debounceMs, backoff…). */
  engine?: Partial<Omit<SyncEngineOptions, 'db' | 'api'>>;
}

export async function openDevice(
  server: TestServer,
  user: TestUser,
  options: DeviceOptions = {},
): Promise<Device> {
  const db = new TequioDb(options.dbName ?? `device-${randomUUID()}`);
  await db.open();
  const me = await server.request<User>('GET', '/api/v1/auth/me', { token: user.token });
  await db.setMeta('account', { token: user.token, user: me.body });

  const faults: Device['faults'] = { loseResponses: false, failPullsAfter: null, offline: false };
  let pulls = 0;
  const flakyFetch: typeof fetch = async (input, init) => {
    if (faults.offline) throw new TypeError('fetch failed');
    const isPull = String(input).includes('/sync/pull');
    if (isPull && faults.failPullsAfter !== null && pulls++ >= faults.failPullsAfter) {
      throw new TypeError('connection reset');
    }
    const response = await fetch(input, init);
    if (faults.loseResponses) {
      await response.arrayBuffer(); // the server has done its work; the answer never arrives
      throw new TypeError('socket hang up');
    }
    return response;
  };
  const api = createApiClient({
    baseUrl: options.baseUrl ?? server.url,
    getToken: async () => (await db.getMeta('account'))?.token,
    fetch: flakyFetch,
    timeoutMs: options.timeoutMs,
  });
  const engine = createSyncEngine({
    locks: null,
    pullLimit: options.pullLimit,
    pushBatchSize: options.pushBatchSize,
    backoff: { baseMs: 10, maxMs: 50 },
    ...options.engine,
    baseUrl: options.baseUrl ?? server.url,
    db,
    api,
  });
  return {
    db,
    engine,
    faults,
    async close() {
      engine.stop();
      db.close();
      await Dexie.delete(db.name);
    },
  };
}
