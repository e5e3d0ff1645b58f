/**
 * Lighthouse on the first screen a new user meets: `/login` of the built PWA,
 * served by the real server (loopback, temporary SQLite), first visit (a fresh
 * profile: no service worker, empty caches), Lighthouse's default mobile
 * settings (Moto G Power, simulated slow 4G and 4× CPU). Lighthouse comes from
 * the bench's own packages (bench/package.json) and drives the system Chromium
 * with the end-to-end suite's flags.
 *
 *   npx vite build && node --import tsx bench/lighthouse.ts [runs=1]
 *
 * or `run(options)` from bench/run-all.ts. BENCH_DIST=<folder> measures another
 * build, BENCH_PORT=<port> moves the server, LH_TRACE=<file.json> keeps the last
 * run's trace. Prints the scores and metrics and writes
 * bench/results/lighthouse.json (and the full report of the last run as
 * bench/results/lighthouse-report.json).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPwa, CHROMIUM_ARGS, median } from './lib/browser';
import { startTequio } from './lib/tequio-app';

// Lighthouse and chrome-launcher live in the bench's own node_modules (bench/package.json), which
// the app's install and typecheck do not have: loaded by name, typed by the little used here.
interface ChromeLauncher {
  launch(options: { chromePath: string; chromeFlags: string[]; userDataDir: string }): Promise<{
    port: number;
    kill(): Promise<void> | void;
  }>;
}
type LighthouseFn = (
  url: string,
  flags: Record<string, unknown>,
) => Promise<{ lhr: unknown; report?: string | string[] } | undefined>;
const load = async <T>(name: string): Promise<T> => {
  const module = (await import(name)) as { default?: T };
  return (module.default ?? module) as T;
};

export interface LighthouseOptions {
  /** Lighthouse runs, each on a fresh profile; scores and metrics are the median (default 1). */
  runs?: number;
  port?: number;
  /** The built PWA (default dist). */
  dist?: string;
  log?: (line: string) => void;
}

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Milliseconds. */
  firstContentfulPaint: number;
  largestContentfulPaint: number;
  totalBlockingTime: number;
  speedIndex: number;
  cumulativeLayoutShift: number;
  /** Audits that did not pass in the three categories (id: title), to see what to fix. */
  failing: Record<string, string>;
}

export interface LighthouseResult {
  url: string;
  runs: LighthouseRun[];
  median: Omit<LighthouseRun, 'failing'>;
  chromium: string;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    { score: number | null; numericValue?: number; title: string; scoreDisplayMode: string }
  >;
  runtimeError?: { code: string; message: string };
}

function summarise(lhr: Lhr): LighthouseRun {
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const value = (a: string) => lhr.audits[a]?.numericValue ?? Number.NaN;
  const failing: Record<string, string> = {};
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 0.9) continue;
      if (!['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
      failing[ref.id] = `${audit.title} (score ${audit.score})`;
    }
  }
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    firstContentfulPaint: value('first-contentful-paint'),
    largestContentfulPaint: value('largest-contentful-paint'),
    totalBlockingTime: value('total-blocking-time'),
    speedIndex: value('speed-index'),
    cumulativeLayoutShift: value('cumulative-layout-shift'),
    failing,
  };
}

export async function run(options: LighthouseOptions = {}): Promise<LighthouseResult> {
  const runs = options.runs ?? 1;
  const log = options.log ?? ((line: string) => console.log(line));
  const dist = buildPwa(options.dist ?? 'dist');
  const app = await startTequio({ port: options.port ?? 4392, staticDir: dist });
  const url = `${app.base}/login`;
  const results: LighthouseRun[] = [];
  let chromium = '';
  const chromeLauncher = await load<ChromeLauncher>('chrome-launcher');
  const lighthouse = await load<LighthouseFn>('lighthouse');
  try {
    for (let i = 0; i < runs; i++) {
      // A new profile each run: a first visit, nothing cached, no service worker.
      const profile = mkdtempSync(join(tmpdir(), 'tequio-lighthouse-'));
      const chrome = await chromeLauncher.launch({
        chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        chromeFlags: [...CHROMIUM_ARGS, '--headless=new', '--lang=es-MX'],
        userDataDir: profile,
      });
      try {
        const answer = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          locale: 'en-US',
        });
        if (!answer) throw new Error('Lighthouse returned nothing');
        const lhr = answer.lhr as unknown as Lhr & { environment?: { hostUserAgent?: string } };
        if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        chromium = lhr.environment?.hostUserAgent ?? '';
        const summary = summarise(lhr);
        results.push(summary);
        log(
          `lighthouse: run ${i + 1}/${runs}: performance ${summary.performance}, ` +
            `accessibility ${summary.accessibility}, best practices ${summary.bestPractices}`,
        );
        if (i === runs - 1) {
          mkdirSync('bench/results', { recursive: true });
          writeFileSync('bench/results/lighthouse-report.json', JSON.stringify(answer.lhr, null, 2));
          if (process.env.LH_TRACE)
            writeFileSync(
              process.env.LH_TRACE,
              JSON.stringify((answer as { artifacts?: { Trace?: unknown } }).artifacts?.Trace),
            );
        }
      } finally {
        await chrome.kill();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await app.stop();
  }
  const med = (pick: (r: LighthouseRun) => number) => median(results.map(pick));
  return {
    url: '/login',
    runs: results,
    chromium,
    median: {
      performance: med((r) => r.performance),
      accessibility: med((r) => r.accessibility),
      bestPractices: med((r) => r.bestPractices),
      firstContentfulPaint: med((r) => r.firstContentfulPaint),
      largestContentfulPaint: med((r) => r.largestContentfulPaint),
      totalBlockingTime: med((r) => r.totalBlockingTime),
      speedIndex: med((r) => r.speedIndex),
      cumulativeLayoutShift: med((r) => r.cumulativeLayoutShift),
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await run({
    runs: Number(process.argv[2] ?? 1),
    dist: process.env.BENCH_DIST ?? 'dist',
    port: process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined,
  });
  const m = result.median;
  console.log(`\nLighthouse, mobile defaults, first visit to ${result.url} (${result.chromium})`);
  console.table({
    performance: m.performance,
    accessibility: m.accessibility,
    'best practices': m.bestPractices,
    'first contentful paint (ms)': Math.round(m.firstContentfulPaint),
    'largest contentful paint (ms)': Math.round(m.largestContentfulPaint),
    'total blocking time (ms)': Math.round(m.totalBlockingTime),
    'speed index (ms)': Math.round(m.speedIndex),
    'cumulative layout shift': Number(m.cumulativeLayoutShift.toFixed(3)),
  });
  const failing = result.runs.at(-1)?.failing ?? {};
  if (Object.keys(failing).length > 0) {
    console.log('Audits not passed (last run):');
    for (const [id, title] of Object.entries(failing)) console.log(`  ${id}: ${title}`);
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/lighthouse.json', JSON.stringify(result, null, 2));
}
