/**
 * Recording one ballot with many already stored, in real Chromium against the built PWA and the
 * real server (loopback, temporary SQLite): a real tap (browser input) on "Emitir voto" → ballot
 * stored in IndexedDB → confirmation painted, measured inside the page from the click event's
 * time stamp to the end of the frame that paints the confirmation (`castTimed`); also to the
 * confirmation in the DOM, which the app shows only after the commit. Also the time to open the
 * live results of a round with the same number of ballots.
 *
 *   npx vite build && node --import tsx bench/ballot-latency.ts [ballots=100000] [samples=40]
 *
 * (BENCH_DIST: the built PWA, default dist, built when missing; BENCH_PORT: the server's port.)
 *
 * or `run(options)` from bench/run-all.ts.
 *
 * Scenarios: the stored ballots belong to other rounds (a database after many assemblies), and
 * all of them belong to the round being voted (worst case for the per-round count and tally).
 * Prints a table and writes bench/results/ballot-latency.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { buildPwa, launchChromium, NAME_SHIM, percentile } from './lib/browser';
import { startTequio } from './lib/tequio-app';
import type { Ballot } from '../src/domain';
import type { StoredRecord } from '../src/client/data/db-rows';
import { summariseAll } from '../src/client/data/round-tallies';

export interface BallotLatencyOptions {
  /** Ballots stored before recording (default 100,000). */
  ballots?: number;
  /** Timed ballots per scenario (default 40). */
  samples?: number;
  port?: number;
  /** The built PWA (default dist). */
  dist?: string;
  log?: (line: string) => void;
}

export interface BallotLatencyScenario {
  storedBallots: number;
  inVotedRound: number;
  samples: number;
  /** Tap → confirmation painted (ms). */
  p50: number;
  p95: number;
  max: number;
  /** Tap → stored and the confirmation in the DOM (ms), before the frame that paints it. */
  storedP50: number;
  storedP95: number;
  resultsMs: number;
}

export interface BallotLatencyResult {
  results: BallotLatencyScenario[];
}

