/**
 * Initial pull: a fresh device in real Chromium pulls and stores N realistic
 * records (sessions, tour notes, ballots, rubric scores…) from the real
 * server on loopback through the app's own sync engine. In the same run:
 *
 * - the raw limit: one fetch of the same bytes the pull pages carried, and
 *   one Dexie bulkPut (one transaction) of the same objects;
 * - the baseline: PouchDB in the same browser (IndexedDB adapter) replicating
 *   the same documents from a CouchDB-protocol server (express-pouchdb).
 *
 * The variants alternate inside each repetition and the medians are kept, so
 * their ratios hold on a noisy machine.
 *
 *   node --import tsx bench/initial-pull.ts [records=25000] [repetitions=3]
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_LIMITS } from '../src/domain';
import type { PullTiming } from './browser/api';
import { buildHarness, launchChromium, median, NAME_SHIM } from './lib/browser';
import { startCouch } from './lib/couch';
import { asMutations, generateRecords } from './lib/records';
import { startTequio } from './lib/tequio-app';

export interface InitialPullOptions {
  records?: number;
  repetitions?: number;
  port?: number;
  couchPort?: number;
  /** Skip PouchDB (when its packages are not installed). */
  skipPouch?: boolean;
  /** Offline mutations pushed from the page's device afterwards (default 5,000). */
  pushes?: number;
  log?: (line: string) => void;
}

export interface InitialPullResult {
  records: number;
  /** Records the device stored (the server adds its default rubric templates). */
  pulledRecords: number;
  bytes: number;
  pages: number;
  repetitions: number;
  pull: { ms: number; networkMs: number; recordsPerSecond: number; runs: PullTiming[] };
  rawFetchMs: number;
  rawBulkPutMs: number;
  /** fetch + bulkPut: what no sync of these bytes into IndexedDB can beat. */
  rawLimitMs: number;
  rawLimitRecordsPerSecond: number;
  /** pull time / raw limit time. */
  pullToRawLimit: number;
  pouch: { ms: number; docs: number; recordsPerSecond: number; batchSize: number } | null;
  /** PouchDB time / pull time (how many times faster the app's pull is). */
  pouchToPull: number | null;
  /** 5,000 offline mutations written on the page's device, then pushed by the real engine. */
  devicePush: {
    writeMs: number;
    pushMs: number;
    pushed: number;
    batches: number;
    ok: boolean;
    mutationsPerSecond: number;
  };
}

