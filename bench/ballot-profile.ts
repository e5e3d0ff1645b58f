/**
 * Where the time of one ballot goes, in real Chromium against the built PWA and the real server:
 * the page's IndexedDB calls are wrapped (each transaction from its opening to its `complete`
 * event, each request from its call to its `success`), and a Chromium performance trace of the
 * same taps gives the main thread's work by kind (script, garbage collection, style and layout,
 * paint) and how long it sat idle waiting for IndexedDB.
 *
 *   npx vite build && node --import tsx bench/ballot-profile.ts [ballots=0] [taps=20] [same|other]
 *
 * The build may mark `cast-resolved` (the write answered the screen) and `cast-rendered` (the
 * confirmation rendered) with performance.mark to split the time after the commit.
 *
 * (BENCH_DIST, BENCH_PORT as for ballot-latency.ts.) Prints one line per tap and the medians.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { buildPwa, launchChromium, NAME_SHIM } from './lib/browser';
import { startTequio } from './lib/tequio-app';
import { seed } from './ballot-latency';

/** Wraps IndexedDB in the page: every transaction and request, with performance.now() times, in `window.__idb`. */
const IDB_PROBE = {
  content: `(() => {
    const log = (window.__idb = []);
    const now = () => performance.now();
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (stores, mode, options) {
      const tx = open.call(this, stores, mode, options);
      const entry = { kind: 'tx', what: [].concat(stores).join('+') + ' ' + (mode || 'readonly'), start: now(), durability: tx.durability };
      log.push(entry);
      tx.addEventListener('complete', () => (entry.end = now()));
      return tx;
    };
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
      for (const name of ['get', 'getAll', 'getAllKeys', 'getKey', 'put', 'add', 'delete', 'count', 'openCursor', 'openKeyCursor']) {
        const original = proto[name];
        if (!original) continue;
        proto[name] = function (...args) {
          const request = original.apply(this, args);
          const entry = { kind: 'req', what: (this.objectStore ? this.objectStore.name + '.' + this.name : this.name) + ' ' + name, start: now() };
          log.push(entry);
          request.addEventListener('success', () => (entry.end = now()));
          return request;
        };
      }
    }
    const fetch0 = window.fetch;
    window.fetch = function (input, init) {
      const entry = { kind: 'fetch', what: String(input && input.url ? input.url : input), start: now() };
      log.push(entry);
      return fetch0.call(this, input, init).finally(() => (entry.end = now()));
    };
  })();`,
};

interface Entry {
  kind: 'tx' | 'req' | 'fetch';
  what: string;
  start: number;
  end?: number;
  durability?: string;
}

interface Tap {
  /** Click → the confirmation in the DOM (React committed). */
  committed: number;
  /** Click → the next animation frame (what ballot-latency.ts reports). */
  frame: number;
  /** Click → a task after that frame (the frame painted). */
  painted: number;
  entries: Entry[];
  t0: number;
}