/** Writes a process, a session, three problems, the rounds and `ballots` stored ballots straight into IndexedDB. */
export async function seed(page: Page, ballots: number, sameRound: boolean) {
  const ids = {
    process: randomUUID(),
    session: randomUUID(),
    round: randomUUID(),
    other: randomUUID(),
    problems: [randomUUID(), randomUUID(), randomUUID()],
  };
  await page.evaluate(
    async ({ ids }) => {
      const hlc = '2026-11-20T17:00:00.000Z-0000-00000000000000aa';
      const stamp = (fields: Record<string, unknown>) =>
        Object.fromEntries(Object.keys(fields).map((k) => [k, hlc]));
      const rec = (id: string, fields: Record<string, unknown>) => ({
        id,
        fields,
        hlcs: stamp(fields),
        deleted: false,
      });
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const r = indexedDB.open('tequio');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const titles = ['Agua', 'Basura', 'Calles'];
      const attendance = {
        counts: Object.fromEntries(
          ['women', 'men', 'nonBinary', 'notStated'].map((g) => [
            g,
            { children: 0, adolescents: 0, youth: 0, adults: g === 'women' ? 30 : 10, olderAdults: 0 },
          ]),
        ),
        indigenous: 0,
        disability: 0,
      };
      const round = (id: string, title: string) =>
        rec(id, {
          processId: ids.process,
          sessionId: ids.session,
          title,
          options: ids.problems.map((problemId, i) => ({ problemId, title: titles[i] })),
          method: 'dots',
          dotsPerPerson: 3,
          allowStacking: true,
          status: 'open',
          openedAt: '2026-11-20T17:00:00.000Z',
        });
      const put = (store: string, values: unknown[]) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          for (const v of values) os.put(v);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      await put('processes', [
        rec(ids.process, {
          name: 'Proceso de medición',
          unitKeys: ['07-101'],
          stage: 'self_diagnosis',
          teamUserIds: [],
        }),
      ]);
      await put('sessions', [
        rec(ids.session, {
          processId: ids.process,
          type: 'community_assembly',
          title: 'Asamblea de priorización',
          date: '2026-11-20',
          place: 'Explanada',
          facilitators: ['Rosa Martínez'],
          attendance,
          agreements: [],
        }),
      ]);
      await put(
        'problems',
        ids.problems.map((id, i) => rec(id, { processId: ids.process, title: titles[i], theme: 'water' })),
      );
      await put('rounds', [round(ids.round, 'Votación medida'), round(ids.other, 'Votaciones anteriores')]);
      db.close();
    },
    { ids },
  );
  // The ballots, made here and written in batches; then the rounds' running tallies as the app's
  // own code (the database upgrade's `summariseAll`) makes them from the same rows, since these
  // rows go straight into IndexedDB and not through the app's Dexie.
  const target = sameRound ? ids.round : ids.other;
  const rows: StoredRecord<Partial<Ballot>>[] = [];
  for (let start = 0; start < ballots; start += 10_000) {
    const batch: StoredRecord<Partial<Ballot>>[] = [];
    for (let i = start; i < Math.min(ballots, start + 10_000); i++) {
      const a = ids.problems[i % 3]!;
      const b = ids.problems[(i * 7) % 3]!;
      const fields: Partial<Ballot> = {
        processId: ids.process,
        roundId: target,
        kind: 'vote',
        castAt: new Date(Date.UTC(2026, 10, 20, 17, 0, 0, i)).toISOString(),
        dots: a === b ? { [a]: 2 } : { [a]: 1, [b]: 1 },
      };
      const hlcs = Object.fromEntries(Object.keys(fields).map((k) => [k, HLC]));
      batch.push({ id: randomUUID(), fields, hlcs, deleted: false });
    }
    await putRaw(page, 'ballots', batch);
    rows.push(...batch);
  }
  await putRaw(page, 'roundTallies', summariseAll(rows));
  return ids;
}

const HLC = '2026-11-20T17:00:00.000Z-0000-00000000000000aa';

/** Puts `values` into one store of the app's database, straight through IndexedDB. */
async function putRaw(page: Page, store: string, values: unknown[]) {
  await page.evaluate(
    async ({ store, values }) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const r = indexedDB.open('tequio');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        const os = tx.objectStore(store);
        for (const v of values) os.put(v);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { store, values },
  );
}

interface TapTimes {
  /** Tap → ballot committed to IndexedDB and the confirmation in the DOM. */
  stored: number;
  /** Tap → the frame that shows the confirmation painted (what the person sees). */
  painted: number;
}

/**
 * One ballot: a dot on the first problem (not timed), then "Emitir voto" tapped through the
 * browser's input (Playwright's click: the page has painted the dot and is idle, as when a person
 * taps) and timed in the page from the click event's time stamp (the input's arrival) to the
 * confirmation in the DOM (`stored`: the app shows it only once the transaction has committed),
 * then to the end of the frame that paints it (`painted`: the next animation frame, and a task
 * after it, so its style, layout and paint are in).
 */
