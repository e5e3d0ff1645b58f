/**
 * Bytes on the wire: what a device downloads for the 25,000-record first pull
 * (every page, default page size, and a few other page sizes) and for the first
 * install (the service worker's whole precache), from the real server, as sent
 * with no compression (`Accept-Encoding: identity`, what the server sent before
 * it compressed anything) and as sent to a browser (`br, gzip`) and to a client
 * that takes only gzip. Bytes are counted as they arrive on the socket (node:http,
 * which does not decompress), and every compressed answer is decompressed and
 * compared with the uncompressed one.
 *
 *   node --import tsx bench/wire-bytes.ts [records=25000] [--dist dist]
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { PROTOCOL_LIMITS } from '../src/domain';
import { buildPwa } from './lib/browser';
import { asMutations, generateRecords } from './lib/records';
import { startTequio } from './lib/tequio-app';

const ENCODINGS = { identity: 'identity', browser: 'br, gzip', gzip: 'gzip' } as const;
type Variant = keyof typeof ENCODINGS;

interface Sent {
  status: number;
  wireBytes: number;
  encoding: string;
  vary: string;
  body: Buffer;
}

/** One GET; the body as it came over the socket, and decompressed. */
function get(url: string, acceptEncoding: string, token?: string): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'accept-encoding': acceptEncoding };
    if (token) headers.authorization = `Bearer ${token}`;
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = String(res.headers['content-encoding'] ?? 'identity');
          const body =
            encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
          resolve({
            status: res.statusCode ?? 0,
            wireBytes: raw.length,
            encoding,
            vary: String(res.headers.vary ?? ''),
            body,
          });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

export interface WireBytesResult {
  records: number;
  pull: Record<string, { pages: number; bytes: Record<Variant, number>; ms: Record<Variant, number> }>;
  precache: { entries: number; bytes: Record<Variant, number>; encodings: Record<string, number> };
}

/** The precache list the service worker was built with (as scripts/check-budget.mjs reads it). */
function precacheUrls(dist: string): string[] {
  const code = readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const start = code.search(/\[\{"revision":/);
  let depth = 0;
  for (let i = start; i < code.length; i += 1) {
    if (code[i] === '[') depth += 1;
    else if (code[i] === ']' && (depth -= 1) === 0) {
      const entries = JSON.parse(code.slice(start, i + 1)) as { url: string }[];
      return ['sw.js', ...entries.map((e) => e.url)];
    }
  }
  throw new Error('no precache list in sw.js');
}

export async function run(
  options: {
    records?: number;
    dist?: string;
    port?: number;
    pageSizes?: number[];
    log?: (line: string) => void;
  } = {},
): Promise<WireBytesResult> {
  const n = options.records ?? 25_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const dist = options.dist ?? 'dist';
  if (!existsSync(path.join(dist, 'sw.js'))) buildPwa(dist);
  const app = await startTequio({ port: options.port ?? 4391, staticDir: path.resolve(dist) });
  try {
    log(`wire bytes: seeding ${n} records…`);
    const seeder = await app.login('Tableta de carga');
    const mutations = asMutations(generateRecords(n));
    const clientId = randomUUID();
    let serverEpoch: string | null = null;
    for (let start = 0; start < mutations.length; start += PROTOCOL_LIMITS.maxMutationsPerPush) {
      const response = await seeder.api.push({
        clientId,
        serverEpoch,
        mutations: mutations.slice(start, start + PROTOCOL_LIMITS.maxMutationsPerPush),
      });
      serverEpoch = response.serverEpoch;
    }

    const pull: WireBytesResult['pull'] = {};
    const sizes = options.pageSizes ?? [PROTOCOL_LIMITS.defaultPullLimit, PROTOCOL_LIMITS.maxPullLimit];
    for (const limit of [...new Set(sizes)]) {
      const bytes = { identity: 0, browser: 0, gzip: 0 };
      const ms = { identity: 0, browser: 0, gzip: 0 };
      let pages = 0;
      let cursor: string | null = null;
      for (;;) {
        const q = new URLSearchParams({ limit: String(limit) });
        if (cursor) q.set('cursor', cursor);
        const url = `${app.base}/api/v1/sync/pull?${q.toString()}`;
        let plain: Buffer | null = null;
        for (const variant of Object.keys(ENCODINGS) as Variant[]) {
          const t0 = performance.now();
          const sent = await get(url, ENCODINGS[variant], seeder.token);
          ms[variant] += performance.now() - t0;
          if (sent.status !== 200) throw new Error(`pull answered ${sent.status}`);
          if (variant !== 'identity' && !/accept-encoding/i.test(sent.vary))
            throw new Error('pull without Vary');
          bytes[variant] += sent.wireBytes;
          // serverTime differs from one answer to the next; nothing else may.
          const body = Buffer.from(sent.body.toString('utf8').replace(/"serverTime":"[^"]*",?/, ''));
          if (plain === null) plain = body;
          else if (!plain.equals(body)) throw new Error(`pull page differs once decompressed (${variant})`);
        }
        pages++;
        const page = JSON.parse(plain!.toString('utf8')) as { cursor: string; hasMore: boolean };
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
      pull[String(limit)] = { pages, bytes, ms };
      log(
        `wire bytes: pull of ${n} records, ${pages} pages of ${limit}: ${mib(bytes.identity)} plain → ` +
          `${mib(bytes.browser)} (br) / ${mib(bytes.gzip)} (gzip)`,
      );
    }

    const urls = precacheUrls(dist);
    const precache: WireBytesResult['precache'] = {
      entries: urls.length,
      bytes: { identity: 0, browser: 0, gzip: 0 },
      encodings: {},
    };
    for (const url of urls) {
      let plain: Buffer | null = null;
      for (const variant of Object.keys(ENCODINGS) as Variant[]) {
        const sent = await get(`${app.base}/${url}`, ENCODINGS[variant]);
        if (sent.status !== 200) throw new Error(`${url} answered ${sent.status}`);
        precache.bytes[variant] += sent.wireBytes;
        if (variant === 'browser')
          precache.encodings[sent.encoding] = (precache.encodings[sent.encoding] ?? 0) + 1;
        if (plain === null) plain = sent.body;
        else if (!plain.equals(sent.body)) throw new Error(`${url} differs once decompressed (${variant})`);
      }
    }
    log(
      `wire bytes: first install, ${urls.length} precached files: ${mib(precache.bytes.identity)} plain → ` +
        `${mib(precache.bytes.browser)} (br) / ${mib(precache.bytes.gzip)} (gzip)`,
    );
    return { records: n, pull, precache };
  } finally {
    await app.stop();
  }
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MiB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const distIndex = args.indexOf('--dist');
  const dist = distIndex >= 0 ? args[distIndex + 1]! : 'dist';
  const records = Number(args.find((a) => /^\d+$/.test(a)) ?? 25_000);
  const result = await run({ records, dist });
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/wire-bytes.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log('written bench/results/wire-bytes.json');
}