/** One timed tap as in ballot-latency.ts (a real click once the dot is painted), with the IndexedDB log. */
async function tap(page: Page): Promise<Tap> {
  await page.getByRole('button', { name: 'Poner un punto en Agua', exact: true }).click();
  await page.evaluate(() => {
    const w = window as unknown as { __idb: Entry[]; __tap?: Promise<Tap> };
    w.__tap = new Promise<Tap>((resolve) => {
      const from = w.__idb.length;
      let t0 = Number.NaN;
      let committed = 0;
      let frame = 0;
      document.addEventListener(
        'click',
        (e) => {
          t0 = e.timeStamp;
          performance.mark('tap-start', { startTime: t0 });
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        if (!document.querySelector('.vote-confirmation')) return;
        observer.disconnect();
        committed = performance.now() - t0;
        requestAnimationFrame(() => {
          frame = performance.now() - t0;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            performance.mark('tap-end');
            const painted = performance.now() - t0;
            // Let the IndexedDB and fetch calls still running finish in the log.
            setTimeout(() => {
              const inFlight = w.__idb
                .slice(0, from)
                .filter((e) => e.end === undefined || e.end > t0)
                .map((e) => ({ ...e, what: `(in flight) ${e.what}` }));
              const entries = [...inFlight, ...w.__idb.slice(from)].map((e) => ({
                ...e,
                start: e.start - t0,
                end: e.end === undefined ? undefined : e.end - t0,
              }));
              const marks = performance
                .getEntriesByType('mark')
                .filter((m) => m.name.startsWith('cast-') && m.startTime >= t0)
                .map((m) => ({
                  kind: 'req' as const,
                  what: `mark ${m.name}`,
                  start: m.startTime - t0,
                  end: undefined,
                }));
              entries.push(...marks);
              entries.sort((a, b) => a.start - b.start);
              resolve({ committed, frame, painted, entries, t0 });
            }, 100);
          };
          channel.port2.postMessage(null);
        });
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
  await page.getByRole('button', { name: 'Emitir voto', exact: true }).click();
  const result = await page.evaluate(() => (window as unknown as { __tap: Promise<Tap> }).__tap);
  await page.getByRole('button', { name: 'Siguiente voto' }).click();
  return result;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

/** Main-thread time by kind in each [tap-start, tap-end] window of the trace (ms). */
function mainThreadBreakdown(trace: { traceEvents: TraceEvent[] }) {
  const events = trace.traceEvents;
  const threadName = events.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.ph === 'M',
  );
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('tap-'));
  const starts = marks.filter((m) => m.name === 'tap-start').map((m) => m.ts);
  const ends = marks.filter((m) => m.name === 'tap-end').map((m) => m.ts);
  const pid = starts.length ? marks.find((m) => m.name === 'tap-start')!.pid : threadName?.pid;
  const main = events.filter(
    (e) => e.ph === 'X' && e.pid === pid && (!threadName || e.tid === threadName.tid) && e.dur !== undefined,
  );
  const kinds: Record<string, (name: string) => boolean> = {
    task: (n) => n === 'RunTask' || n === 'ThreadControllerImpl::RunTask',
    script: (n) =>
      n === 'FunctionCall' || n === 'EventDispatch' || n === 'RunMicrotasks' || n === 'TimerFire',
    gc: (n) => n === 'MinorGC' || n === 'MajorGC' || n === 'V8.GC_SCAVENGER' || n === 'V8.GC_MARK_COMPACTOR',
    styleLayout: (n) => n === 'UpdateLayoutTree' || n === 'Layout',
    paint: (n) =>
      n === 'PrePaint' || n === 'Paint' || n === 'Layerize' || n === 'Commit' || n === 'UpdateLayer',
  };
  return starts.map((start) => {
    const end = ends.find((e) => e > start) ?? start;
    const row: Record<string, number> = { window: (end - start) / 1000 };
    for (const [kind, match] of Object.entries(kinds)) {
      // Outermost events of the kind only (nested ones would count twice).
      const spans = main
        .filter((e) => match(e.name) && e.ts < end && e.ts + e.dur! > start)
        .sort((a, b) => a.ts - b.ts);
      let total = 0;
      let reach = 0;
      for (const e of spans) {
        const s = Math.max(e.ts, start, reach);
        const f = Math.min(e.ts + e.dur!, end);
        if (f > s) total += f - s;
        reach = Math.max(reach, e.ts + e.dur!);
      }
      row[kind] = total / 1000;
    }
    row.idle = row.window! - row.task!;
    return row;
  });
}

/** The main thread's tasks of one window, in order, with their larger parts (for reading, not summing). */
function timeline(trace: { traceEvents: TraceEvent[] }, which: number): string[] {
  const events = trace.traceEvents;
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('tap-'));
  const start = marks.filter((m) => m.name === 'tap-start')[which]!;
  const end = marks.find((m) => m.name === 'tap-end' && m.ts > start.ts)!;
  const main = events
    .filter((e) => e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.dur !== undefined)
    .filter((e) => e.ts + e.dur! > start.ts && e.ts < end.ts && e.dur! >= 100)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const lines: string[] = [];
  const stack: TraceEvent[] = [];
  for (const e of main) {
    while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
    const data = e.args?.data as { functionName?: string; url?: string; type?: string } | undefined;
    const detail = data?.functionName ?? data?.type ?? '';
    const url = data?.url ? ` ${String(data.url).split('/').pop()}` : '';
    if (stack.length < 4)
      lines.push(
        `${((e.ts - start.ts) / 1000).toFixed(1).padStart(6)} ${(e.dur! / 1000).toFixed(2).padStart(6)}  ${'  '.repeat(
          stack.length,
        )}${e.name} ${detail}${url}`,
      );
    stack.push(e);
  }
  return lines;
}

/**
 * One tap's phases (ms): the handler until the write transaction opens; the transaction until its
 * `complete`; from it to the write's promise answering the screen (mark `cast-resolved`, when the
 * build has it); the render (to `cast-rendered`, or to the confirmation in the DOM); the wait for
 * the next frame; that frame's paint; and the whole tap → painted.
 */
function phasesOf(tap: Tap) {
  const tx = tap.entries.find(
    (e) => e.kind === 'tx' && e.what.includes('readwrite') && e.what.includes('ballots'),
  );
  const resolved = tap.entries.find((e) => e.what === 'mark cast-resolved')?.start;
  const rendered = tap.entries.find((e) => e.what === 'mark cast-rendered')?.start ?? tap.committed;
  const open = tx?.start ?? Number.NaN;
  const complete = tx?.end ?? Number.NaN;
  const first = tap.entries.find((e) => e.kind === 'req' && e.start >= open && e.end !== undefined);
  return {
    handler: open,
    firstRequest: first ? first.end! - first.start : Number.NaN,
    transaction: complete - open,
    notify: (resolved ?? rendered) - complete,
    render: resolved === undefined ? Number.NaN : rendered - resolved,
    toFrame: tap.frame - Math.max(rendered, tap.committed),
    paint: tap.painted - tap.frame,
    committed: tap.committed,
    painted: tap.painted,
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ballots = Number(process.argv[2] ?? 0);
  const taps = Number(process.argv[3] ?? 20);
  const sameRound = process.argv[4] === 'same';
  const dist = buildPwa(process.env.BENCH_DIST ?? 'dist');
  const app = await startTequio({ port: Number(process.env.BENCH_PORT ?? 4372), staticDir: dist });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 1280, height: 800 } });
    await context.addInitScript(NAME_SHIM);
    await context.addInitScript(IDB_PROBE);
    const page = await context.newPage();
    await page.goto(app.base);
    await page.getByLabel('Usuario').fill(app.username);
    await page.getByLabel('Contraseña').fill(app.password);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { name: 'Procesos' }).waitFor();
    const ids = await seed(page, ballots, sameRound);
    await page.goto(`${app.base}/rounds/${ids.round}`);
    await page.getByRole('tab', { name: 'Pasar la tableta' }).click();
    await page.getByRole('button', { name: 'Poner un punto en Agua', exact: true }).waitFor();
    for (let i = 0; i < 3; i++) await tap(page);

    const results: Tap[] = [];
    for (let i = 0; i < taps; i++) results.push(await tap(page));
    const phases = results.map(phasesOf);
    console.log('Each tap (ms): ' + Object.keys(phases[0]!).join(', '));
    for (const p of phases)
      console.log(
        '  ' +
          Object.values(p)
            .map((v) => v.toFixed(1).padStart(5))
            .join(' '),
      );
    for (const q of [50, 95]) {
      const keys = Object.keys(phases[0]!) as (keyof ReturnType<typeof phasesOf>)[];
      console.log(
        `p${q}: ` +
          keys
            .map(
              (k) =>
                `${k} ${pct(
                  phases.map((p) => p[k]),
                  q,
                ).toFixed(1)}`,
            )
            .join(', '),
      );
    }
    console.log(
      `median: committed ${med(results.map((r) => r.committed)).toFixed(1)}, frame ${med(
        results.map((r) => r.frame),
      ).toFixed(1)}, painted ${med(results.map((r) => r.painted)).toFixed(1)} ms`,
    );
    // The IndexedDB calls of the median tap, in order.
    const byPainted = [...results].sort((a, b) => a.painted - b.painted);
    const typical = byPainted[Math.floor(byPainted.length / 2)]!;
    console.log('\nIndexedDB and fetch calls of the median tap (ms from the click):');
    for (const e of typical.entries)
      console.log(
        `  ${e.kind.padEnd(5)} ${e.start.toFixed(1).padStart(6)} → ${(e.end?.toFixed(1) ?? '…').padStart(6)}  ${e.what}${
          e.durability ? ` (${e.durability})` : ''
        }`,
      );

    // The same taps again under a performance trace: the main thread's share.
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'v8',
        'toplevel',
      ],
    });
    for (let i = 0; i < Math.min(taps, 10); i++) await tap(page);
    const buffer = await browser.stopTracing();
    const rows = mainThreadBreakdown(JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] });
    console.log('\nMain thread in each traced tap (ms): window = click → frame painted');
    console.table(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.toFixed(1)]))));
    const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    const order = rows.map((r, i) => [r.window!, i] as const).sort((a, b) => a[0] - b[0]);
    const middle = order[Math.floor(order.length / 2)]![1];
    console.log(`\nMain thread of traced tap ${middle} (ms from the click, duration, ≥ 0.1 ms):`);
    for (const line of timeline(parsed, middle)) console.log(line);
    const keys = Object.keys(rows[0] ?? {});
    console.log('median:', Object.fromEntries(keys.map((k) => [k, med(rows.map((r) => r[k]!)).toFixed(1)])));
  } finally {
    await browser.close();
    await app.stop();
  }
}