async function castTimed(page: Page): Promise<TapTimes> {
  await page.getByRole('button', { name: 'Poner un punto en Agua', exact: true }).click();
  await page.evaluate(() => {
    const w = window as unknown as { __tap?: Promise<TapTimes> };
    w.__tap = new Promise<TapTimes>((resolve) => {
      let t0 = Number.NaN;
      document.addEventListener('click', (e) => (t0 = e.timeStamp), { capture: true, once: true });
      // The confirmation ("Voto registrado (núm. N)…"), whatever its exact words.
      const observer = new MutationObserver(() => {
        if (!document.querySelector('.vote-confirmation')) return;
        observer.disconnect();
        const stored = performance.now() - t0;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ stored, painted: performance.now() - t0 });
          channel.port2.postMessage(null);
        });
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
  await page.getByRole('button', { name: 'Emitir voto', exact: true }).click();
  const times = await page.evaluate(() => (window as unknown as { __tap: Promise<TapTimes> }).__tap);
  await page.getByRole('button', { name: 'Siguiente voto' }).click();
  return times;
}

async function scenario(
  page: Page,
  base: string,
  ballots: number,
  sameRound: boolean,
  samples: number,
): Promise<BallotLatencyScenario> {
  const ids = await seed(page, ballots, sameRound);
  await page.goto(`${base}/rounds/${ids.round}`);
  await page.getByRole('tab', { name: 'Pasar la tableta' }).click();
  await page.getByRole('button', { name: 'Poner un punto en Agua', exact: true }).waitFor();
  const times: TapTimes[] = [];
  for (let i = 0; i < samples + 3; i++) {
    const ms = await castTimed(page);
    if (i >= 3) times.push(ms); // the first ballots warm up the code paths
  }
  const painted = times.map((t) => t.painted);
  const stored = times.map((t) => t.stored);
  // Live results of the same round: tab tap → ranking painted.
  const resultsMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const tab = [...document.querySelectorAll('[role="tab"]')].find((b) =>
          b.textContent?.includes('Resultados'),
        )!;
        const observer = new MutationObserver(() => {
          if (!document.querySelector('table')) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        const t0 = performance.now();
        (tab as HTMLElement).click();
      }),
  );
  return {
    storedBallots: ballots,
    inVotedRound: sameRound ? ballots : 0,
    samples: times.length,
    p50: percentile(painted, 50),
    p95: percentile(painted, 95),
    max: Math.max(...painted),
    storedP50: percentile(stored, 50),
    storedP95: percentile(stored, 95),
    resultsMs,
  };
}

export async function run(options: BallotLatencyOptions = {}): Promise<BallotLatencyResult> {
  const total = options.ballots ?? 100_000;
  const samples = options.samples ?? 40;
  const log = options.log ?? ((line: string) => console.log(line));
  const dist = buildPwa(options.dist ?? 'dist');
  const app = await startTequio({ port: options.port ?? 4371, staticDir: dist });
  const browser = await launchChromium();
  try {
    const results: BallotLatencyScenario[] = [];
    for (const [ballots, sameRound] of [
      [0, false],
      [total, false],
      [total, true],
    ] as const) {
      const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 1280, height: 800 } });
      await context.addInitScript(NAME_SHIM);
      const page = await context.newPage();
      await page.goto(app.base);
      await page.getByLabel('Usuario').fill(app.username);
      await page.getByLabel('Contraseña').fill(app.password);
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();
      await page.getByRole('heading', { name: 'Procesos' }).waitFor();
      const result = await scenario(page, app.base, ballots, sameRound, samples);
      log(
        `ballot latency: ${ballots} stored (${sameRound ? 'same round' : 'other rounds'}): ` +
          `painted p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms; ` +
          `stored p50 ${result.storedP50.toFixed(1)} ms, p95 ${result.storedP95.toFixed(1)} ms`,
      );
      results.push(result);
      await context.close();
    }
    return { results };
  } finally {
    await browser.close();
    await app.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { results } = await run({
    ballots: Number(process.argv[2] ?? 100_000),
    samples: Number(process.argv[3] ?? 40),
    dist: process.env.BENCH_DIST ?? 'dist',
    port: Number(process.env.BENCH_PORT ?? 4371),
  });
  console.log('\nRecording one ballot (tap → stored → confirmation painted), Chromium, ms');
  console.table(
    results.map((r) => ({
      'ballots stored': r.storedBallots,
      'in this round': r.inVotedRound,
      samples: r.samples,
      'stored p50': r.storedP50.toFixed(1),
      'stored p95': r.storedP95.toFixed(1),
      'painted p50': r.p50.toFixed(1),
      'painted p95': r.p95.toFixed(1),
      'painted max': r.max.toFixed(1),
      'results tab (ms)': r.resultsMs.toFixed(0),
    })),
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/ballot-latency.json',
    JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
  );
}
