/**
 * The benchmark page: the app's real device database and sync engine, the
 * raw limit (one fetch, one bulkPut) and PouchDB, each on a fresh IndexedDB
 * database, timed inside the page with performance.now().
 */
import PouchDB from 'pouchdb-browser';
import { Dexie } from 'dexie';
import { ENTITY_TABLES, TequioDb, type StoredRecord } from '../../src/client/data/db';
import { createApiClient } from '../../src/client/net/api-client';
import { createSyncEngine } from '../../src/client/sync/sync-engine';
import { isEntityName, newId, type PullResponse } from '../../src/domain';
import { writeLocal } from '../../src/client/data/records.repository';
import type { BenchApi } from './api';

const made = new Set<string>();
let fetched: PullResponse[] = [];
let serial = 0;

function fresh(prefix: string): string {
  const name = `${prefix}-${Date.now()}-${serial++}`;
  made.add(name);
  return name;
}

async function storedCount(db: TequioDb): Promise<number> {
  let total = 0;
  for (const table of db.entityTables()) total += await table.count();
  return total;
}

const bench: BenchApi = {
  async pull(account, pullLimit) {
    const db = new TequioDb(fresh('tequio-pull'));
    await db.open();
    await db.setMeta('account', account);
    const api = createApiClient({ baseUrl: '', getToken: () => account.token });
    let networkMs = 0;
    let pages = 0;
    const timedApi = {
      ...api,
      pull: async (cursor: string | null, limit?: number) => {
        const t = performance.now();
        try {
          return await api.pull(cursor, limit);
        } finally {
          networkMs += performance.now() - t;
          pages++;
        }
      },
    };
    const engine = createSyncEngine({
      db,
      api: timedApi,
      blobs: null,
      locks: null,
      ...(pullLimit ? { pullLimit } : {}),
    });
    const t0 = performance.now();
    const result = await engine.syncNow();
    const ms = performance.now() - t0;
    const stored = await storedCount(db);
    db.close();
    return {
      ms,
      networkMs,
      pages,
      pulled: result.pulled,
      stored,
      ok: result.ok,
      ...(result.error ? { error: result.error } : {}),
    };
  },

  async rawFetch(url) {
    const t0 = performance.now();
    const response = await fetch(url, { cache: 'no-store' });
    const text = await response.text();
    fetched = JSON.parse(text) as PullResponse[];
    const ms = performance.now() - t0;
    const records = fetched.reduce((n, page) => n + page.changes.length, 0);
    return { ms, bytes: new TextEncoder().encode(text).length, records };
  },

  async rawBulkPut() {
    const byTable = new Map<string, StoredRecord[]>();
    for (const page of fetched) {
      for (const c of page.changes) {
        if (!isEntityName(c.entity)) continue;
        const table = ENTITY_TABLES[c.entity];
        const list = byTable.get(table) ?? [];
        list.push({ id: c.id, fields: c.fields, hlcs: c.hlcs, deleted: c.deleted });
        byTable.set(table, list);
      }
    }
    const db = new TequioDb(fresh('tequio-raw'));
    await db.open();
    const tables = [...byTable.keys()].map((name) => db.table<StoredRecord, string>(name));
    const t0 = performance.now();
    await db.transaction('rw', tables, async () => {
      await Promise.all(tables.map((table) => table.bulkPut(byTable.get(table.name)!)));
    });
    const ms = performance.now() - t0;
    const records = await storedCount(db);
    db.close();
    return { ms, records };
  },

  async pouchReplicate(url, batchSize) {
    const local = new PouchDB(fresh('pouch'));
    const t0 = performance.now();
    await PouchDB.replicate(url, local, batchSize ? { batch_size: batchSize } : {});
    const ms = performance.now() - t0;
    const { doc_count } = await local.info();
    await local.close();
    return { ms, docs: doc_count };
  },

  async devicePush(account, processId, sessionId, count) {
    const db = new TequioDb(fresh('tequio-push'));
    await db.open();
    await db.setMeta('account', account);
    const themes = ['water', 'safety', 'environment', 'public_space', 'mobility'] as const;
    const w0 = performance.now();
    for (let i = 0; i < count; i++) {
      await writeLocal(db, 'tourNote', newId(), {
        op: 'put',
        fields: {
          processId,
          sessionId,
          theme: themes[i % themes.length],
          description: `Luminaria apagada frente al número ${i}; la calle queda a oscuras después de las 19 h.`,
          severity: 'medium',
          location: { lon: -99.06 + (i % 100) * 0.0001, lat: 19.36 + Math.floor(i / 100) * 0.0001 },
          accuracy: 8,
          locationSource: 'gps',
          takenAt: new Date(Date.UTC(2026, 10, 20, 17, 0, 0, i)).toISOString(),
        },
      });
    }
    const writeMs = performance.now() - w0;
    const api = createApiClient({ baseUrl: '', getToken: () => account.token });
    let lastPushEnd = 0;
    let batches = 0;
    const timedApi = {
      ...api,
      push: async (request: Parameters<typeof api.push>[0]) => {
        const response = await api.push(request);
        lastPushEnd = performance.now();
        batches++;
        return response;
      },
    };
    const engine = createSyncEngine({ db, api: timedApi, blobs: null, locks: null });
    const t0 = performance.now();
    const result = await engine.syncNow();
    db.close();
    return {
      writeMs,
      pushMs: lastPushEnd - t0,
      pushed: result.pushed,
      batches,
      ok: result.ok,
      ...(result.error ? { error: result.error } : {}),
    };
  },

  async cleanup() {
    for (const name of made) {
      if (name.startsWith('pouch')) await new PouchDB(name).destroy();
      else await Dexie.delete(name);
    }
    made.clear();
    fetched = [];
  },
};

window.bench = bench;
document.getElementById('ready')!.textContent = 'listo';
