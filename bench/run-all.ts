/**
 * `npm run bench`: every benchmark in one run, so the ratios between figures
 * hold on a noisy machine. Builds the PWA and the benchmark page, then runs
 * in turn the initial pull (with its raw limit and PouchDB beside it), the
 * offline cold start, the ballot latency and the server push and load
 * benchmarks (per backend: one instance on SQLite, one on PostgreSQL, and for
 * the load also two instances on one PostgreSQL behind nginx), prints ONE
 * summary table and writes bench/results/bench.json (the summary and every
 * benchmark's details).
 *
 *   node --import tsx bench/run-all.ts [--quick] [--records 25000] [--ballots 100000]
 *        [--backend sqlite|postgres|postgres-2x-nginx|both|all] [--only pull,cold,ballot,lighthouse,push,load,wire]
 *        [--dist dist] [--no-build]
 *
 * `--backend` takes a comma-separated list too; the default is `all` (`sqlite` with
 * `--quick`). The push runs on the single-instance backends only. `--quick` is for
 * checking the bench itself (small sizes, SQLite only). A benchmark that fails is
 * reported in the table and the JSON; the others go on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { run as ballotLatency, type BallotLatencyResult } from './ballot-latency';
import { run as coldStart, type ColdStartResult } from './cold-start';
import { run as initialPull, type InitialPullResult } from './initial-pull';
import { buildHarness, buildPwa } from './lib/browser';
import { parseBackends, type Backend } from './lib/server';
import { run as lighthouse, type LighthouseResult } from './lighthouse';
import { run as serverLoad } from './server-load';
import { run as serverPush } from './server-push';
import { run as wireBytes, type WireBytesResult } from './wire-bytes';

interface Row {
  figure: string;
  value: string;
  /** This figure's time over the raw limit's (1 = as fast as the machine allows). */
  vsRawLimit?: string;
  /** PouchDB's time over this figure's (how many times faster than the baseline). */
  vsPouchDb?: string;
  target?: string;
  /** Whether the figure meets its target, for the figures whose target is checked here. */
  met?: boolean;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
}
const flag = (name: string) => process.argv.slice(2).includes(`--${name}`);

const quick = flag('quick');
const records = Number(arg('records') ?? (quick ? 2000 : 25_000));
const ballots = Number(arg('ballots') ?? (quick ? 2000 : 100_000));
const backends = parseBackends(arg('backend') ?? (quick ? 'sqlite' : 'all'));
const only = new Set((arg('only') ?? 'pull,cold,ballot,lighthouse,push,load,wire').split(','));
const dist = arg('dist') ?? 'dist';

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ms1 = (ms: number) => `${ms.toFixed(1)} ms`;
const times = (x: number) => `${x.toFixed(2)}×`;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')}/s`;

const rows: Row[] = [];
const details: Record<string, unknown> = {};
const errors: Record<string, string> = {};

async function step<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
  const t0 = performance.now();
  console.log(`\n== ${name}`);
  try {
    const result = await fn();
    details[name] = result;
    console.log(`== ${name}: ${sec(performance.now() - t0)}`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    errors[name] = message;
    console.error(`== ${name} failed: ${message}`);
    rows.push({ figure: name, value: 'FAILED (see errors in bench.json)' });
    return null;
  }
}

function pullRows(r: InitialPullResult) {
  const n = r.pulledRecords.toLocaleString('en-US');
  rows.push({
    figure: `Initial pull, ${n} records (app sync engine, Chromium)`,
    value: `${sec(r.pull.ms)} · ${rate(r.pull.recordsPerSecond)}`,
    vsRawLimit: times(r.pullToRawLimit),
    ...(r.pouchToPull !== null ? { vsPouchDb: times(r.pouchToPull) } : {}),
    target: '≤ 3 s, ≥ 5× PouchDB',
  });
  rows.push({
    figure: '  pull ÷ raw limit (same run)',
    value: times(r.pullToRawLimit),
    target: '≤ 1.2×',
    met: r.pullToRawLimit <= 1.2,
  });
  rows.push({
    figure: '  of which waiting for pages (fetch + JSON)',
    value: sec(r.pull.networkMs),
  });
  rows.push({
    figure: `Raw limit: 1 fetch (${(r.bytes / 1048576).toFixed(1)} MiB) + 1 Dexie bulkPut`,
    value: `${sec(r.rawLimitMs)} · ${rate(r.rawLimitRecordsPerSecond)}`,
    vsRawLimit: times(1),
  });
  rows.push({ figure: '  fetch + JSON.parse', value: sec(r.rawFetchMs) });
  rows.push({
    figure: `Push from the device, ${r.devicePush.pushed.toLocaleString('en-US')} offline mutations (Chromium engine)`,
    value: `${sec(r.devicePush.pushMs)} · ${rate(r.devicePush.mutationsPerSecond)} (writing them offline: ${sec(r.devicePush.writeMs)})`,
    target: '≤ 2 s',
  });
  rows.push({ figure: '  bulkPut (one transaction)', value: sec(r.rawBulkPutMs) });
  if (r.pouch) {
    rows.push({
      figure: `PouchDB replicate (IndexedDB, batch ${r.pouch.batchSize}) from express-pouchdb`,
      value: `${sec(r.pouch.ms)} · ${rate(r.pouch.recordsPerSecond)}`,
      vsRawLimit: times(r.pouch.ms / r.rawLimitMs),
      vsPouchDb: times(1),
    });
  }
}