export async function run(options: InitialPullOptions = {}): Promise<InitialPullResult> {
  const n = options.records ?? 25_000;
  const repetitions = options.repetitions ?? 3;
  const log = options.log ?? ((line: string) => console.log(line));
  const port = options.port ?? 4381;
  const couchPort = options.couchPort ?? port + 1;
  const staticDir = buildHarness();
  const records = generateRecords(n);
  const app = await startTequio({ port, staticDir });
  let couch: Awaited<ReturnType<typeof startCouch>> | null = null;
  const browser = await launchChromium();
  try {
    // Seed through the real push endpoint, as one field device would, in batches of 500.
    log(`initial pull: seeding ${n} records…`);
    const seeder = await app.login('Tableta de carga');
    const mutations = asMutations(records);
    const clientId = randomUUID();
    let serverEpoch: string | null = null;
    for (let start = 0; start < mutations.length; start += PROTOCOL_LIMITS.maxMutationsPerPush) {
      const batch = mutations.slice(start, start + PROTOCOL_LIMITS.maxMutationsPerPush);
      const response = await seeder.api.push({ clientId, serverEpoch, mutations: batch });
      serverEpoch = response.serverEpoch;
      const rejected = response.results.find((r) => r.status === 'rejected');
      if (rejected) throw new Error(`seed rejected: ${rejected.code} ${rejected.message}`);
    }

    // The same bytes the pull pages carry, as one file the same server sends.
    const pages: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const q = new URLSearchParams({ limit: String(PROTOCOL_LIMITS.defaultPullLimit) });
      if (cursor) q.set('cursor', cursor);
      const response = await fetch(`${app.base}/api/v1/sync/pull?${q.toString()}`, {
        headers: { authorization: `Bearer ${seeder.token}` },
      });
      const text = await response.text();
      pages.push(text);
      const page = JSON.parse(text) as { cursor: string; hasMore: boolean };
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const rawName = `pull-pages-${n}.json`;
    writeFileSync(`${staticDir}/${rawName}`, `[${pages.join(',')}]`);

    if (!options.skipPouch) {
      log('initial pull: seeding the CouchDB-protocol server…');
      try {
        couch = await startCouch(couchPort, records);
      } catch (error) {
        log(`initial pull: no PouchDB baseline (${error instanceof Error ? error.message : String(error)})`);
      }
    }

    const device = await app.login('Chromium');
    const account = { token: device.token, user: device.user };
    // The page is same-origin with the app server; only PouchDB talks to the other port.
    const context = await browser.newContext({ bypassCSP: true });
    await context.addInitScript(NAME_SHIM);
    const page = await context.newPage();
    await page.goto(`${app.base}/`);
    await page.locator('#ready', { hasText: 'listo' }).waitFor();

    const pulls: PullTiming[] = [];
    const fetches: number[] = [];
    const puts: number[] = [];
    const pouches: number[] = [];
    let bytes = 0;
    let pouchDocs = 0;
    const batchSize = PROTOCOL_LIMITS.defaultPullLimit;
    for (let rep = 0; rep < repetitions; rep++) {
      const pull = await page.evaluate((a) => window.bench.pull(a), account);
      if (!pull.ok) throw new Error(`pull failed: ${pull.error}`);
      pulls.push(pull);
      const raw = await page.evaluate((url) => window.bench.rawFetch(url), `/${rawName}`);
      fetches.push(raw.ms);
      bytes = raw.bytes;
      const put = await page.evaluate(() => window.bench.rawBulkPut());
      puts.push(put.ms);
      if (couch) {
        const dbUrl = couch.dbUrl;
        const pouch = await page.evaluate(([url, size]) => window.bench.pouchReplicate(url, size), [
          dbUrl,
          batchSize,
        ] as const);
        if (pouch.docs !== records.length) throw new Error(`PouchDB replicated ${pouch.docs} documents`);
        pouches.push(pouch.ms);
        pouchDocs = pouch.docs;
      }
      await page.evaluate(() => window.bench.cleanup());
      log(
        `initial pull: run ${rep + 1}/${repetitions}: pull ${pull.ms.toFixed(0)} ms, fetch ${raw.ms.toFixed(0)} ms, ` +
          `bulkPut ${put.ms.toFixed(0)} ms${couch ? `, PouchDB ${pouches.at(-1)!.toFixed(0)} ms` : ''}`,
      );
    }
    // The other direction on the same page: 5,000 offline mutations from one device, pushed by the engine.
    const pushCount = options.pushes ?? 5_000;
    const devicePush = await page.evaluate(([a, p, sid, n]) => window.bench.devicePush(a, p, sid, n), [
      account,
      randomUUID(),
      randomUUID(),
      pushCount,
    ] as const);
    if (!devicePush.ok) throw new Error(`device push failed: ${devicePush.error}`);
    log(
      `device push: ${devicePush.pushed} mutations written in ${devicePush.writeMs.toFixed(0)} ms, ` +
        `pushed in ${devicePush.pushMs.toFixed(0)} ms (${devicePush.batches} batches)`,
    );
    await page.evaluate(() => window.bench.cleanup());
    await context.close();

    const pullMs = median(pulls.map((p) => p.ms));
    const pulledRecords = pulls[0]!.stored;
    const rawFetchMs = median(fetches);
    const rawBulkPutMs = median(puts);
    const rawLimitMs = median(fetches.map((f, i) => f + puts[i]!));
    const pouchMs = pouches.length ? median(pouches) : null;
    return {
      records: n,
      pulledRecords,
      bytes,
      pages: pulls[0]!.pages,
      repetitions,
      pull: {
        ms: pullMs,
        networkMs: median(pulls.map((p) => p.networkMs)),
        recordsPerSecond: (pulledRecords / pullMs) * 1000,
        runs: pulls,
      },
      rawFetchMs,
      rawBulkPutMs,
      rawLimitMs,
      rawLimitRecordsPerSecond: (pulledRecords / rawLimitMs) * 1000,
      pullToRawLimit: pullMs / rawLimitMs,
      pouch:
        pouchMs === null
          ? null
          : { ms: pouchMs, docs: pouchDocs, recordsPerSecond: (pouchDocs / pouchMs) * 1000, batchSize },
      pouchToPull: pouchMs === null ? null : pouchMs / pullMs,
      devicePush: { ...devicePush, mutationsPerSecond: (devicePush.pushed / devicePush.pushMs) * 1000 },
    };
  } finally {
    await browser.close();
    await couch?.stop();
    await app.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await run({
    records: Number(process.argv[2] ?? 25_000),
    repetitions: Number(process.argv[3] ?? 3),
    skipPouch: process.env.BENCH_SKIP_POUCH === '1',
  });
  console.table({
    records: result.pulledRecords,
    'bytes (MiB)': result.bytes / 1048576,
    'pull ms': result.pull.ms,
    '  waiting for pages ms': result.pull.networkMs,
    'pull records/s': result.pull.recordsPerSecond,
    'raw fetch ms': result.rawFetchMs,
    'raw bulkPut ms': result.rawBulkPutMs,
    'pull ÷ raw limit': result.pullToRawLimit,
    'PouchDB ms': result.pouch?.ms ?? null,
    'PouchDB ÷ pull': result.pouchToPull,
  });
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/initial-pull.json', JSON.stringify(result, null, 2));
}