function coldRows(r: ColdStartResult) {
  rows.push({
    figure: `Offline cold start → processes list interactive (${r.cpuThrottling}× CPU, median of ${r.runs})`,
    value: `${r.median.toFixed(0)} ms (min ${r.min.toFixed(0)}, max ${r.max.toFixed(0)})${
      r.servedByServiceWorker ? '' : ' NOT from the service worker'
    }`,
    target: '≤ 1 s',
    met: r.servedByServiceWorker && r.median <= 1000,
  });
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MiB`;

function wireRows(r: WireBytesResult) {
  for (const [limit, p] of Object.entries(r.pull)) {
    rows.push({
      figure: `Pull of ${r.records.toLocaleString('en-US')} records on the wire (${p.pages} pages of ${limit})`,
      value: `${mib(p.bytes.identity)} plain → ${mib(p.bytes.browser)} br, ${mib(p.bytes.gzip)} gzip`,
    });
  }
  rows.push({
    figure: `First install on the wire (precache, ${r.precache.entries} files)`,
    value: `${mib(r.precache.bytes.identity)} plain → ${mib(r.precache.bytes.browser)} br, ${mib(r.precache.bytes.gzip)} gzip`,
  });
}

function ballotRows(r: BallotLatencyResult) {
  for (const s of r.results) {
    if (s.storedBallots === 0) continue;
    rows.push({
      figure: `Tap → ballot stored and painted, ${s.storedBallots.toLocaleString('en-US')} stored${
        s.inVotedRound ? ', all in this round' : ', other rounds'
      }`,
      value: `p50 ${ms1(s.p50)} · p95 ${ms1(s.p95)} (stored, in the DOM: p95 ${ms1(s.storedP95)})`,
      target: 'p95 ≤ 16 ms',
      met: s.p95 <= 16,
    });
    rows.push({
      figure: '  open live results of the round',
      value: `${s.resultsMs.toFixed(0)} ms`,
      target: '≤ 500 ms',
      met: s.resultsMs <= 500,
    });
  }
}

function lighthouseRows(r: LighthouseResult) {
  const m = r.median;
  const runs = r.runs.length;
  rows.push({
    figure: `Lighthouse ${r.url}, mobile, first visit (median of ${runs}): performance`,
    value: String(m.performance),
    target: '≥ 95',
    met: m.performance >= 95,
  });
  rows.push({
    figure: '  accessibility',
    value: String(m.accessibility),
    target: '100',
    met: m.accessibility === 100,
  });
  rows.push({
    figure: '  best practices',
    value: String(m.bestPractices),
    target: '100',
    met: m.bestPractices === 100,
  });
  rows.push({
    figure: '  FCP · LCP · TBT · speed index · CLS',
    value: `${sec(m.firstContentfulPaint)} · ${sec(m.largestContentfulPaint)} · ${m.totalBlockingTime.toFixed(0)} ms · ${sec(m.speedIndex)} · ${m.cumulativeLayoutShift.toFixed(3)}`,
  });
}

/** The server benchmarks return their own shapes; take the figures that are there. */
function serverRows(name: 'push' | 'load', backend: Backend, result: Record<string, unknown>) {
  const list = Array.isArray(result.results) ? (result.results as Record<string, unknown>[]) : [];
  for (const r of list) {
    if (name === 'push') {
      const ms = num(r.serverMs);
      const n = num(r.mutations);
      const overHttp = num(r.serverOverRawHttp);
      const overSql = num(r.serverOverRawSql);
      rows.push({
        figure: `Server push, ${n?.toLocaleString('en-US') ?? '?'} mutations, 1 client (${backend})`,
        value: ms === null ? 'n/a' : `${sec(ms)}${n ? ` · ${rate((n / ms) * 1000)}` : ''}`,
        ...(overHttp !== null || overSql !== null
          ? {
              vsRawLimit: [
                overHttp !== null ? `${times(overHttp)} http` : '',
                overSql !== null ? `${times(overSql)} sql` : '',
              ]
                .filter(Boolean)
                .join(', '),
            }
          : {}),
        target: '5,000 ≤ 2 s',
      });
    } else {
      // server-load.ts: an open-loop run at the target's rate (the verdict) and a closed-loop
      // saturation run (the capacity: the most mutations/s, at whatever latency saturation gives).
      const applied = num(r.appliedPerSecond);
      const p99 = num(r.pushP99Ms);
      const pull99 = num(r.pullP99Ms);
      const open = r.mode !== 'closed';
      const label = backend === 'postgres-2x-nginx' ? 'postgres, 2 instances behind nginx' : backend;
      const value = [
        applied !== null ? `${rate(applied)} applied` : '',
        p99 !== null ? `push p99 ${p99.toFixed(0)} ms` : '',
        pull99 !== null ? `pull p99 ${pull99.toFixed(0)} ms` : '',
      ]
        .filter(Boolean)
        .join(' · ');
      rows.push(
        open
          ? {
              figure: `Server load, ${String(r.devices ?? '?')} devices at ~1 push/s, open loop (${label})`,
              value,
              target: '≥ 3,000/s, push p99 ≤ 250 ms',
              met: applied !== null && p99 !== null && applied >= 3000 && p99 <= 250,
            }
          : {
              figure: `Server capacity, ${String(r.devices ?? '?')} devices, closed loop (${label})`,
              value,
              target: '≥ 3,000/s',
              met: applied !== null && applied >= 3000,
            },
      );
    }
  }
}

type Printed = Omit<Row, 'met'> & { verdict?: string };

function printTable(table: Row[]) {
  const head: Printed = {
    figure: 'Figure',
    value: 'Value',
    vsRawLimit: '÷ raw limit',
    vsPouchDb: 'PouchDB ÷ this',
    target: 'Target',
    verdict: 'Met?',
  };
  const withVerdict: Printed[] = table.map(({ met, ...r }) => ({
    ...r,
    verdict: met === undefined ? '' : verdict(met),
  }));
  const all = [head, ...withVerdict];
  const cols = ['figure', 'value', 'vsRawLimit', 'vsPouchDb', 'target', 'verdict'] as const;
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...all.map((r) => (r[c] ?? '').length))]));
  const line = (r: Printed) => cols.map((c) => (r[c] ?? '').padEnd(width[c]!)).join(' │ ');
  console.log(`\n${line(head)}\n${cols.map((c) => '─'.repeat(width[c]!)).join('─┼─')}`);
  for (const r of withVerdict) console.log(line(r));
}

const startedAt = new Date().toISOString();
if (!flag('no-build')) {
  console.log('Building the benchmark page and the PWA…');
  buildHarness(true);
  if (only.has('cold') || only.has('ballot') || only.has('lighthouse') || only.has('wire'))
    buildPwa(dist, true);
}
if (only.has('pull')) {
  const r = await step('initial-pull', () =>
    initialPull({ records, repetitions: quick ? 1 : 3, pushes: quick ? 500 : 5_000 }),
  );
  if (r) pullRows(r);
}
if (only.has('cold')) {
  const r = await step('cold-start', () => coldStart({ runs: quick ? 3 : 7, dist }));
  if (r) coldRows(r);
}
if (only.has('ballot')) {
  const r = await step('ballot-latency', () => ballotLatency({ ballots, samples: quick ? 5 : 40, dist }));
  if (r) ballotRows(r);
}
if (only.has('wire')) {
  const r = await step('wire-bytes', () => wireBytes({ records, dist }));
  if (r) wireRows(r);
}
if (only.has('lighthouse')) {
  const r = await step('lighthouse', () => lighthouse({ runs: quick ? 1 : 3, dist }));
  if (r) lighthouseRows(r);
}
for (const backend of backends) {
  if (only.has('push') && backend !== 'postgres-2x-nginx') {
    const r = await step(`server-push-${backend}`, () =>
      serverPush({ backends: [backend], ...(quick ? { n: 1000 } : {}) }),
    );
    if (r) serverRows('push', backend, r);
  }
  if (only.has('load')) {
    const r = await step(`server-load-${backend}`, () =>
      serverLoad({ backends: [backend], ...(quick ? { seconds: 5, devices: 20 } : {}) }),
    );
    if (r) serverRows('load', backend, r);
  }
}

printTable(rows);
const cpus = os.cpus();
const report = {
  startedAt,
  finishedAt: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemMiB: Math.round(os.totalmem() / 1048576),
    loadAverage: os.loadavg(),
  },
  options: { quick, records, ballots, backends, only: [...only], dist },
  summary: rows,
  details,
  errors,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/bench.json', `${JSON.stringify(report, null, 2)}\n`);
console.log('\nwritten bench/results/bench.json');
if (Object.keys(errors).length > 0) process.exitCode = 1;
